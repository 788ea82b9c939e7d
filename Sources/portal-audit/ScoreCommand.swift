import ArgumentParser
import Foundation
import Report
import Scoring
import Audit
import Crawl
import DataFile

/// `portal-audit score`: from reported and measured figures to the ranking, with the
/// breakdown, the discrepancies and the appraisers' overrides.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scores agencies from reported and measured figures and ranks them.")

    @Option(help: "Self-reported figures: a CSV (one row per agency) or a folder holding one.")
    var reported: String

    @Option(help: "measurements.json written by `crawl`.")
    var measurements: String

    @Option(help: "The targets the self-report must account for (default: the targets of --measurements).")
    var targets: String?

    @Option(help: "Totals of the previous year (id,name,tier,score), e.g. last year's tong-diem-YYYY.csv.")
    var previous: String?

    @Option(help: "Appraisers' overrides (YAML).")
    var overrides: String?

    @Option(help: "Folder to write the results to.")
    var out: String

    @OptionGroup var ranking: RankingOptions

    func run() throws {
        let measured = try Measurements.load(URL(fileURLWithPath: measurements))
        let year = ranking.year ?? measured.year ?? RankingOptions.year(inFileName: reported)
        var criteria = try CriteriaSet.load(ranking.criteriaURL(year: year))
        criteria.rules = try ranking.apply(to: criteria.rules)
        let rules = criteria.rules
        // The measured targets are the agencies the self-report must account for.
        // Every agency is ranked in its tier, so each must be one the criteria declare.
        let declared = TierNames.declared(by: criteria.file, ids: rules.tiers.map(\.id))
        // Nil for a measured target without a tier.
        let listed: [KnownAgency?] = try targets.map { try CommandSupport.loadAllTargets($0, tiers: declared).map { KnownAgency(id: $0.id, name: $0.name, tier: $0.tier) } }
            ?? measured.targets.map { target in target.tier.map { KnownAgency(id: target.id, name: target.name ?? target.id, tier: $0) } }
        let known = listed.compactMap { $0 }
        if let stray = known.first(where: { rules.tier($0.tier.rawValue) == nil }) {
            throw DataFileError(file: measurements,
                                message: "target `\(stray.id)`: unknown tier `\(stray.tier)` (expected \(declared.ids.map(\.rawValue).joined(separator: ", ")): \(declared.source))")
        }
        // A measurements file without names and tiers (hand-written) cannot say who is missing.
        let reports = try ReportedFigures.load(URL(fileURLWithPath: reported), criteria: criteria,
                                               agencies: listed.isEmpty || known.count < listed.count ? nil : known)
        let adjustments = try overrides.map { try Override.load(URL(fileURLWithPath: $0)) } ?? []
        let before = try previous.map { try TotalsFile.load(URL(fileURLWithPath: $0), rules: rules) }
        let sheet = try Scorer.score(criteria: criteria, reports: reports, measurements: measured, overrides: adjustments)
        let result = Ranker.rank(current: sheet.totals(decimals: rules.conventions.decimals), previous: before, rules: rules)
        let previousYear = before == nil ? nil : ranking.previousYear ?? previous.flatMap(RankingOptions.year(inFileName:)) ?? year.map { $0 - 1 }
        let text = RankingText(conventions: rules.conventions, year: year, previousYear: previousYear, unauditedRule: criteria.unaudited)
        // Everything is computed before anything is written: bad input leaves --out untouched.
        let files = try ScoreReport.files(sheet: sheet, criteria: criteria, ranking: result, text: text, year: year,
                                          previousYear: previousYear, hasPrevious: before != nil)
        do {
            try ScoreReport.write(files, to: URL(fileURLWithPath: out))
        } catch {
            throw AuditError.cannotRun(out, doing: "không ghi được kết quả chấm điểm (cannot write the results)", error)
        }
        let counts = sheet.counts
        print("Đã chấm \(counts.scored) cơ quan (\(counts.notReported) chưa báo cáo, \(counts.unaudited) không kiểm tra được cổng); "
              + "\(sheet.discrepancies.count) sai lệch, \(sheet.pending.count) mục cần quyết định, \(sheet.overrides.count) điều chỉnh → \(out)")
    }
}
