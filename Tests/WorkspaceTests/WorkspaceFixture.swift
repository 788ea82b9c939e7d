import Audit
import Crawl
import Detect
import Foundation
import Hummingbird
import Measure
import Scoring
import SiteServer
import SnapshotServer
import Store
import TestSupport
import Workspace
import XCTest

/// A small real history: two nights of `audit` (the NightlyAudit library, real crawl over
/// loopback, real scoring against the 2020 self-reports) over copies of two bundled
/// snapshots, one of them renamed with a hostile title. Built once per test process.
struct History: Sendable {
    let folder: URL
    let runs: URL
    let database: String
    let targets: [CrawlTarget]
    let nights: [String]
    static let hostileName = "<script>alert('xss')</script> Ban Dân tộc"
    static let agencies = ["so-noi-vu", "ban-dan-toc"]
}

actor HistoryCache {
    static let shared = HistoryCache()
    private var built: History?

    func history() async throws -> History {
        if let built { return built }
        let history = try await Self.build()
        built = history
        return history
    }

    private static func build() async throws -> History {
        let folder = makeTemporaryFolder("workspace")
        let copy = folder.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let source = packageRoot.appendingPathComponent("snapshots")
        let port = try freePort()
        for agency in History.agencies {
            try FileManager.default.copyItem(at: source.appendingPathComponent(agency), to: copy.appendingPathComponent(agency))
        }
        // The portals' own absolute links name port 8043: they move to the free port with the sites.
        let files = FileManager.default.enumerator(at: copy, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let file as URL in files where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            guard let text = String(data: try Data(contentsOf: file), encoding: .utf8), text.contains(":8043") else { continue }
            try Data(text.replacingOccurrences(of: ":8043", with: ":\(port)").utf8).write(to: file)
        }
        let targets = try TargetList.load(source.appendingPathComponent("targets.yaml")).filter { History.agencies.contains($0.id) }.map { target in
            var moved = target
            moved.portal = target.portal.replacingOccurrences(of: ":8043", with: ":\(port)")
            moved.services = target.services.map { $0.replacingOccurrences(of: ":8043", with: ":\(port)") }
            if target.id == "ban-dan-toc" { moved.name = History.hostileName }
            return moved
        }
        let servers = try SnapshotSites.start(SnapshotSites.bindings(folder: copy, targets: targets))
        defer { servers.forEach { $0.stop() } }
        let runs = folder.appendingPathComponent("runs")
        let database = runs.appendingPathComponent("portal-audit.sqlite").path
        var nights: [String] = []
        for _ in 0..<2 { nights.append(try await audit(targets: targets, runs: runs, database: database).runID) }
        return History(folder: folder, runs: runs, database: database, targets: targets, nights: nights)
    }

    static func audit(targets: [CrawlTarget], runs: URL, database: String) async throws -> NightlyAudit.Result {
        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let reports = try ReportedFigures.load(packageRoot.appendingPathComponent("reported/2020/bao-cao-2020.csv"), criteria: criteria)
        var options = MeasurementRun.Options(year: 2020)
        options.settings.delayMilliseconds = 0
        let configuration = NightlyAudit.Configuration(targets: targets, rules: try RuleSet.load(named: "nd-43-2011"), urlPolicy: try URLPolicy.bundled(),
                                                       criteria: criteria, reports: reports, previousTotals: nil, databasePath: database,
                                                       runsFolder: runs, measurement: options)
        return try await NightlyAudit(configuration: configuration, log: { _ in }).run()
    }

    private static func freePort() throws -> Int {
        let probe = try SiteServer.start(host: "127.0.0.1", port: 0) { _ in SiteResponse(status: 204, headers: []) }
        defer { probe.stop() }
        return probe.port
    }
}
