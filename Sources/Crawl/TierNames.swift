import DataFile
import Foundation
import Vocabulary

/// The tiers a targets file may name, and who says so: the bundled list
/// (Resources/tiers.yaml) for a crawl, the criteria set's `tiers:` for a scored run.
public struct TierNames: Sendable, Equatable {
    public let ids: [Tier]
    /// Where the list comes from, for the error message: "the bundled tiers",
    /// "the tiers criteria/son-la-2026.yaml declares".
    public let source: String

    public init(ids: [Tier], source: String) {
        self.ids = ids
        self.source = source
    }

    public static func bundled() throws -> TierNames {
        guard let url = Bundle.module.url(forResource: "tiers", withExtension: "yaml") else {
            throw DataFileError(file: "tiers.yaml", message: "missing from the Crawl resources")
        }
        var ids: [Tier] = []
        for node in try YAMLFile.load(url).requireSequence() {
            let map = try node.requireMapping()
            try map.rejectUnknownKeys(allowed: ["id", "name"])
            let idNode = try map.require("id")
            guard let tier = Tier(rawValue: try idNode.requireString()) else { throw idNode.error("a tier id is an ascii slug") }
            ids.append(tier)
        }
        return TierNames(ids: ids, source: "the bundled tiers")
    }

    /// The tiers a criteria file declares.
    public static func declared(by criteriaFile: String, ids: [Tier]) -> TierNames {
        TierNames(ids: ids, source: "the tiers \(criteriaFile) declares")
    }

    /// These tiers and those of `other` not already listed.
    public func adding(_ other: TierNames) -> TierNames {
        TierNames(ids: ids + other.ids.filter { !ids.contains($0) }, source: "\(source), \(other.source)")
    }

    /// "province, district or commune".
    var listed: String {
        let names = ids.map(\.rawValue)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
