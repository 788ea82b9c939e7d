import XCTest

final class FetchTestsPlaceholder: XCTestCase {}
