import XCTest

final class DetectTestsPlaceholder: XCTestCase {}
