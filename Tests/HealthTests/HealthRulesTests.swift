import DataFile
@testable import Health
import XCTest

final class HealthRulesTests: XCTestCase {
    func testBundledRulesLoad() throws {
        let rules = try HealthRules.standard()
        XCTAssertTrue(rules.injectedContent.strong.contains("nổ hũ"))
        XCTAssertEqual(rules.freshness.sections.map(\.id), ["tin-tuc", "chi-dao-dieu-hanh", "van-ban", "lich-cong-tac"])
    }
}
