import Spreadsheet
import DataFile
import Foundation

/// Where the value a criterion was scored on came from.
public enum ValueSource: String, Equatable {
    case reported, measured, override, missing
    /// The portal could not be audited and the criteria's `unaudited` rule set the value.
    case lastMeasured = "last-measured", unaudited
}

public struct CriterionScore: Equatable {
    public let criterion: Criterion
    public let maxPoints: Double
    /// The value from the agency's own figures; nil when a figure is missing.
    public let reported: Double?
    /// The value from the crawl's figures; nil when the criterion is not web-verifiable.
    public let measured: MeasuredFigure?
    public let used: Double?
    public let source: ValueSource
    public let points: Double
    public let override: Override?
}

public struct CategoryScore: Equatable {
    public let category: Category
    public let maxPoints: Double
    public let points: Double
    public let criteria: [CriterionScore]
}

public struct AgencyResult: Equatable {
    public let report: SelfReport
    public let categories: [CategoryScore]
    /// Why the portal could not be audited; nil when it was.
    public let unaudited: UnauditedReason?
    public var total: Double { categories.reduce(0) { $0 + $1.points } }
}

/// Reported and measured values that differ beyond the criterion's tolerance: the
/// one comparison behind the discrepancy list, the figures table and the flags.
public struct Discrepancy: Equatable {
    public let agency: SelfReport
    public let criterion: Criterion
    public let reported: Double
    public let measured: Double
    /// The measured value is a lower bound ("ít nhất").
    public let atLeast: Bool
    public let evidence: [String]
}

/// A measurement that could not confirm a reported figure: a person decides.
public struct PendingDecision: Equatable {
    public let agency: SelfReport
    public let criterion: Criterion
    public let reported: Double?
    public let reason: String
    public let evidence: [String]
}

public struct ScoreSheet: Equatable {
    public let agencies: [AgencyResult]
    public let discrepancies: [Discrepancy]
    public let pending: [PendingDecision]
    public let overrides: [Override]

    /// Totals at the published precision, the input of the ranking.
    public func totals(decimals: Int) -> [AgencyScore] {
        agencies.map { AgencyScore(id: $0.report.id, name: $0.report.name, tier: $0.report.tier,
                                   units: DecimalText.units($0.total, decimals: decimals),
                                   unaudited: $0.unaudited?.rawValue, notReported: !$0.report.reported) }
    }

    /// Scored agencies, not-reported ones and not-audited ones, counted apart for the summary line.
    public var counts: (scored: Int, notReported: Int, unaudited: Int) {
        (agencies.count, agencies.filter { !$0.report.reported }.count, agencies.filter { $0.unaudited != nil }.count)
    }
}

/// One agency's value for one criterion: from its report, from the crawl, the one
/// that counts, and what the appraisers must look at.
struct CriterionValue {
    let criterion: Criterion
    let reported: Double?
    let measured: MeasuredFigure?
    let used: Double?
    let source: ValueSource
    let override: Override?
    let discrepancy: Discrepancy?
    let pending: PendingDecision?

