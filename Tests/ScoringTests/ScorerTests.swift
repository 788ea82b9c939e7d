@testable import Scoring
import Vocabulary
import XCTest

/// The hand-worked case of testdata/scoring-mini (see its README for the arithmetic).
final class ScorerTests: XCTestCase {
    static let mini = Fixtures.root.appendingPathComponent("testdata/scoring-mini")
    var criteria: CriteriaSet!
    var reports: [SelfReport]!
    var measurements: Measurements!

    override func setUpWithError() throws {
        criteria = try CriteriaSet.load(Self.mini.appendingPathComponent("tieu-chi.yaml"))
        reports = try ReportedFigures.load(Self.mini.appendingPathComponent("bao-cao-2020.csv"), criteria: criteria)
        measurements = try Measurements.load(Self.mini.appendingPathComponent("measurements.json"))
    }

    private func score(_ overrides: [Override] = []) throws -> ScoreSheet {
        try Scorer.score(criteria: criteria, reports: reports, measurements: measurements, overrides: overrides)
    }

    private func criterion(_ sheet: ScoreSheet, _ agency: String, _ id: String) -> CriterionScore {
        sheet.agencies.first { $0.report.id == agency }!.categories.flatMap(\.criteria).first { $0.criterion.id == id }!
    }

    func testTotalsFollowTheMethods() throws {
        let totals = try score().totals(decimals: 1)
        XCTAssertEqual(totals.map(\.id), ["a", "b", "c", "h"])
        XCTAssertEqual(totals.map(\.units), [98, 51, 43, 85])
    }

    func testCategoriesAndCriteriaFollowTheTier() throws {
        let sheet = try score()
        XCTAssertEqual(sheet.agencies[0].categories.map(\.category.id), ["c1", "c2"])
        XCTAssertEqual(sheet.agencies[3].categories.map(\.category.id), ["c1", "c2", "c3"])
        XCTAssertEqual(sheet.agencies[3].categories.map(\.maxPoints), [5, 3, 2])
        XCTAssertEqual(criterion(sheet, "a", "may").points, 1.8, accuracy: 1e-9)
        XCTAssertEqual(criterion(sheet, "h", "may").points, 1, accuracy: 1e-9)
    }

    func testRelativeToBestUsesTheBestOfTheTier() throws {
        let sheet = try score()
        XCTAssertEqual(criterion(sheet, "c", "bt").points, 0.25, accuracy: 1e-9)   // 25 of the province's best 100
        XCTAssertEqual(criterion(sheet, "h", "bt").points, 1, accuracy: 1e-9)      // alone in its tier
    }

    func testDiscrepanciesBeyondToleranceAreListedWithEvidence() throws {
        let sheet = try score()
        let listed = sheet.discrepancies.map { "\($0.agency.id)/\($0.criterion.id)" }
        // b's news count is a lower bound (a partial crawl) above its report: at least 500 against 80.
        XCTAssertEqual(listed, ["a/tin", "b/tin", "b/muc"])
        XCTAssertTrue(sheet.discrepancies[1].atLeast)
        XCTAssertEqual(sheet.discrepancies[0].reported, 120)
        XCTAssertEqual(sheet.discrepancies[0].measured, 100)
        XCTAssertEqual(sheet.discrepancies[0].evidence, ["http://a.test/tin-tuc"])
        XCTAssertEqual(sheet.discrepancies[2].evidence, ["http://b.test/tin"])
    }

    func testWhichValueCounts() throws {
        let sheet = try score()
        let lower = criterion(sheet, "a", "tin")
        XCTAssertEqual([lower.used, lower.points], [100, 2])
        XCTAssertEqual(lower.source, .measured)
        let measured = criterion(sheet, "b", "muc")
        XCTAssertEqual(measured.used, 0.5)
        XCTAssertEqual(measured.source, .measured)
        XCTAssertEqual(Scorer.choose(reported: 3, measured: .value(5, evidence: []),
                                     verification: Verification(use: .lower, tolerance: .absolute(0))).value, 3)
        XCTAssertEqual(Scorer.choose(reported: 3, measured: .value(5, evidence: []),
                                     verification: Verification(use: .reported, tolerance: .absolute(0))).value, 3)
        XCTAssertEqual(Scorer.choose(reported: 3, measured: .value(5, evidence: []),
                                     verification: Verification(use: .measured, tolerance: .absolute(0))).value, 5)
    }

