import XCTest

final class CrawlTestsPlaceholder: XCTestCase {}