    init(_ criterion: Criterion, report: SelfReport, target: Measurements.Target?, lastMeasured: Measurements.Target?,
         criteria: CriteriaSet, override: Override?) {
        self.criterion = criterion
        self.override = override
        reported = Scorer.value(criterion, criteria: criteria) { input in report.figures[input.id].map { Scorer.scale($0, input) } }
        measured = criterion.verification.map { _ in Scorer.measuredValue(criterion, criteria: criteria, report: report, target: target) }
        var discrepancy: Discrepancy?, pending: PendingDecision?
        if let verification = criterion.verification, report.reported {
            switch measured {
            case .value(let m, let evidence)?:
                if let r = reported, !verification.tolerance.allows(reported: r, measured: m) {
                    discrepancy = Discrepancy(agency: report, criterion: criterion, reported: r, measured: m, atLeast: false, evidence: evidence)
                }
            case .atLeast(let m, let evidence)?:
                // A lower bound contradicts only a smaller reported figure; a larger one stays open.
                if let r = reported, r < m, !verification.tolerance.allows(reported: r, measured: m) {
                    discrepancy = Discrepancy(agency: report, criterion: criterion, reported: r, measured: m, atLeast: true, evidence: evidence)
                } else if let r = reported, r > m, !verification.tolerance.allows(reported: r, measured: m) {
                    pending = PendingDecision(agency: report, criterion: criterion, reported: r,
                                              reason: "đo được ít nhất \(DecimalText.plain(m)) (thu thập chưa hết): chưa xác nhận được số báo cáo",
                                              evidence: evidence)
                }
            case .inconclusive(let reason, let evidence)?:
                pending = PendingDecision(agency: report, criterion: criterion, reported: reported, reason: reason, evidence: evidence)
            case nil:
                break
            }
        }
        self.discrepancy = discrepancy
        self.pending = pending
        if case .value(let v)? = override?.change {
            (used, source) = (v, .override)
        } else if !report.reported {
            // No row: measured criteria from the crawl (by the criteria's rule), the rest 0.
            let measuredNumber = criteria.notReported == .measuredOnly ? measured?.number : nil
            (used, source) = measuredNumber.map { ($0, .measured) } ?? (nil, .missing)
        } else if criterion.verification != nil, target?.unaudited != nil || target == nil {
            switch criteria.unaudited {
            case .reported:
                (used, source) = reported.map { ($0, .reported) } ?? (nil, .missing)
            case .zero:
                (used, source) = (0, .unaudited)
            case .lastMeasured:
                let last = lastMeasured.map { Scorer.measuredValue(criterion, criteria: criteria, report: report, target: $0) }
                if let value = last?.number, last?.isLowerBound == false {
                    (used, source) = (value, .lastMeasured)
                } else {
                    (used, source) = reported.map { ($0, .reported) } ?? (nil, .missing)
                }
            }
        } else {
            (used, source) = Scorer.choose(reported: reported, measured: measured, verification: criterion.verification)
        }
    }

    func score(outOf maxPoints: Double, best: Double) -> CriterionScore {
        var points = used.map { criterion.method.points($0, outOf: maxPoints, best: best) } ?? 0
        if case .points(let p)? = override?.change { points = p }
        return CriterionScore(criterion: criterion, maxPoints: maxPoints, reported: reported, measured: measured,
                              used: used, source: source, points: points, override: override)
    }
}

/// The full computation: values from reported and measured figures, verification,
/// overrides, points per criterion and category.
public enum Scorer {
    /// - Parameter lastMeasured: an earlier night's measurements, for the `unaudited: last-measured` rule.
    public static func score(criteria: CriteriaSet, reports: [SelfReport], measurements: Measurements,
                             overrides: [Override], lastMeasured: Measurements? = nil) throws -> ScoreSheet {
        try check(overrides, criteria: criteria, reports: reports)
        // First pass: the value each criterion counts, per agency ("agency/criterion" → value).
        var values: [String: CriterionValue] = [:]
        for report in reports {
            for criterion in criteria.categories(for: report.tier).flatMap(\.criteria) where criterion.points[report.tier] != nil {
                values[report.id + "/" + criterion.id] = CriterionValue(
                    criterion, report: report, target: measurements.target(report.id),
                    lastMeasured: lastMeasured?.target(report.id).flatMap { $0.unaudited == nil ? $0 : nil }, criteria: criteria,
                    override: overrides.first { $0.agency == report.id && $0.criterion == criterion.id })
            }
        }
        // Second pass: points, which for relative-to-best need the whole tier.
        let agencies = reports.map { report in
            AgencyResult(report: report, categories: criteria.categories(for: report.tier).map { category in
                let scores = category.criteria.filter { $0.points[report.tier] != nil }.map { criterion -> CriterionScore in
                    let entry = values[report.id + "/" + criterion.id]!
                    let best = reports.filter { $0.tier == report.tier }.compactMap { values[$0.id + "/" + criterion.id]?.used }.max() ?? 0
                    return entry.score(outOf: criterion.points[report.tier]!, best: best)
                }
                return CategoryScore(category: category, maxPoints: category.points[report.tier]!,
                                     points: scores.reduce(0) { $0 + $1.points }, criteria: scores)
            }, unaudited: measurements.target(report.id).map { $0.unaudited } ?? .notMeasured)
        }
        let ordered = reports.flatMap { report in
            criteria.categories.flatMap(\.criteria).compactMap { values[report.id + "/" + $0.id] }
        }
        return ScoreSheet(agencies: agencies, discrepancies: ordered.compactMap(\.discrepancy),
                          pending: ordered.compactMap(\.pending), overrides: overrides)
    }

