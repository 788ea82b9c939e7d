import Crawl
import Detect
import Foundation
import Measure
import Report
import Scoring
import Store
import Vocabulary

/// One night of `portal-audit audit`: under the run lock, crawls and measures every
/// target, scores them when reported figures are given, records the night in the
/// Store (changes, flags) and writes the reports into the run's folder.
public final class NightlyAudit {
    public struct Configuration {
        public var targets: [CrawlTarget]
        public var rules: RuleSet
        public var urlPolicy: URLPolicy
        public var criteria: CriteriaSet
        /// Self-reported figures; nil: the night is measured, not scored.
        public var reports: [SelfReport]?
        /// Last year's totals, for the ranking's comparison columns.
        public var previousTotals: [AgencyScore]?
        public var databasePath: String
        public var runsFolder: URL
        public var measurement: MeasurementRun.Options
        /// Nights shown in each agency's trend.
        public var trendNights = 30

        public init(targets: [CrawlTarget], rules: RuleSet, urlPolicy: URLPolicy, criteria: CriteriaSet, reports: [SelfReport]?,
                    previousTotals: [AgencyScore]?, databasePath: String, runsFolder: URL, measurement: MeasurementRun.Options) {
            self.targets = targets
            self.rules = rules
            self.urlPolicy = urlPolicy
            self.criteria = criteria
            self.reports = reports
            self.previousTotals = previousTotals
            self.databasePath = databasePath
            self.runsFolder = runsFolder
            self.measurement = measurement
        }
    }

    public struct Result {
        public var runID: String
        public var runFolder: URL
        public var htmlReport: URL
        public var outcome: NightOutcome
        /// For a scored night: agencies scored, of which not reported and not audited.
        public var scored: (scored: Int, notReported: Int, unaudited: Int)?
    }

    /// Marks a run folder whose night is not recorded yet; the next run removes such folders.
    static let unfinishedMarker = ".chua-xong"

