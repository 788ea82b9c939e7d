import XCTest
@testable import Report
@testable import Scoring

/// Quyết định 2793/QĐ-UBND: from its 2020 and 2019 totals, the ranking must print
/// Bảng 1, Bảng 2, the level shares and the averages exactly as the decision does.
final class DecisionAcceptanceTests: XCTestCase {
    var markdown = ""
    var ranking: Ranking!

    override func setUpWithError() throws {
        let rules = try Fixtures.rules()
        let current = try TotalsFile.load(Fixtures.decision.appendingPathComponent("tong-diem-2020.csv"), rules: rules)
        let previous = try TotalsFile.load(Fixtures.decision.appendingPathComponent("tong-diem-2019.csv"), rules: rules)
        ranking = Ranker.rank(current: current, previous: previous, rules: rules)
        markdown = RankingMarkdown.render(ranking, text: RankingText(conventions: rules.conventions, year: 2020, previousYear: 2019),
                                          hasPrevious: true)
    }

    func testBang1IsPrintedAsInTheDecision() throws {
        XCTAssertTrue(markdown.contains(try Fixtures.text("bang-1.md").trimmingCharacters(in: .newlines)), markdown)
        XCTAssertTrue(markdown.contains("*Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp tỉnh*"))
    }

    func testBang2IsPrintedAsInTheDecision() throws {
        XCTAssertTrue(markdown.contains(try Fixtures.text("bang-2.md").trimmingCharacters(in: .newlines)), markdown)
        XCTAssertTrue(markdown.contains("*Bảng 2. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp huyện*"))
    }

    func testLevelSharesAreThoseOfTheDecision() throws {
        XCTAssertTrue(markdown.contains(try Fixtures.text("ty-le-muc-do.md").trimmingCharacters(in: .newlines)), markdown)
    }

    func testAveragesSentenceIsThatOfTheDecision() throws {
        XCTAssertTrue(markdown.contains(try Fixtures.text("diem-trung-binh.md").trimmingCharacters(in: .newlines)), markdown)
    }

    func testAverageFiguresFollowTheDecisionsConventions() {
        let province = ranking.tiers[0].average, district = ranking.tiers[1].average
        XCTAssertEqual(province.current, Fraction(17256, 200))   // 86,28
        XCTAssertEqual([province.printedCurrent, province.change], [86, 4])
        XCTAssertEqual([district.printedCurrent, district.change], [82, 8])  // 82,97 truncated
        XCTAssertEqual([ranking.overall.printedCurrent, ranking.overall.change], [84, 6])
        XCTAssertEqual(ranking.overall.level, "Khá")
    }
}
