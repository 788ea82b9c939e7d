import DataFile
import Foundation

/// Arithmetic conventions of a published ranking. The defaults are those that
/// Quyết định 2793/QĐ-UBND (Sơn La, 2020) follows, derived from its own figures;
/// see criteria/README.md for the derivation.
public struct RankingConventions: Equatable {
    /// Order within a tie (the decision lists Sở Nội vụ before Sở TTTT and Sở Xây dựng
    /// before Sở Tài chính: neither name order nor last year's rank gives both; the
    /// province's list order does).
    public enum TieOrder: String, CaseIterable { case input, name, previousRank = "previous-rank" }
    /// How an average is shown as a whole number (the decision: 82,97 → "82").
    public enum AverageRounding: String, CaseIterable { case truncate, nearest }
    /// What the overall average is (the decision: the mean of the two tier means, 84,6 → "84";
    /// the mean of all 32 agencies would be 85,0).
    public enum OverallAverage: String, CaseIterable { case meanOfTiers = "mean-of-tiers", meanOfAgencies = "mean-of-agencies" }
    /// What the change of an average is computed from (the decision: the exact means,
    /// 86,28 − 81,90 = 4,38 → "tăng 4"; the printed figures would give 86 − 81 = 5).
    public enum ChangeBasis: String, CaseIterable { case unrounded, printed }
    /// How level shares become whole percentages (the decision: each cell to the nearest, 1/12 → 8%).
    public enum ShareRounding: String, CaseIterable { case nearest, largestRemainder = "largest-remainder" }

    /// Decimals of a published score; ranks compare scores at this precision (95,3 = 95,3 is a tie).
    public var decimals = 1
    /// Digits of a printed rank ("01").
    public var rankDigits = 2
    public var tieOrder = TieOrder.input
    public var averageRounding = AverageRounding.truncate
    public var overallAverage = OverallAverage.meanOfTiers
    public var changeBasis = ChangeBasis.unrounded
    public var shareRounding = ShareRounding.nearest

    public init() {}

    func wholeNumber(_ value: Fraction) -> Int {
        averageRounding == .truncate ? value.truncated : value.rounded
    }

    static func parse(_ node: YAMLMapping) throws -> RankingConventions {
        try node.rejectUnknownKeys(allowed: ["decimals", "rankDigits", "tieOrder", "averageRounding", "overallAverage",
                                             "changeBasis", "shareRounding"])
        var conventions = RankingConventions()
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ keyPath: WritableKeyPath<RankingConventions, T>) throws
        where T.RawValue == String {
            guard let value = node[key] else { return }
            guard let parsed = T(rawValue: try value.requireString()) else {
                throw value.error("giá trị không hợp lệ cho '\(key)' (allowed: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            conventions[keyPath: keyPath] = parsed
        }
        func count(_ key: String, _ keyPath: WritableKeyPath<RankingConventions, Int>) throws {
            guard let value = node[key] else { return }
            let number = try value.decimal()
            guard number >= 0, number <= 6, number == number.rounded() else {
                throw value.error("'\(key)' phải là số nguyên 0…6 (must be a whole number 0…6)")
            }
            conventions[keyPath: keyPath] = Int(number)
        }
        try count("decimals", \.decimals)
        try count("rankDigits", \.rankDigits)
        try choice("tieOrder", \.tieOrder)
        try choice("averageRounding", \.averageRounding)
        try choice("overallAverage", \.overallAverage)
        try choice("changeBasis", \.changeBasis)
        try choice("shareRounding", \.shareRounding)
        return conventions
    }
}
