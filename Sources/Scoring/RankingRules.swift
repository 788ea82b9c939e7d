import DataFile
import Foundation
import Vocabulary

/// A group of agencies ranked among themselves (the decision's "khối"), as the
/// criteria set declares it and the decision words it.
public struct TierDefinition: Equatable {
    public let id: Tier
    /// Column head of the level-share table, e.g. "CQNN cấp tỉnh".
    public let label: String
    /// Caption of the ranking table, e.g. "Xếp hạng tổng thể … của các CQNN cấp tỉnh".
    public let caption: String
    /// How the averages sentence names the tier, e.g. "khối cơ quan cấp tỉnh".
    public let averageLabel: String
}

public struct Level: Equatable {
    public let name: String
    public let minimum: Double
}

/// Levels from the best down; a score gets the first level whose minimum it reaches.
public struct LevelScale: Equatable {
    public let levels: [Level]

    public func level(for score: Double) -> Level {
        levels.first { score >= $0.minimum } ?? levels[levels.count - 1]
    }
}

/// Everything `rank` needs besides the totals: the place, the tiers, the levels and
/// the arithmetic conventions. Read from the `ranking:` part of a criteria set.
public struct RankingRules: Equatable {
    public let province: String
    /// The maximum total ("84/100 điểm"); a criteria set's tiers must sum to it.
    public let outOf: Double
    public let tiers: [TierDefinition]
    public let levels: LevelScale
    public var conventions: RankingConventions

    /// The declared tier a targets file or a spreadsheet names, if any.
    public func tier(_ id: String) -> TierDefinition? { tiers.first { $0.id.rawValue == id } }

    public static func load(_ url: URL) throws -> RankingRules {
        try parse(YAMLFile.load(url).requireMapping())
    }

    static func parse(_ root: YAMLMapping) throws -> RankingRules {
        let province = try root.require("province").requireString()
        let outOf = try root.require("outOf").decimal()
        let tiersNode = try root.require("tiers").requireMapping()
        let tiers = try tiersNode.entries().map { entry -> TierDefinition in
            let tier = try entry.value.requireMapping()
            // Targets files and self-reports name the tier by this id.
            guard let id = Tier(rawValue: entry.key) else {
                throw tiersNode.error(atKey: entry.key, "mã khối '\(entry.key)' phải là chữ thường không dấu, như 'commune' (a tier id is an ascii slug)")
            }
            try tier.rejectUnknownKeys(allowed: ["label", "caption", "averageLabel"])
            return TierDefinition(id: id,
                        label: try tier.require("label").requireString(),
                        caption: try tier.require("caption").requireString(),
                        averageLabel: try tier.require("averageLabel").requireString())
        }
        guard !tiers.isEmpty else { throw root.error("cần ít nhất một khối (no tiers)") }
        let levelsNode = try root.require("levels")
        var levels: [Level] = []
        for node in try levelsNode.requireSequence().map({ try $0.requireMapping() }) {
            try node.rejectUnknownKeys(allowed: ["name", "min"])
            let level = Level(name: try node.require("name").requireString(), minimum: try node.require("min").decimal())
            if let last = levels.last, level.minimum >= last.minimum {
                throw node.error("các mức phải xếp từ cao xuống thấp (levels must go from the highest minimum down)")
            }
            levels.append(level)
        }
        guard !levels.isEmpty else { throw levelsNode.error("cần ít nhất một mức (no levels)") }
        let conventions = try root["conventions"].map { try RankingConventions.parse($0.requireMapping()) } ?? RankingConventions()
        return RankingRules(province: province, outOf: outOf, tiers: tiers, levels: LevelScale(levels: levels), conventions: conventions)
    }
}