    /// The value counted: an inconclusive measurement never replaces a reported figure.
    /// A lower bound confirms a reported figure up to its value and never replaces a higher one.
    static func choose(reported: Double?, measured: MeasuredFigure?, verification: Verification?) -> (value: Double?, source: ValueSource) {
        if let verification, case .atLeast(let m, _)? = measured {
            guard let r = reported else { return verification.use == .reported ? (nil, .missing) : (m, .measured) }
            if r >= m || verification.use == .reported { return (r, .reported) }
            return verification.use == .lower ? (r, .reported) : (m, .measured)
        }
        guard let verification, case .value(let m, _)? = measured else {
            return reported.map { ($0, .reported) } ?? (nil, .missing)
        }
        guard let r = reported else {
            return verification.use == .reported ? (nil, .missing) : (m, .measured)
        }
        switch verification.use {
        case .reported: return (r, .reported)
        case .measured: return (m, .measured)
        case .lower: return m < r ? (m, .measured) : (r, .reported)
        }
    }

    /// Sum of the inputs over the denominator; nil when a figure is missing, 0 over a zero denominator.
    static func value(_ criterion: Criterion, criteria: CriteriaSet, figure: (InputSpec) -> Double?) -> Double? {
        var numerator = 0.0
        for id in criterion.inputs {
            guard let value = figure(criteria.input(id)!) else { return nil }
            numerator += value
        }
        switch criterion.per {
        case nil: return numerator
        case .number(let n)?: return numerator / n
        case .input(let id)?:
            guard let denominator = figure(criteria.input(id)!) else { return nil }
            return denominator > 0 ? numerator / denominator : 0
        }
    }

    static func scale(_ figure: Double, _ input: InputSpec) -> Double {
        input.unit == .percent ? figure / 100 : figure
    }

    /// The criterion's value with measured figures where the crawl has them and reported ones elsewhere.
    static func measuredValue(_ criterion: Criterion, criteria: CriteriaSet, report: SelfReport,
                              target: Measurements.Target?) -> MeasuredFigure {
        guard let target else { return .inconclusive(reason: "không có số đo cho cơ quan này", evidence: []) }
        var reasons: [String] = [], evidence: [String] = [], lowerBound = false
        let denominator: String? = if case .input(let id)? = criterion.per { id } else { nil }
        let result = value(criterion, criteria: criteria) { input in
            switch target.figure(for: input) {
            case .value(let v, let urls)?: evidence += urls; return scale(v, input)
            case .atLeast(let v, let urls)?:
                evidence += urls
                // A lower bound over a sum stays a lower bound; under a division it bounds nothing.
                if input.id == denominator { reasons.append("mẫu số \(input.id) chỉ là mức tối thiểu") } else { lowerBound = true }
                return scale(v, input)
            case .inconclusive(let reason, let urls)?: reasons.append(reason); evidence += urls; return 0
            case nil: return report.figures[input.id].map { scale($0, input) }
            }
        }
        if !reasons.isEmpty { return .inconclusive(reason: reasons.joined(separator: "; "), evidence: evidence) }
        guard let result else { return .inconclusive(reason: "thiếu số liệu báo cáo đi kèm số đo", evidence: evidence) }
        return lowerBound ? .atLeast(result, evidence: evidence) : .value(result, evidence: evidence)
    }

    static func check(_ overrides: [Override], criteria: CriteriaSet, reports: [SelfReport]) throws {
        for override in overrides {
            func fail(_ message: String) -> DataFileError { DataFileError(file: override.file, line: override.line, message: message) }
            guard let report = reports.first(where: { $0.id == override.agency }) else {
                throw fail("cơ quan '\(override.agency)' không có trong báo cáo (unknown agency)")
            }
            guard let criterion = criteria.categories.flatMap(\.criteria).first(where: { $0.id == override.criterion }) else {
                throw fail("tiêu chí '\(override.criterion)' không có trong bộ tiêu chí (unknown criterion)")
            }
            guard let maxPoints = criterion.points[report.tier] else {
                throw fail("tiêu chí '\(criterion.id)' không áp dụng cho khối \(report.tier)")
            }
            if case .points(let p) = override.change, !(0...maxPoints).contains(p) {
                throw fail("điểm \(DecimalText.plain(p)) ngoài khoảng 0…\(DecimalText.plain(maxPoints))")
            }
            if case .value(let v) = override.change, v < 0 { throw fail("số liệu không được âm (value must be ≥ 0)") }
            if case .value(let v) = override.change, criterion.method == .ratio, v > 1 {
                throw fail("tiêu chí '\(criterion.id)' là tỷ lệ: giá trị \(DecimalText.plain(v)) phải trong khoảng 0–1 (hoặc 0–100%) (a ratio lies in 0–1)")
            }
        }
    }
}
