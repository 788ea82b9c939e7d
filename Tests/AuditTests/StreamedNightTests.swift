@testable import Audit
import Crawl
import Detect
import Foundation
@testable import Measure
import Report
import Scoring
import SiteServer
@testable import Store
import TestSupport
import XCTest

/// The nightly audit reads measurements.json one target at a time and keeps only
/// each target's compact figures: what it scores, records and reports must be
/// exactly what the whole file read at once gives.
final class StreamedNightTests: XCTestCase {
    /// Platform portals served on loopback under the ids of their agencies, and one
    /// address nothing answers (a portal that cannot be audited).
    /// (fixture, id, name, a district's).
    static let portals = [("joomla-ban-dan-toc", "ban-dan-toc", "Ban Dân tộc", false),
                          ("liferay62-so-noi-vu", "so-noi-vu", "Sở Nội vụ", false),
                          ("egov-vnpt-so-y-te", "so-y-te", "Sở Y tế", false),
                          ("dnn-huyen-muong-la", "huyen-muong-la", "UBND huyện Mường La", true)]

    func testTheStreamedNightEqualsTheWholeFileNight() async throws {
        let folder = makeTemporaryFolder("streamed-night")
        defer { try? FileManager.default.removeItem(at: folder) }
        var servers: [SiteServer] = []
        defer { servers.forEach { $0.stop() } }
        var targets: [CrawlTarget] = []
        for (fixture, id, name, district) in Self.portals {
            let site = packageRoot.appendingPathComponent("fixtures/platforms/\(fixture)/site")
            let server = try SiteServer.start(handler: try StaticSite(root: site).handler)
            servers.append(server)
            targets.append(CrawlTarget(id: id, name: name, tier: district ? .district : .province, portal: server.baseURL + "/", verified: id != "so-y-te"))
        }
        let closed = try SiteServer.start(handler: { _ in SiteResponse(status: 204, headers: []) })
        let unreachable = closed.baseURL + "/"
        closed.stop()
        targets.append(CrawlTarget(id: "so-tai-chinh", name: "Sở Tài chính", tier: .province, portal: unreachable))

        var options = MeasurementRun.Options(year: 2020)
        options.settings.delayMilliseconds = 0
        options.probeTransport = false
        let rules = try RuleSet.load(named: "nd-43-2011")
        let runFolder = folder.appendingPathComponent("20261129-020000")
        let (summary, pages) = try await MeasurementRun(options: options, rules: rules, policy: try URLPolicy.bundled(), log: { _ in })
            .measureKeepingPages(targets, out: runFolder)
        XCTAssertEqual(pages.count, targets.count)

        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let reports = try ReportedFigures.load(packageRoot.appendingPathComponent("reported/2020"), criteria: criteria)
        let policy = try FlagPolicy.standard()
        let records = NightRecordBuilder(runsFolder: folder, policy: policy)
        var reportBuilder = ReportBuilder(rules: rules, criteria: criteria.rules, policy: policy)
        reportBuilder.unconfirmedAddresses = ["so-y-te"]
        let started = Date(timeIntervalSince1970: 1_795_000_000)
        let audited = Set(targets.map(\.id))
        let history = [AgencyHistoryRow(runID: "a", startedAt: started.addingTimeInterval(-86_400), status: .ok, itemsPresent: 9, news: 3,
                                        documents: 2, level3: 1, level4: 0, score: 71.5, changes: [])]
        let flag = Flag(fingerprint: "f", agency: "ban-dan-toc", kind: .missing, subject: "gop-y", reason: .missing(item: "gop-y"),
                        firstSeenRun: "a", firstSeenAt: started.addingTimeInterval(-86_400), lastSeenRun: "b", isOpen: true, closedRun: nil)

        // The whole file at once, as the night read it before.
        let file = try MeasurementsFile.read(from: summary.file)
        let wholeScoring = try NightScoring.score(criteria: criteria, reports: reports, previous: nil, measurements: file,
                                                  audited: audited, year: 2020, lastMeasured: summary.file)
        let wholeRecord = records.night(runID: "r", startedAt: started, finishedAt: started, measurements: file, pages: pages,
                                        scores: wholeScoring.totals, reported: wholeScoring.reported,
                                        discrepancies: Dictionary(uniqueKeysWithValues: file.targets.map { ($0.id, wholeScoring.discrepancyFindings(agency: $0.id)) }))
        let run = RunSummary(id: "r", startedAt: started, finishedAt: started, year: 2020, rules: rules.decree)
        let wholeModel = reportBuilder.model(run: run, measurements: file, scoring: wholeScoring,
                                             history: ["so-noi-vu": history], flags: ["ban-dan-toc": [flag]])

        // One target at a time.
        let tonight = try TonightsMeasurements(summary.file, pages: pages, runID: "r", records: records, reports: reportBuilder)
        let scoring = try NightScoring.score(criteria: criteria, reports: reports, previous: nil, measured: tonight.figures, audited: audited,
                                             year: 2020, lastMeasured: summary.file, overrides: [])
        let record = NightRecord(runID: "r", startedAt: started, finishedAt: started, year: tonight.year, rules: tonight.rules,
                                 agencies: tonight.agencies.map { $0.night(scoring: scoring) })
        let model = reportBuilder.model(run: run, scoring: scoring, agencies: tonight.agencies.map { agency in
            reportBuilder.completed(agency.report, counts: agency.night.counts, scoring: scoring,
                                    history: agency.night.id == "so-noi-vu" ? history : [],
                                    flags: agency.night.id == "ban-dan-toc" ? [flag] : [])
        })

        // The run is varied enough for the comparison to mean something.
        XCTAssertEqual(file.targets.map(\.id), targets.map(\.id))
        XCTAssertEqual(Set(file.targets.map(\.status)), [.ok, .unreachable])
        XCTAssertGreaterThan(wholeRecord.agencies.flatMap(\.pages).count, 20)
        XCTAssertFalse(wholeScoring.sheet.discrepancies.isEmpty)
        XCTAssertTrue(wholeModel.agencies.contains { $0.rankedUnaudited == true })

        XCTAssertEqual(scoring.totals, wholeScoring.totals)
        XCTAssertEqual(scoring.sheet.discrepancies.map(\.criterion.id), wholeScoring.sheet.discrepancies.map(\.criterion.id))
        XCTAssertEqual(record, wholeRecord)
        XCTAssertEqual(model, wholeModel)
        for format in ReportFiles.Format.allCases {
            XCTAssertEqual(try ReportFiles.render(model, as: format), try ReportFiles.render(wholeModel, as: format), format.rawValue)
        }
        XCTAssertEqual(CSVReport.figures(model), CSVReport.figures(wholeModel))
        XCTAssertEqual(CSVReport.rankings(model), CSVReport.rankings(wholeModel))
        // The files written one agency at a time are the whole model's renderings.
        let written = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: written, withIntermediateDirectories: true)
        XCTAssertEqual(try ReportFiles.write(model, to: written), written.appendingPathComponent("bao-cao.html"))
        for format in ReportFiles.Format.allCases {
            XCTAssertEqual(try Data(contentsOf: written.appendingPathComponent(ReportFiles.name(format))),
                           try ReportFiles.render(wholeModel, as: format), format.rawValue)
        }
        XCTAssertEqual(try Data(contentsOf: written.appendingPathComponent(ReportFiles.figuresCSVName)), CSVReport.figures(wholeModel))
        XCTAssertEqual(try Data(contentsOf: written.appendingPathComponent(ReportFiles.rankingCSVName)), CSVReport.rankings(wholeModel))
        XCTAssertEqual(try JSONReport.decode(Data(contentsOf: written.appendingPathComponent("bao-cao.json"))), wholeModel)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: written.path)),
                       Set(ReportFiles.Format.allCases.map(ReportFiles.name) + [ReportFiles.figuresCSVName, ReportFiles.rankingCSVName]),
                       "no partial file is left")
        XCTAssertEqual(try Scoring.Measurements.streamed(summary.file), try Scoring.Measurements.load(summary.file))
    }

    /// Targets cut at any byte by the chunks the file is read in decode as the whole file does.
    func testTheReaderGivesTheWholeFilesTargetsWhateverTheChunks() throws {
        var tricky = Fixtures.banDanToc
        tricky.id = "ban-thu-thach"
        tricky.name = "Ban \"targets\" : [ { ] } \\\" \n xuống dòng"
        let file = try Fixtures.measurements([Fixtures.soNoiVu, tricky, Fixtures.banDanToc])
        let folder = makeTemporaryFolder("reader")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("measurements.json")
        try MeasurementsFile.encoder().encode(file).write(to: url)
        let whole = try MeasurementsFile.encoder().encode(MeasurementsFile.read(from: url))
        for chunk in [1, 2, 7, 64, 1 << 20] {
            var reader = MeasurementsReader(url: url)
            reader.chunkSize = chunk
            var targets: [TargetMeasurement] = []
            var header = try reader.forEachTarget { targets.append($0) }
            XCTAssertEqual(header.targets.count, 0)
            header.targets = targets
            XCTAssertEqual(try MeasurementsFile.encoder().encode(header), whole, "chunks of \(chunk) bytes")
        }
    }

    func testABrokenFileIsAnErrorNotFewerTargets() throws {
        let folder = makeTemporaryFolder("reader-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("measurements.json")
        let data = try MeasurementsFile.encoder().encode(try Fixtures.measurements([Fixtures.soNoiVu, Fixtures.banDanToc]))
        try data.prefix(data.count * 2 / 3).write(to: url)
        XCTAssertThrowsError(try MeasurementsReader(url: url).forEachTarget { _ in })
    }
}