    private let configuration: Configuration
    private let log: @Sendable (String) -> Void

    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void) {
        self.configuration = configuration
        self.log = log
    }

    /// Throws `AuditError.cannotRun` when the lock is held or the history cannot be opened or written.
    public func run(progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> Result {
        let runs = configuration.runsFolder.standardizedFileURL
        let database = URL(fileURLWithPath: configuration.databasePath)
        let databaseFolder = database.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: databaseFolder, withIntermediateDirectories: true)
        } catch {
            throw AuditError.cannotRun(databaseFolder.path, doing: "không tạo được thư mục cơ sở dữ liệu (cannot create the database folder)", error)
        }
        // The history is opened before anything else is made: a database that cannot
        // be opened leaves no runs folder and no lock file behind.
        let store: Store
        do {
            store = try Store.open(path: database.path)
        } catch {
            throw AuditError.cannotRun("\(database.path): không mở được cơ sở dữ liệu (cannot open the database): \(error)")
        }
        defer { try? store.close() }
        let lock = try RunLock(path: database.path + ".lock")
        defer { lock.release() }
        do {
            try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        } catch {
            throw AuditError.cannotRun(runs.path, doing: "không tạo được thư mục các lượt kiểm tra (cannot create the runs folder)", error)
        }
        return try await cannotRunOnError {
            try removeUnfinishedRuns(in: runs, store: store)
            return try await night(store: store, runs: runs, progress: progress)
        }
    }

    private func night(store: Store, runs: URL, progress: (@Sendable (CrawlProgress) -> Void)?) async throws -> Result {
        let startedAt = Date()
        let runID = try newRunID(startedAt, runs: runs, store: store)
        let folder = runs.appendingPathComponent(runID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marker = folder.appendingPathComponent(Self.unfinishedMarker)
        do {
            try Data(runID.utf8).write(to: marker)
            try store.beginRun(id: runID, startedAt: startedAt, year: configuration.measurement.year, rules: configuration.rules.decree)
            let builder = NightRecordBuilder(runsFolder: runs, policy: store.policy)
            var options = configuration.measurement
            let lastRun = try store.latestRun()
            if let last = lastRun, let previous = try store.night(id: last.id) {
                options.previousCaptures = try builder.captures(of: previous, validators: store.validators(agency:))
            }
            let lastMeasurements = lastRun.map { runs.appendingPathComponent($0.id).appendingPathComponent("measurements.json") }
                .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
            let (summary, pages) = try await MeasurementRun(options: options, rules: configuration.rules, policy: configuration.urlPolicy, log: log)
                .measureKeepingPages(configuration.targets, out: folder, progress: progress)
            var reports = ReportBuilder(rules: configuration.rules, criteria: configuration.criteria.rules, policy: store.policy)
            reports.unconfirmedAddresses = Set(configuration.targets.filter { !$0.verified }.map(\.id))
            // measurements.json is read back one target at a time, kept only as the figures the night needs.
            let tonight = try TonightsMeasurements(summary.file, pages: pages, runID: runID, records: builder, reports: reports)
            let scoring = try configuration.reports.map { reports in
                try NightScoring.score(criteria: configuration.criteria, reports: reports, previous: configuration.previousTotals,
                                       measured: tonight.figures,
                                       audited: Set(tonight.agencies.map(\.night.id)), year: configuration.measurement.year,
                                       lastMeasured: configuration.criteria.unaudited == .lastMeasured ? lastMeasurements : nil,
                                       overrides: try overrides(store))
            }
            let record = NightRecord(runID: runID, startedAt: startedAt, finishedAt: Date(), year: tonight.year, rules: tonight.rules,
                                     agencies: tonight.agencies.map { $0.night(scoring: scoring) })
            let outcome = try store.record(record)
            let html = try writeReports(record: record, tonight: tonight, builder: reports, scoring: scoring, store: store, to: folder)
            try FileManager.default.removeItem(at: marker)
            return Result(runID: runID, runFolder: folder, htmlReport: html, outcome: outcome, scored: scoring?.sheet.counts)
        } catch {
            // Nothing of an unrecorded night is kept; a recorded one keeps its folder for its evidence.
            if try store.run(id: runID)?.state != .done { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
    }

    /// The overrides decided in the workspace, as the overrides file would give them.
    private func overrides(_ store: Store) throws -> [Override] {
        try store.overridesInForce().compactMap { decision in
            guard let criterion = decision.criterion, let value = decision.value else { return nil }
            return Override(agency: decision.agency, criterion: criterion, change: .value(value), reason: decision.reason,
                            by: decision.user, file: configuration.databasePath, line: Int(decision.id ?? 0))
        }
    }

    /// Writes the reports one agency at a time, each completed with its trend and
    /// open flags from the history as it is written; returns the HTML report's location.
    private func writeReports(record: NightRecord, tonight: TonightsMeasurements, builder: ReportBuilder, scoring: NightScoring?,
                              store: Store, to folder: URL) throws -> URL {
        let run = RunSummary(id: record.runID, startedAt: record.startedAt, finishedAt: record.finishedAt, year: record.year,
                             previousYear: scoring?.hasPrevious == true ? scoring?.previousYear : nil, rules: configuration.rules.decree)
        let writer = try ReportFiles.Writer(frame: builder.model(run: run, scoring: scoring, agencies: []),
                                            agencies: tonight.agencies.map(\.night.id), folder: folder)
        for agency in tonight.agencies {
            let id = agency.night.id
            try writer.add(builder.completed(agency.report, counts: agency.night.counts, scoring: scoring,
                                             history: try store.history(agency: id, limit: configuration.trendNights),
                                             flags: try store.openFlags(agency: id)))
        }
        return try writer.finish()
    }

    /// A run killed before `record` left a folder with the marker: its night never
    /// counted (the Store drops its `running` row), so the folder goes too. A night
    /// recorded but killed while writing its reports keeps its folder and evidence.
    func removeUnfinishedRuns(in runs: URL, store: Store) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted() {
            let folder = runs.appendingPathComponent(name)
            let marker = folder.appendingPathComponent(Self.unfinishedMarker)
            guard FileManager.default.fileExists(atPath: marker.path) else { continue }
            if try store.run(id: name)?.state == .done {
                log("\(name): đêm đã ghi nhận nhưng báo cáo có thể chưa đủ (recorded, reports may be incomplete)")
                try FileManager.default.removeItem(at: marker)
            } else {
                log("\(name): xoá lượt kiểm tra bị gián đoạn (removing an interrupted run)")
                try FileManager.default.removeItem(at: folder)
            }
        }
    }

    /// "20261129-020000" (UTC), with a suffix when that second is taken.
    func newRunID(_ date: Date, runs: URL, store: Store) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = formatter.string(from: date)
        var candidate = base
        var suffix = 1
        while try store.run(id: candidate) != nil || FileManager.default.fileExists(atPath: runs.appendingPathComponent(candidate).path) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        return candidate
    }

    private func cannotRunOnError<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError.from(error)
        }
    }
}