    func testInconclusiveMeasurementsKeepTheReportedFigureAndAreListed() throws {
        let sheet = try score()
        // b was crawled partially: its news count (500) is a lower bound, shown as such; the
        // criterion takes the lower value, the reported 80.
        let partial = criterion(sheet, "b", "tin")
        XCTAssertEqual(partial.used, 80)
        XCTAssertEqual(partial.source, .reported)
        XCTAssertEqual(partial.measured, .atLeast(500, evidence: ["http://b.test/tin"]))
        // c was unreachable, h was not measured at all.
        XCTAssertEqual(criterion(sheet, "c", "muc").used, 0.5)
        XCTAssertEqual(criterion(sheet, "h", "muc").source, .reported)
        XCTAssertEqual(sheet.pending.map { "\($0.agency.id)/\($0.criterion.id)" }, ["c/tin", "c/muc", "h/tin", "h/muc"])
        XCTAssertTrue(sheet.pending[0].reason.contains("unreachable"), sheet.pending[0].reason)
    }

    func testAMissingReportedFigureScoresNothing() throws {
        let missing = criterion(try score(), "c", "tin")
        XCTAssertNil(missing.used)
        XCTAssertEqual(missing.source, .missing)
        XCTAssertEqual(missing.points, 0)
    }

    func testOverridesAreAppliedLastAndKept() throws {
        let overrides = try Override.load(Self.mini.appendingPathComponent("dieu-chinh.yaml"))
        let sheet = try score(overrides)
        XCTAssertEqual(sheet.totals(decimals: 1).map(\.units), [98, 61, 61, 85])
        let value = criterion(sheet, "c", "tin")
        XCTAssertEqual(value.source, .override)
        XCTAssertEqual(value.points, 1.8, accuracy: 1e-9)
        XCTAssertEqual(value.override?.by, "Nguyễn Văn A")
        XCTAssertEqual(criterion(sheet, "b", "kh").points, 2)
        XCTAssertEqual(sheet.overrides.count, 2)
        // The pending decision stays listed: an override answers it, the list shows what was asked.
        XCTAssertTrue(sheet.pending.contains { $0.agency.id == "c" && $0.criterion.id == "tin" })
    }

    func testOverrideOfARatioTakesAPercentageAndRefusesMoreThanAll() throws {
        let directory = try Fixtures.scratch()
        let url = try Fixtures.write("overrides:\n  - {agency: a, criterion: may, value: 85%, reason: r, by: b}\n", "o.yaml", in: directory)
        XCTAssertEqual(criterion(try score(Override.load(url)), "a", "may").used, 0.85)
        let tooMuch = try Fixtures.write("overrides:\n  - {agency: a, criterion: may, value: 185%, reason: r, by: b}\n", "p.yaml", in: directory)
        XCTAssertDataFileError(try score(Override.load(tooMuch)), file: "p.yaml", line: 2, containing: "0–1")
    }

    func testOverrideOfAnUnknownAgencyNamesItsLine() throws {
        let overrides = try Override.load(Self.mini.appendingPathComponent("bad-overrides.yaml"))
        XCTAssertDataFileError(try score(overrides), file: "bad-overrides.yaml", line: 7, containing: "khong-co")
    }

