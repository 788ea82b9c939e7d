import Foundation
import Measure
import Report
import Scoring
import Store
import Vocabulary

/// A night's scoring: the agencies' self-reported figures checked against tonight's
/// measurements and ranked as the decision ranks them.
public struct NightScoring {
    public let sheet: ScoreSheet
    public let ranking: Ranking
    /// The decision's cell wording ("01 (95,3)"), shared with `rank` and `score`.
    public let text: RankingText
    public let hasPrevious: Bool
    public let year: Int
    public let previousYear: Int?
    let criteria: CriteriaSet
    private let results: [String: AgencyResult]
    private let discrepanciesByAgency: [String: [Discrepancy]]
    /// Input id → Store key, for the inputs measured as a count.
    private let measuredInputs: [String: String]
    /// Totals at the published precision, by agency id.
    public let totals: [String: Double]
    /// The reported counts the crawl also measures, by agency id and Store key.
    public let reported: [String: [String: Double]]

    /// Scores tonight's targets (`measured`: their ids): those without a row as not reported,
    /// those whose portal could not be audited by the criteria's `unaudited` rule. The appraisers'
    /// overrides are applied last, as `score --overrides` applies them; those of agencies not
    /// scored tonight wait for a night that scores them.
    /// - Parameter measurements: tonight's, in memory.
    /// - Parameter lastMeasured: an earlier night's measurements.json, for `unaudited: last-measured`.
    public static func score(criteria: CriteriaSet, reports: [SelfReport], previous: [AgencyScore]?, measurements: MeasurementsFile,
                             audited measuredIDs: Set<String>, year: Int, lastMeasured: URL? = nil,
                             overrides: [Override] = []) throws -> NightScoring {
        try score(criteria: criteria, reports: reports, previous: previous, measured: Measurements(measurements), audited: measuredIDs,
                  year: year, lastMeasured: lastMeasured, overrides: overrides)
    }

    /// As above, from tonight's figures as scoring reads them (`MeasuredAgency.figures`).
    static func score(criteria: CriteriaSet, reports: [SelfReport], previous: [AgencyScore]?, measured: Measurements,
                      audited measuredIDs: Set<String>, year: Int, lastMeasured: URL?, overrides: [Override]) throws -> NightScoring {
        let last = try lastMeasured.map(Measurements.streamed)
        let scored = reports.filter { measuredIDs.contains($0.id) }
        let sheet = try Scorer.score(criteria: criteria, reports: scored, measurements: measured,
                                     overrides: overrides.filter { override in scored.contains { $0.id == override.agency } },
                                     lastMeasured: last)
        let rules = criteria.rules
        let ranking = Ranker.rank(current: sheet.totals(decimals: rules.conventions.decimals), previous: previous, rules: rules)
        let previousYear = previous == nil ? nil : year - 1
        return NightScoring(sheet: sheet, ranking: ranking,
                            text: RankingText(conventions: rules.conventions, year: year, previousYear: previousYear, unauditedRule: criteria.unaudited),
                            hasPrevious: previous != nil, year: year, previousYear: previousYear, criteria: criteria)
    }

    init(sheet: ScoreSheet, ranking: Ranking, text: RankingText, hasPrevious: Bool, year: Int, previousYear: Int?, criteria: CriteriaSet) {
        self.sheet = sheet
        self.ranking = ranking
        self.text = text
        self.hasPrevious = hasPrevious
        self.year = year
        self.previousYear = previousYear
        self.criteria = criteria
        // Each agency's rows are looked up once per agency: indexed once, not searched each time.
        results = Dictionary(sheet.agencies.map { ($0.report.id, $0) }, uniquingKeysWith: { first, _ in first })
        discrepanciesByAgency = Dictionary(grouping: sheet.discrepancies, by: \.agency.id)
        let inputs = Self.measuredInputs(of: criteria)
        measuredInputs = inputs
        var reported: [String: [String: Double]] = [:]
        for agency in sheet.agencies {
            var figures: [String: Double] = [:]
            for (inputID, key) in inputs {
                if let value = agency.report.figures[inputID] { figures[key] = value }
            }
            reported[agency.report.id] = figures
        }
        self.reported = reported
        totals = Dictionary(uniqueKeysWithValues: sheet.totals(decimals: ranking.rules.conventions.decimals).map { ($0.id, text.scoreValue($0.units)) })
    }

    /// Tonight's discrepancies of one agency, as the Store raises flags from them.
    public func discrepancyFindings(agency: String) -> [DiscrepancyFinding] {
        (discrepanciesByAgency[agency] ?? []).map {
            DiscrepancyFinding(criterion: $0.criterion.id, label: $0.criterion.name, reported: $0.reported, measured: $0.measured,
                               atLeast: $0.atLeast)
        }
    }

    /// The scored result of one agency.
    public func result(agency: String) -> AgencyResult? { results[agency] }

    /// Store keys of the counts whose measured figure is a lower bound for this agency.
    public func lowerBounds(agency: String) -> Set<String> {
        guard let result = result(agency: agency) else { return [] }
        var keys = Set<String>()
        for score in result.categories.flatMap(\.criteria) where score.measured?.isLowerBound == true {
            for input in score.criterion.inputs { if let key = measuredInputs[input] { keys.insert(key) } }
        }
        return keys
    }

    /// Discrepancies of one agency whose criterion reads no count of the figures table (e.g. items present).
    public func discrepanciesWithoutCount(agency: String) -> [Discrepancy] {
        (discrepanciesByAgency[agency] ?? []).filter { discrepancy in
            !Self.inputs(of: discrepancy.criterion).contains { measuredInputs[$0] != nil }
        }
    }

    static func inputs(of criterion: Criterion) -> [String] {
        var inputs = criterion.inputs
        if case .input(let denominator)? = criterion.per { inputs.append(denominator) }
        return inputs
    }

    /// Store keys whose reported figure Scorer found contradicted, with the evidence, for one agency.
    public func discrepancies(agency: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for discrepancy in discrepanciesByAgency[agency] ?? [] {
            for input in Self.inputs(of: discrepancy.criterion) {
                guard let key = measuredInputs[input] else { continue }
                let known = result[key, default: []]
                result[key] = known + discrepancy.evidence.filter { !known.contains($0) }.reduce(into: []) { unique, url in
                    if !unique.contains(url) { unique.append(url) }
                }
            }
        }
        return result
    }

    private static func measuredInputs(of criteria: CriteriaSet) -> [String: String] {
        var result: [String: String] = [:]
        for input in criteria.inputs {
            if case .field(let field)? = input.measured, let key = field.historyKey {
                result[input.id] = key
            }
        }
        return result
    }
}
