import XCTest
@testable import Report
@testable import Scoring

final class RankerTests: XCTestCase {
    var rules: RankingRules!

    override func setUpWithError() throws { rules = try Fixtures.rules() }

    private func rank(_ current: [String], _ previous: [String]? = nil) -> Ranking {
        let decimals = rules.conventions.decimals
        return Ranker.rank(current: Fixtures.scores(current, decimals: decimals),
                           previous: previous.map { Fixtures.scores($0, decimals: decimals) }, rules: rules)
    }

    private func ranks(_ ranking: Ranking, tier: Int = 0) -> [String] {
        ranking.tiers[tier].rows.map { "\($0.current.agency.id)=\($0.current.rank)" }
    }

    func testTiesShareARankAndTheNextRankSkips() {
        let r = rank(["a:province:95,3", "b:province:95,3", "c:province:93,1", "d:province:90,1", "e:province:90,1", "f:province:84,3"])
        XCTAssertEqual(ranks(r), ["a=1", "b=1", "c=3", "d=4", "e=4", "f=6"])
    }

    func testScoresEqualAtThePublishedPrecisionTie() {
        // 95,26 and 95,34 both publish as 95,3.
        let r = rank(["a:province:95,26", "b:province:95,34"])
        XCTAssertEqual(ranks(r), ["a=1", "b=1"])
    }

    func testTiersAreRankedSeparately() {
        let r = rank(["p:province:80", "d:district:90", "q:province:85"])
        XCTAssertEqual(ranks(r, tier: 0), ["q=1", "p=2"])
        XCTAssertEqual(ranks(r, tier: 1), ["d=1"])
    }

    func testChangeIsPreviousRankMinusCurrentRank() {
        let r = rank(["a:province:90", "b:province:80", "c:province:70"], ["a:province:60", "b:province:80", "c:province:70"])
        XCTAssertEqual(r.tiers[0].rows.map(\.change), [2, -1, -1])
    }

    func testAgencyNewThisYearHasNoChange() {
        let r = rank(["a:province:90", "new:province:85"], ["a:province:80", "gone:province:95"])
        XCTAssertEqual(r.tiers[0].rows[0].previous?.rank, 2)
        XCTAssertEqual(r.tiers[0].rows[0].change, 1)   // 2 → 1: the agency gone this year still ranked last year
        XCTAssertNil(r.tiers[0].rows[1].previous)
        XCTAssertNil(r.tiers[0].rows[1].change)
        let text = RankingText(conventions: rules.conventions, year: 2020, previousYear: 2019)
        XCTAssertEqual(text.change(nil), "mới")
        XCTAssertEqual(text.cell(nil), "—")
    }

    func testWithoutPreviousYearNothingIsCompared() {
        let r = rank(["a:province:90", "b:district:70"])
        XCTAssertNil(r.tiers[0].rows[0].change)
        XCTAssertNil(r.tiers[0].average.change)
        XCTAssertNil(r.overall.change)
        XCTAssertEqual(r.tiers[0].shares.map(\.previous), [nil, nil, nil, nil])
        let markdown = RankingMarkdown.render(r, text: RankingText(conventions: rules.conventions, year: 2020, previousYear: nil),
                                              hasPrevious: false)
        XCTAssertTrue(markdown.contains("| STT | Tên cơ quan | Năm 2020 |\n"), markdown)
        XCTAssertFalse(markdown.contains("So sánh"))
        XCTAssertTrue(markdown.contains("là 90/100 điểm;"), markdown)
    }

    func testTieOrderOptions() {
        let current = ["z:province:90:Sở Xây dựng", "t:province:90:Sở Tài chính", "d:province:90:Sở Đầu tư"]
        let previous = ["z:province:80", "t:province:85"]
        rules.conventions.tieOrder = .input
        XCTAssertEqual(rank(current, previous).tiers[0].rows.map(\.current.agency.id), ["z", "t", "d"])
        rules.conventions.tieOrder = .name
        XCTAssertEqual(rank(current, previous).tiers[0].rows.map(\.current.agency.id), ["d", "t", "z"])
        rules.conventions.tieOrder = .previousRank
        XCTAssertEqual(rank(current, previous).tiers[0].rows.map(\.current.agency.id), ["t", "z", "d"])
    }

