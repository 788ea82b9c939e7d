import Foundation
import Scoring
import Vocabulary

/// The ranking for programs: plain numbers plus the printed cells. `change` is
/// null (not missing) for an agency without a previous rank.
public enum RankingJSON {
    /// `adjustments` (agency id → appraisers' overrides), when given, adds them to every row.
    public static func render(_ ranking: Ranking, text: RankingText, year: Int?, previousYear: Int?,
                              adjustments: [String: [String]]? = nil) throws -> String {
        let document = Document(
            year: year, previousYear: previousYear,
            conventions: Conventions(ranking.rules.conventions),
            tiers: ranking.tiers.map { tier in
                TierEntry(tier: tier.tier.id, label: tier.tier.label,
                          rows: tier.rows.map { row in
                              Row(row, text: text, adjustments: adjustments.map { $0[row.current.agency.id] ?? [] })
                          },
                          levelShares: tier.shares.map { Share(level: $0.level, current: $0.current, previous: $0.previous) },
                          average: Average(tier.average))
            },
            overall: Average(ranking.overall))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let year: Int?, previousYear: Int?
        let conventions: Conventions
        let tiers: [TierEntry]
        let overall: Average

        enum CodingKeys: CodingKey { case year, previousYear, conventions, tiers, overall }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(previousYear, forKey: .previousYear)
            try c.encode(conventions, forKey: .conventions)
            try c.encode(tiers, forKey: .tiers)
            try c.encode(overall, forKey: .overall)
        }
    }

    struct Conventions: Encodable {
        let decimals: Int, tieOrder: String, averageRounding: String, overallAverage: String
        let changeBasis: String, shareRounding: String
        init(_ c: RankingConventions) {
            decimals = c.decimals; tieOrder = c.tieOrder.rawValue; averageRounding = c.averageRounding.rawValue
            overallAverage = c.overallAverage.rawValue; changeBasis = c.changeBasis.rawValue
            shareRounding = c.shareRounding.rawValue
        }
    }

    struct TierEntry: Encodable {
        let tier: Tier, label: String
        let rows: [Row]
        let levelShares: [Share]
        let average: Average
    }

    struct Row: Encodable {
        let number: Int, id: String, name: String, score: Double, rank: Int, level: String, cell: String
        let previousScore: Double?, previousRank: Int?, previousCell: String?
        let change: Int?, changeText: String?
        /// Only in `score`'s ranking: the appraisers' overrides of the agency.
        let adjustments: [String]?
        /// False, with the reason, when the portal could not be audited; true otherwise.
        let audited: Bool, reason: String?, reported: Bool

        init(_ row: RankedRow, text: RankingText, adjustments: [String]?) {
            self.adjustments = adjustments
            audited = row.current.agency.unaudited == nil; reason = row.current.agency.unaudited
            reported = !row.current.agency.notReported
            number = row.number; id = row.current.agency.id; name = row.current.agency.name
            score = text.scoreValue(row.current.agency.units); rank = row.current.rank
            level = row.current.level; cell = text.cell(row.current)
            previousScore = row.previous.map { text.scoreValue($0.agency.units) }
            previousRank = row.previous?.rank
            previousCell = row.previous.map { text.cell($0) }
            change = row.change
            changeText = row.change.map { text.change($0) }
        }

        enum CodingKeys: CodingKey {
            case number, id, name, score, rank, level, cell, previousScore, previousRank, previousCell, change, changeText, adjustments
            case audited, reason, reported
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number); try c.encode(id, forKey: .id); try c.encode(name, forKey: .name)
            try c.encode(score, forKey: .score); try c.encode(rank, forKey: .rank); try c.encode(level, forKey: .level)
            try c.encode(cell, forKey: .cell)
            try c.encode(previousScore, forKey: .previousScore); try c.encode(previousRank, forKey: .previousRank)
            try c.encode(previousCell, forKey: .previousCell)
            try c.encode(change, forKey: .change); try c.encode(changeText, forKey: .changeText)
            try c.encodeIfPresent(adjustments, forKey: .adjustments)
            try c.encode(audited, forKey: .audited); try c.encodeIfPresent(reason, forKey: .reason)
            try c.encode(reported, forKey: .reported)
        }
    }

    struct Share: Encodable {
        let level: String, current: Int, previous: Int?
        enum CodingKeys: CodingKey { case level, current, previous }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(level, forKey: .level); try c.encode(current, forKey: .current)
            try c.encode(previous, forKey: .previous)
        }
    }

    struct Average: Encodable {
        let mean: Double, previousMean: Double?, printed: Int, previousPrinted: Int?, change: Int?, level: String
        init(_ a: AverageComparison) {
            mean = a.current.doubleValue; previousMean = a.previous?.doubleValue
            printed = a.printedCurrent; previousPrinted = a.printedPrevious; change = a.change; level = a.level
        }
        enum CodingKeys: CodingKey { case mean, previousMean, printed, previousPrinted, change, level }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mean, forKey: .mean); try c.encode(previousMean, forKey: .previousMean)
            try c.encode(printed, forKey: .printed); try c.encode(previousPrinted, forKey: .previousPrinted)
            try c.encode(change, forKey: .change); try c.encode(level, forKey: .level)
        }
    }
}
