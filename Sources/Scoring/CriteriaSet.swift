import Foundation
import Vocabulary

/// A figure an agency reports, and where the crawl measures the same figure.
public struct InputSpec: Equatable {
    public enum Unit: String, CaseIterable { case count, yesNo = "yes-no", percent, mbps, millionVND = "million-vnd" }

    /// Where measurements.json holds the figure.
    public enum Measured: Equatable {
        /// A count such as `news.count` or `services.level3`. `documents.count` compares
        /// with all documents listed in the year, `documents.own` with those the agency
        /// issued itself (null on the portal when its issuer cannot be told).
        case field(MeasuredField)
        /// The number of these Nghị định 43 items found present.
        case sections([String])
    }

    public let id: String
    public let label: String
    public let group: String
    public let unit: Unit
    /// Nil: every tier reports it.
    public let tiers: [Tier]?
    public let measured: Measured?
    /// The item whose URL backs a measured count.
    public let evidenceItem: String?
}

/// How a criterion turns its value into points.
public enum ScoringMethod: Equatable {
    public struct Step: Equatable {
        public let minimum: Double
        /// Fraction of the criterion's points.
        public let share: Double
    }

    case yesNo
    case ratio
    case steps([Step])
    case linear(cap: Double)
    /// Normalised to the best agency of the tier, as the Ministry's method does for bandwidth.
    case relativeToBest

    /// Points for `value`; `best` is the highest value of the tier (used by relative-to-best only).
    public func points(_ value: Double, outOf points: Double, best: Double) -> Double {
        switch self {
        case .yesNo: return value >= 1 ? points : 0
        case .ratio: return points * min(max(value, 0), 1)
        case .steps(let steps): return points * (steps.first { value >= $0.minimum }?.share ?? 0)
        case .linear(let cap): return points * min(max(value, 0) / cap, 1)
        case .relativeToBest: return best > 0 ? points * min(max(value, 0) / best, 1) : 0
        }
    }
}

/// Which value counts when an agency's report and the crawl both give one.
public struct Verification: Equatable {
    public enum Use: String, CaseIterable { case reported, measured, lower }
    public enum Tolerance: Equatable {
        case absolute(Double)
        /// A fraction of the reported value.
        case relative(Double)

        public func allows(reported: Double, measured: Double) -> Bool {
            switch self {
            case .absolute(let limit): return abs(reported - measured) <= limit + 1e-9
            case .relative(let fraction): return abs(reported - measured) <= abs(reported) * fraction + 1e-9
            }
        }
    }

    public let use: Use
    public let tolerance: Tolerance
}

public struct Criterion: Equatable {
    public enum Denominator: Equatable { case input(String), number(Double) }

    public let id: String
    public let name: String
    /// Points per tier; a tier not listed is not scored on this criterion.
    public let points: [Tier: Double]
    public let method: ScoringMethod
    /// Summed to make the value.
    public let inputs: [String]
    public let per: Denominator?
    /// Present exactly when the criterion is web-verifiable.
    public let verification: Verification?
    public let line: Int

    public var webVerifiable: Bool { verification != nil }
}

public struct Category: Equatable {
    public let id: String
    public let name: String
    public let points: [Tier: Double]
    public let criteria: [Criterion]
}

/// A criteria set (bộ tiêu chí): hạng mục → tiêu chí → points and method, the
/// inputs they read, and the ranking rules. Validated on load.
/// What the web criteria of a portal that could not be audited count (`unaudited:` in the criteria file).
public enum UnauditedRule: String, CaseIterable, Sendable {
    /// The agency's own figure, marked as unconfirmed.
    case reported
    /// The last figure measured on an earlier night, when there is one (else the reported one).
    case lastMeasured = "last-measured"
    /// Nothing: the criterion scores 0.
    case zero
}

/// How an agency without a row in the self-report is scored (`notReported:`).
public enum NotReportedRule: String, CaseIterable, Sendable {
    /// Measured criteria from the crawl, reported ones 0.
    case measuredOnly = "measured-only"
    /// Every criterion 0.
    case zero
}

public struct CriteriaSet {
    public let file: String
    public var rules: RankingRules
    public var unaudited: UnauditedRule = .reported
    public var notReported: NotReportedRule = .measuredOnly
    /// Report groups of Thông tư 06/2013 in order: (id, heading).
    public let groups: [(id: String, label: String)]
    public let inputs: [InputSpec]
    public let categories: [Category]

    public func input(_ id: String) -> InputSpec? { inputs.first { $0.id == id } }

    /// Categories that apply to a tier, with only the criteria scored in it.
    public func categories(for tier: Tier) -> [Category] {
        categories.filter { $0.points[tier] != nil }
    }
}
