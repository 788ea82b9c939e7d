import Foundation
import Spreadsheet
import TextNormalization
import Vocabulary

/// An agency's place in its tier in one year.
public struct Standing: Equatable {
    public let agency: AgencyScore
    /// Competition rank: 1 + the number of agencies of the tier with a higher score.
    public let rank: Int
    public let level: String
}

public struct RankedRow: Equatable {
    /// Row number of the table (STT), 1-based.
    public let number: Int
    public let current: Standing
    /// Nil for an agency not ranked the previous year.
    public let previous: Standing?
    /// Previous rank − current rank: positive means the agency moved up. Nil without a previous rank.
    public let change: Int?
}

/// Share of the agencies of a tier at a level, in whole percent.
public struct LevelShare: Equatable {
    public let level: String
    public let current: Int
    public let previous: Int?
}

/// An average score this year, the previous year, and the change, with the
/// whole numbers that are printed.
public struct AverageComparison: Equatable {
    public let current: Fraction
    public let previous: Fraction?
    public let printedCurrent: Int
    public let printedPrevious: Int?
    public let change: Int?
    /// The level the printed average reaches.
    public let level: String
}

public struct TierRanking: Equatable {
    public let tier: TierDefinition
    public let rows: [RankedRow]
    public let shares: [LevelShare]
    public let average: AverageComparison
}

public struct Ranking: Equatable {
    public let tiers: [TierRanking]
    public let overall: AverageComparison
    public let rules: RankingRules
}

/// Ranks totals per tier and compares them with the previous year.
public enum Ranker {
    public static func rank(current: [AgencyScore], previous: [AgencyScore]?, rules: RankingRules) -> Ranking {
        let conventions = rules.conventions
        let previousStandings = previous.map { standings(of: $0, rules: rules) } ?? [:]
        var tierRankings: [TierRanking] = []
        var currentMeans: [Fraction] = [], previousMeans: [Fraction] = []
        for tier in rules.tiers {
            let members = current.filter { $0.tier == tier.id }
            guard !members.isEmpty else { continue }
            let ranked = standings(of: members, rules: rules)
            let ordered = order(members.map { ranked[$0.id]! }, previous: previousStandings, by: conventions.tieOrder)
            let rows = ordered.enumerated().map { index, standing -> RankedRow in
                let before = previousStandings[standing.agency.id]
                return RankedRow(number: index + 1, current: standing, previous: before,
                                 change: before.map { $0.rank - standing.rank })
            }
            let previousMembers = previous?.filter { $0.tier == tier.id } ?? []
            let currentMean = mean(members, decimals: conventions.decimals)
            let previousMean = previousMembers.isEmpty ? nil : mean(previousMembers, decimals: conventions.decimals)
            currentMeans.append(currentMean)
            previousMean.map { previousMeans.append($0) }
            tierRankings.append(TierRanking(
                tier: tier, rows: rows,
                shares: shares(current: members, previous: previousMembers.isEmpty ? nil : previousMembers, rules: rules),
                average: compare(currentMean, previousMean, rules: rules)))
        }
        let overallCurrent: Fraction, overallPrevious: Fraction?
        switch conventions.overallAverage {
        case .meanOfTiers:
            overallCurrent = meanOf(currentMeans)
            // Only comparable when every tier has a previous year.
            overallPrevious = previousMeans.count == currentMeans.count && !previousMeans.isEmpty ? meanOf(previousMeans) : nil
        case .meanOfAgencies:
            overallCurrent = mean(current, decimals: conventions.decimals)
            overallPrevious = (previous?.isEmpty ?? true) ? nil : mean(previous!, decimals: conventions.decimals)
        }
        return Ranking(tiers: tierRankings, overall: compare(overallCurrent, overallPrevious, rules: rules), rules: rules)
    }

    /// Competition ranking within each tier ("1224"): equal scores share a rank and
    /// the next rank skips as many places as agencies tied.
    static func standings(of scores: [AgencyScore], rules: RankingRules) -> [String: Standing] {
        var result: [String: Standing] = [:]
        let scale = Double(DecimalText.powerOfTen(rules.conventions.decimals))
        for score in scores {
            let higher = scores.filter { $0.tier == score.tier && $0.units > score.units }.count
            result[score.id] = Standing(agency: score, rank: higher + 1,
                                        level: rules.levels.level(for: Double(score.units) / scale).name)
        }
        return result
    }

    static func order(_ standings: [Standing], previous: [String: Standing],
                      by tieOrder: RankingConventions.TieOrder) -> [Standing] {
        let inputIndex = Dictionary(uniqueKeysWithValues: standings.enumerated().map { ($1.agency.id, $0) })
        return standings.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            switch tieOrder {
            case .input:
                break
            case .name:
                let (x, y) = (VietnameseText.fold(a.agency.name), VietnameseText.fold(b.agency.name))
                if x != y { return x < y }
            case .previousRank:
                // Agencies new this year come after those with a previous rank.
                let (x, y) = (previous[a.agency.id]?.rank ?? Int.max, previous[b.agency.id]?.rank ?? Int.max)
                if x != y { return x < y }
            }
            return inputIndex[a.agency.id]! < inputIndex[b.agency.id]!
        }
    }

    static func mean(_ scores: [AgencyScore], decimals: Int) -> Fraction {
        Fraction(scores.reduce(0) { $0 + $1.units }, scores.count * DecimalText.powerOfTen(decimals))
    }

    static func meanOf(_ values: [Fraction]) -> Fraction {
        values.dropFirst().reduce(values[0], +).divided(by: values.count)
    }

    static func compare(_ current: Fraction, _ previous: Fraction?, rules: RankingRules) -> AverageComparison {
        let conventions = rules.conventions
        let printedCurrent = conventions.wholeNumber(current)
        let printedPrevious = previous.map(conventions.wholeNumber)
        let change: Int?
        switch conventions.changeBasis {
        case .unrounded: change = previous.map { conventions.wholeNumber(current - $0) }
        case .printed: change = printedPrevious.map { printedCurrent - $0 }
        }
        return AverageComparison(current: current, previous: previous, printedCurrent: printedCurrent,
                                 printedPrevious: printedPrevious, change: change,
                                 level: rules.levels.level(for: Double(printedCurrent)).name)
    }

    static func shares(current: [AgencyScore], previous: [AgencyScore]?, rules: RankingRules) -> [LevelShare] {
        let now = percentages(current, rules: rules)
        let before = previous.map { percentages($0, rules: rules) }
        return rules.levels.levels.enumerated().map { index, level in
            LevelShare(level: level.name, current: now[index], previous: before?[index])
        }
    }

    /// Whole percentages of the agencies per level, in the order of the level scale.
    static func percentages(_ scores: [AgencyScore], rules: RankingRules) -> [Int] {
        let standings = standings(of: scores, rules: rules)
        let counts = rules.levels.levels.map { level in standings.values.filter { $0.level == level.name }.count }
        let exact = counts.map { Fraction($0 * 100, scores.count) }
        switch rules.conventions.shareRounding {
        case .nearest:
            return exact.map(\.rounded)
        case .largestRemainder:
            // Floors, then one more point to the largest remainders until the total is 100.
            var result = exact.map(\.truncated)
            let remainder = exact.indices.map { (exact[$0] - Fraction(result[$0], 1)).doubleValue }
            // Equal remainders go to the better level first.
            let byRemainder = exact.indices.sorted { remainder[$0] != remainder[$1] ? remainder[$0] > remainder[$1] : $0 < $1 }
            for index in byRemainder.prefix(100 - result.reduce(0, +)) { result[index] += 1 }
            return result
        }
    }
}