    func testOverridePointsBeyondTheCriterionAreRejected() throws {
        let directory = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try Fixtures.write("overrides:\n  - {agency: a, criterion: lan, points: 3, reason: r, by: b}\n", "o.yaml", in: directory)
        XCTAssertDataFileError(try score(Override.load(url)), file: "o.yaml", line: 2, containing: "0…1")
        let both = try Fixtures.write("overrides:\n  - {agency: a, criterion: lan, points: 1, value: 1, reason: r, by: b}\n",
                                      "p.yaml", in: directory)
        XCTAssertDataFileError(try Override.load(both), file: "p.yaml", line: 2, containing: "value")
    }

    func testSectionCountsRequireEveryItemDecided() {
        let input = criteria.input("muc")!
        let target = Measurements.Target(id: "x", name: nil, tier: nil, status: .ok, reason: nil, pagesFetched: 3,
                                         sections: [.init(item: "tin-tuc", state: .present, url: "u", evidence: nil),
                                                    .init(item: "van-ban", state: .inconclusive, url: nil, evidence: nil)],
                                         news: nil, documents: nil, services: nil)
        guard case .inconclusive(let reason, _)? = target.figure(for: input) else { return XCTFail("expected inconclusive") }
        XCTAssertTrue(reason.contains("van-ban"))
    }

    func testUnauditedPortalFollowsTheCriteriaRule() throws {
        // c's portal was unreachable: its web criteria count the self-report by default …
        XCTAssertEqual(criterion(try score(), "c", "muc").source, .reported)
        XCTAssertEqual(try score().agencies.first { $0.report.id == "c" }?.unaudited, .unreachable)
        // … nothing under `unaudited: zero` …
        criteria.unaudited = .zero
        let zero = criterion(try score(), "c", "muc")
        XCTAssertEqual([zero.used, zero.points], [0, 0])
        XCTAssertEqual(zero.source, .unaudited)
        // … and the last night that reached it under `last-measured`.
        criteria.unaudited = .lastMeasured
        let last = try Measurements.load(try Fixtures.write(#"{"targets": [{"id": "c", "status": "ok", "pagesFetched": 9, "sections": ["#
            + #"{"item": "tin-tuc", "state": "present"}, {"item": "van-ban", "state": "absent"}]}]}"#, "last.json", in: FileManager.default.temporaryDirectory))
        let sheet = try Scorer.score(criteria: criteria, reports: reports, measurements: measurements, overrides: [], lastMeasured: last)
        XCTAssertEqual(criterion(sheet, "c", "muc").used, 0.5)
        XCTAssertEqual(criterion(sheet, "c", "muc").source, .lastMeasured)
        XCTAssertEqual(sheet.totals(decimals: 1).first { $0.id == "c" }?.unaudited, "unreachable")
    }

    func testAgencyWithoutARowCountsOnlyWhatWasMeasured() throws {
        let known = ["a", "b", "c", "h", "n"].map { KnownAgency(id: $0, name: "Cơ quan \($0)", tier: .province) }
        let all = try ReportedFigures.load(Self.mini.appendingPathComponent("bao-cao-2020.csv"), criteria: criteria,
                                           agencies: known)
        XCTAssertEqual(all.last?.reported, false)
        let nMeasured = try Measurements.load(try Fixtures.write(#"{"targets": [{"id": "n", "status": "ok", "pagesFetched": 9, "sections": ["#
            + #"{"item": "tin-tuc", "state": "present"}, {"item": "van-ban", "state": "present"}], "news": {"count": 50}}]}"#, "n.json",
            in: FileManager.default.temporaryDirectory))
        let sheet = try Scorer.score(criteria: criteria, reports: all, measurements: nMeasured, overrides: [])
        XCTAssertEqual(criterion(sheet, "n", "muc").points, 2)
        XCTAssertEqual(criterion(sheet, "n", "tin").points, 1, accuracy: 1e-9)   // 50 of 100, 2 points
        XCTAssertEqual(criterion(sheet, "n", "lan").points, 0)
        XCTAssertEqual(sheet.counts.notReported, 1)
        XCTAssertTrue(sheet.discrepancies.allSatisfy { $0.agency.id != "n" })
    }
}
