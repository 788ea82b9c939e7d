import DataFile
import ArgumentParser
import Audit
import Crawl
import Foundation
import Scoring

/// `portal-audit audit`: the nightly run, from crawl to reports (README: "Nightly audit").
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Crawl, measure, score, record and report in one run (exit 0 all clear, 1 new flags, 2 bad input, 3 could not run).")

    @OptionGroup var crawl: CrawlOptions

    @Option(help: "Criteria set (default: \(RankingOptions.defaultCriteria), looked up in the working directory, then above the executable).")
    var criteria: String?

    @Option(help: "Self-reported figures (a CSV or a folder holding one). Without them the night is measured, not scored.")
    var reported: String?

    @Option(help: "Totals of the previous year (id,name,tier,score), for the ranking's comparison.")
    var previous: String?

    @Option(help: "The history database.")
    var db: String = "runs/portal-audit.sqlite"

    @Option(help: "The folder holding one folder per run.")
    var runs: String = "runs"

    func run() async throws {
        let (selected, ruleSet, options) = try crawl.load()
        let policy = try URLPolicy.bundled()
        let criteriaSet: CriteriaSet, reports: [AgencyReport]?, previousTotals: [AgencyScore]?
        do {
            criteriaSet = try CriteriaSet.load(RankingOptions.parse(criteria.map { ["--criteria", $0] } ?? []).criteriaURL())
            reports = try reported.map { try ReportedFigures.load(URL(fileURLWithPath: $0), criteria: criteriaSet) }
            previousTotals = try previous.map { try TotalsFile.load(URL(fileURLWithPath: $0), rules: criteriaSet.rules) }
        } catch let error as DataFileError {
            throw CommandSupport.badInput(error.description)
        }
        let progress = ProgressLine()
        let audit = NightlyAudit(configuration: .init(targets: selected, rules: ruleSet, urlPolicy: policy, criteria: criteriaSet,
                                                      reports: reports, previousTotals: previousTotals, databasePath: db,
                                                      runsFolder: URL(fileURLWithPath: runs), measurement: options),
                                 log: { progress.log($0) })
        let result: NightlyAudit.Result
        do {
            result = try await audit.run(progress: progress.reporter)
        } catch let error as AuditError {
            progress.finish()
            throw CommandSupport.exit(error)
        }
        progress.finish()
        let outcome = result.outcome
        print("Lượt \(result.runID): \(outcome.changes.count) thay đổi, \(outcome.newFlags.count) cảnh báo mới, "
              + "\(outcome.closedFlags.count) cảnh báo đã đóng, \(outcome.openFlagCount) cảnh báo đang mở")
        for flag in outcome.newFlags { print("  [mới] \(flag.agency): \(flag.message)") }
        print("Báo cáo: \(result.htmlReport.path)")
        if !outcome.newFlags.isEmpty { throw ExitCode(1) }
    }
}

extension CommandSupport {
    /// An audit error as the documented exit code, its message on stderr.
    static func exit(_ error: AuditError) -> ExitCode {
        switch error {
        case .badInput(let message): return badInput(message)
        case .cannotRun(let message): return cannotRun(message)
        }
    }
}