    func testLevelsFollowTheThresholds() {
        let r = rank(["a:province:85,0", "b:province:84,9", "c:province:70,0", "d:province:69,9", "e:province:50", "f:province:49,9"])
        XCTAssertEqual(r.tiers[0].rows.map(\.current.level), ["Tốt", "Khá", "Khá", "Trung bình", "Trung bình", "Yếu"])
    }

    func testAverageOfExactlyAWholeNumberIsNotTruncatedBelowIt() {
        // 84,9 + 85,1 = 170,0: a binary floating mean may be 84,999…
        let r = rank(["a:province:84,9", "b:province:85,1", "c:province:85,3", "d:province:84,7"])
        XCTAssertEqual(r.tiers[0].average.printedCurrent, 85)
        XCTAssertEqual(r.tiers[0].average.level, "Tốt")
    }

    func testAverageRoundingOptions() {
        let current = ["a:province:82,9", "b:province:83"], previous = ["a:province:80", "b:province:80,9"]
        rules.conventions.averageRounding = .truncate
        XCTAssertEqual(rank(current, previous).tiers[0].average.printedCurrent, 82)
        XCTAssertEqual(rank(current, previous).tiers[0].average.change, 2)   // 2,5 → 2
        rules.conventions.averageRounding = .nearest
        XCTAssertEqual(rank(current, previous).tiers[0].average.printedCurrent, 83)
        XCTAssertEqual(rank(current, previous).tiers[0].average.change, 3)   // 2,5 → 3
    }

    func testNegativeChangeTruncatesTowardZero() {
        let r = rank(["a:province:80"], ["a:province:83,7"])
        XCTAssertEqual(r.tiers[0].average.change, -3)
        XCTAssertEqual(RankingText(conventions: rules.conventions, year: 2020, previousYear: 2019).averageChange(-3),
                       "giảm 3 điểm so với năm 2019")
    }

    func testOverallAverageOptions() {
        // Tier means 90 and 70 (1 and 3 agencies): mean of tiers 80, mean of agencies 75.
        let current = ["p:province:90", "a:district:70", "b:district:70", "c:district:70"]
        rules.conventions.overallAverage = .meanOfTiers
        XCTAssertEqual(rank(current).overall.printedCurrent, 80)
        rules.conventions.overallAverage = .meanOfAgencies
        XCTAssertEqual(rank(current).overall.printedCurrent, 75)
    }

    func testChangeBasisOptions() {
        // 86,28 vs 81,90 (the decision's province tier): 4,38 → 4 unrounded; 86 − 81 = 5 printed.
        let current = ["a:province:86,28"], previous = ["a:province:81,9"]
        rules.conventions.decimals = 2
        rules.conventions.changeBasis = .unrounded
        XCTAssertEqual(rank(current, previous).tiers[0].average.change, 4)
        rules.conventions.changeBasis = .printed
        XCTAssertEqual(rank(current, previous).tiers[0].average.change, 5)
    }

    func testLevelSharesRoundEachCellToTheNearest() {
        // 1/12 → 8,33 → 8 and 2/12 → 16,67 → 17, as in the decision's district column for 2019.
        let twelve = (0..<12).map { i in "a\(i):district:\(i == 0 ? "87" : i < 10 ? "75" : "60")" }
        XCTAssertEqual(rank(twelve).tiers[0].shares.map(\.current), [8, 75, 17, 0])
    }

    func testLargestRemainderSharesSumTo100() {
        let thirds = ["a:province:90", "b:province:75", "c:province:60"]
        rules.conventions.shareRounding = .nearest
        XCTAssertEqual(rank(thirds).tiers[0].shares.map(\.current), [33, 33, 33, 0])
        rules.conventions.shareRounding = .largestRemainder
        let shares = rank(thirds).tiers[0].shares.map(\.current)
        XCTAssertEqual(shares.reduce(0, +), 100)
        XCTAssertEqual(shares, [34, 33, 33, 0])
    }

    func testCellsArePrintedLikeTheDecision() {
        var conventions = rules.conventions
        let text = RankingText(conventions: conventions, year: 2020, previousYear: 2019)
        let r = rank(["a:province:95,3"])
        XCTAssertEqual(text.cell(r.tiers[0].rows[0].current), "01 (95,3)")
        XCTAssertEqual([text.change(5), text.change(-2), text.change(0)], ["+5", "-2", "="])
        conventions.rankDigits = 3
        XCTAssertEqual(RankingText(conventions: conventions, year: nil, previousYear: nil).rank(7), "007")
    }
}
