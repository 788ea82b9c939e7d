import DataFile
import ArgumentParser
import Audit
import Crawl
import Foundation
import Report
import Scoring

/// `portal-audit audit`: the nightly run, from crawl to reports (README: "Nightly audit").
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Crawl, measure, score, record and report in one run (exit 0 all clear, 1 new flags, 2 bad input, 3 could not run).")

    @OptionGroup var crawl: CrawlOptions

    @Option(help: ArgumentHelp(RankingOptions.criteriaHelp))
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
        let criteriaSet = try CriteriaSet.load(RankingOptions.parse(criteria.map { ["--criteria", $0] } ?? []).criteriaURL(year: crawl.auditedYear))
        // A scored night ranks every target, so each must be in a tier the criteria declare;
        // a night only measured may also name a bundled tier.
        let declared = TierNames.declared(by: criteriaSet.file, ids: criteriaSet.rules.tiers.map(\.id))
        let tiers = reported == nil ? try TierNames.bundled().adding(declared) : declared
        let (selected, ruleSet, options) = try crawl.load(tiers: tiers)
        let policy = try URLPolicy.bundled()
        // Every row of the self-report names a target, and every target is accounted for.
        let known = try CommandSupport.loadAllTargets(crawl.targets, tiers: tiers).map { KnownAgency(id: $0.id, name: $0.name, tier: $0.tier) }
        let reports = try reported.map { try ReportedFigures.load(URL(fileURLWithPath: $0), criteria: criteriaSet, agencies: known) }
        let previousTotals = try previous.map { try TotalsFile.load(URL(fileURLWithPath: $0), rules: criteriaSet.rules) }
        crawl.announce(options.year, ruleSet)
        let progress = ProgressLine()
        let audit = NightlyAudit(configuration: .init(targets: selected, rules: ruleSet, urlPolicy: policy, criteria: criteriaSet,
                                                      reports: reports, previousTotals: previousTotals, databasePath: db,
                                                      runsFolder: URL(fileURLWithPath: runs), measurement: options),
                                 log: { progress.log($0) })
        let result: NightlyAudit.Result
        do {
            result = try await audit.run(progress: progress.reporter)
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        let outcome = result.outcome
        print("Lượt \(result.runID): \(outcome.changes.count) thay đổi, \(outcome.newFlags.count) cảnh báo mới, "
              + "\(outcome.closedFlags.count) cảnh báo đã đóng, \(outcome.openFlagCount) cảnh báo đang mở")
        let names = Dictionary(selected.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for flag in outcome.newFlags { print("  [mới] \(names[flag.agency] ?? flag.agency): \(Wording.flag(flag.reason))") }
        if let counts = result.scored {
            print("Đã chấm \(counts.scored) cơ quan: \(counts.notReported) chưa báo cáo, \(counts.unaudited) không kiểm tra được cổng")
        }
        print("Báo cáo: \(result.htmlReport.path)")
        if !outcome.newFlags.isEmpty { throw ExitStatus.NewFlags() }
    }
}
