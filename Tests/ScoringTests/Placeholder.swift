import XCTest

final class ScoringTestsPlaceholder: XCTestCase {}
