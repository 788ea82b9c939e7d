import ArgumentParser
import Audit
import DataFile
import Foundation
import Report
import Scoring

/// `portal-audit rank`: ranks agencies from their totals, as the yearly decision publishes them.
struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ranks agencies from totals (id,name,tier,score) per tier, with the previous year's comparison.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, markdown, csv }

    @Option(help: "Totals of the year: CSV with columns id,name,tier,score (decimal comma or point).")
    var totals: String

    @Option(help: "Totals of the previous year, same format.")
    var previous: String?

    @Option(help: "Output format: json, markdown or csv.")
    var format: Format = .markdown

    @OptionGroup var ranking: RankingOptions

    func run() throws {
        let year = ranking.year ?? RankingOptions.year(inFileName: totals)
        let rules = try ranking.rules(year: year)
        let current = try TotalsFile.load(URL(fileURLWithPath: totals), rules: rules)
        let before = try previous.map { try TotalsFile.load(URL(fileURLWithPath: $0), rules: rules) }
        let result = Ranker.rank(current: current, previous: before, rules: rules)
        let previousYear = ranking.previousYear ?? previous.flatMap(RankingOptions.year(inFileName:)) ?? year.map { $0 - 1 }
        let text = RankingText(conventions: rules.conventions, year: year, previousYear: before == nil ? nil : previousYear)
        let output: String
        switch format {
        case .markdown: output = RankingMarkdown.render(result, text: text, hasPrevious: before != nil)
        case .csv: output = RankingCSV.render(result, text: text)
        case .json: output = try RankingJSON.render(result, text: text, year: year, previousYear: before == nil ? nil : previousYear)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Where the levels and conventions come from, and the conventions one may change
/// from the command line (defaults: those of the criteria file, which follow the decision).
struct RankingOptions: ParsableArguments {
    static let criteriaByYear = "by-year.yaml"
    static let criteriaHelp = "Criteria set (default: the one criteria/by-year.yaml gives for the year, looked up in the working directory, then above the executable)."

    @Option(help: ArgumentHelp(RankingOptions.criteriaHelp))
    var criteria: String?

    @Option(help: "Year of the totals (default: a year in the file name).")
    var year: Int?

    @Option(help: "Year of the previous totals (default: a year in its file name, else year - 1).")
    var previousYear: Int?

    @Option(help: "Order within a tie: input, name or previous-rank.")
    var tieOrder: RankingConventions.TieOrder?

    @Option(help: "Whole-number averages: truncate or nearest.")
    var averageRounding: RankingConventions.AverageRounding?

    @Option(help: "Overall average: mean-of-tiers or mean-of-agencies.")
    var overallAverage: RankingConventions.OverallAverage?

    @Option(help: "Change of an average from the unrounded means or the printed figures: unrounded or printed.")
    var changeBasis: RankingConventions.ChangeBasis?

    @Option(help: "Level shares: nearest or largest-remainder.")
    var shareRounding: RankingConventions.ShareRounding?

    func rules(year: Int?) throws -> RankingRules {
        try apply(to: RankingRules.load(criteriaURL(year: year)))
    }

    /// The command line's conventions over those of the criteria file.
    func apply(to loaded: RankingRules) throws -> RankingRules {
        var rules = loaded
        tieOrder.map { rules.conventions.tieOrder = $0 }
        averageRounding.map { rules.conventions.averageRounding = $0 }
        overallAverage.map { rules.conventions.overallAverage = $0 }
        changeBasis.map { rules.conventions.changeBasis = $0 }
        shareRounding.map { rules.conventions.shareRounding = $0 }
        return rules
    }

    /// `--criteria`, or the set `criteria/by-year.yaml` gives for `year` (the
    /// audited year when the command cannot tell: the previous calendar year).
    func criteriaURL(year: Int?) throws -> URL {
        if let criteria { return URL(fileURLWithPath: criteria) }
        let table = Self.criteriaFolder().appendingPathComponent(Self.criteriaByYear)
        let year = year ?? Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        guard let name = try YearTable.load(table, key: "criteria").value(for: year) else {
            throw CommandSupport.badInput("\(table.path): no criteria set applies to \(year); give --criteria")
        }
        return table.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// `criteria/` in the working directory, else the project's, found above the
    /// built tool (…/.build/debug/portal-audit).
    private static func criteriaFolder() -> URL {
        let local = URL(fileURLWithPath: "criteria")
        if FileManager.default.fileExists(atPath: local.appendingPathComponent(criteriaByYear).path) { return local }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("criteria")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(criteriaByYear).path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return local
    }

    /// "tong-diem-2020.csv" → 2020.
    static func year(inFileName path: String) -> Int? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let range = name.range(of: #"(19|20)\d\d"#, options: .regularExpression) else { return nil }
        return Int(name[range])
    }
}

extension RankingConventions.TieOrder: ExpressibleByArgument {}
extension RankingConventions.AverageRounding: ExpressibleByArgument {}
extension RankingConventions.OverallAverage: ExpressibleByArgument {}
extension RankingConventions.ChangeBasis: ExpressibleByArgument {}
extension RankingConventions.ShareRounding: ExpressibleByArgument {}
