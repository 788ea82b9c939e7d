import Audit
import Foundation
import Measure
import Hummingbird
import Scoring
import SiteServer
import SnapshotServer
import Store
import TestSupport
import Workspace
import XCTest

/// An override decided in the workspace enters the next night's scoring exactly as the
/// same line of an overrides file (reported/<year>/dieu-chinh.yaml) enters `score`.
final class OverrideScoringTests: XCTestCase {
    func testOverrideDecisionScoresTheNextNightLikeTheOverridesFile() async throws {
        let workspace = try await ServedWorkspace.make()
        let history = workspace.history
        // This test adds a night: it works on its own copy of the runs folder.
        let runs = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-runs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: history.runs, to: runs)
        let flag = try XCTUnwrap(try workspace.store.allFlags(open: true, agency: "so-noi-vu").first { $0.kind == .discrepancy && $0.subject == "tin-bai" },
                                 "Sở Nội vụ reported far more news than the crawl counts")
        try await workspace.serve { web in
            let user = try await web.login("an")
            let form = try await web.get("/flags/\(flag.fingerprint)", as: user)
            XCTAssertTrue(form.text.contains("<option value=\"tin-bai\" selected>"), "the news count's criterion is offered first")
            let answer = try await web.post("/flags/\(flag.fingerprint)/decision", [
                ("decision", "override"), ("criterion", "tin-bai"), ("value", "57,5"),
                ("reason", "Đối chiếu trực tiếp chuyên mục Tin tức"), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(answer.status, .seeOther, answer.text)
            let unknown = try await web.post("/flags/\(flag.fingerprint)/decision", [
                ("decision", "override"), ("criterion", "khong-co"), ("value", "1"), ("reason", "thử"), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(unknown.status, .unprocessableContent)
            let negative = try await web.post("/flags/\(flag.fingerprint)/decision", [
                ("decision", "override"), ("criterion", "tin-bai"), ("value", "-3"), ("reason", "thử"), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(negative.status, .unprocessableContent)
        }
        XCTAssertEqual(try workspace.store.overridesInForce().map { "\($0.agency) \($0.criterion ?? "") \($0.value ?? -1)" }, ["so-noi-vu tin-bai 57.5"])
        let database = workspace.database
        try workspace.store.close()

        let servers = try SnapshotSites.start(SnapshotSites.bindings(folder: history.folder.appendingPathComponent("snapshots"), targets: history.targets))
        let night = try await HistoryCache.audit(targets: history.targets, runs: runs, database: database)
        servers.forEach { $0.stop() }

        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let reports = try ReportedFigures.load(packageRoot.appendingPathComponent("reported/2020/bao-cao-2020.csv"), criteria: criteria)
        let file = runs.appendingPathComponent("dieu-chinh.yaml")
        try """
            overrides:
              - agency: so-noi-vu
                criterion: tin-bai
                value: 57,5
                reason: Đối chiếu trực tiếp chuyên mục Tin tức
                by: an
            """.write(to: file, atomically: true, encoding: .utf8)
        let measurements = try MeasurementsFile.decoder().decode(MeasurementsFile.self,
                                                                 from: Data(contentsOf: night.runFolder.appendingPathComponent("measurements.json")))
        func totals(_ overrides: [Override]) throws -> [String: Double] {
            try NightScoring.score(criteria: criteria, reports: reports, previous: nil, measurements: measurements,
                                   audited: Set(History.agencies), year: 2020, overrides: overrides).totals
        }
        let store = try Store.open(path: database)
        let stored = Dictionary(uniqueKeysWithValues: try store.agencySummaries(run: night.runID).compactMap { agency in agency.score.map { (agency.id, $0) } })
        XCTAssertEqual(stored, try totals(Override.load(file)))
        XCTAssertNotEqual(stored["so-noi-vu"], try totals([])["so-noi-vu"], "the override changed the score")
    }
}
