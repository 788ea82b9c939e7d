import XCTest

final class HTMLTestsPlaceholder: XCTestCase {}
