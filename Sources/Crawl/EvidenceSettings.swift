import DataFile
import Foundation

/// How WARC evidence is written, loaded from `evidence.yaml` (see Resources).
public struct EvidenceSettings: Sendable, Equatable {
    /// zlib level of each record's gzip member.
    public var gzipLevel: Int32
    /// The proving pages' stylesheets and images kept per target.
    public var assets: EvidenceAssetBudget

    public init(gzipLevel: Int32, assets: EvidenceAssetBudget) {
        self.gzipLevel = gzipLevel
        self.assets = assets
    }

    public static func bundled() throws -> EvidenceSettings {
        guard let url = Bundle.module.url(forResource: "evidence", withExtension: "yaml") else {
            throw DataFileError(file: "evidence.yaml", line: nil, message: "missing from the bundle")
        }
        return try load(file: url)
    }

    public static func load(file: URL) throws -> EvidenceSettings {
        let map = try YAMLFile.load(file).requireMapping()
        try map.rejectUnknownKeys(allowed: ["version", "gzipLevel", "assets"])
        let node = try map.require("gzipLevel")
        let level = try node.requireInt()
        guard (1...9).contains(level) else { throw node.error("`gzipLevel` must be a whole number from 1 to 9") }
        return EvidenceSettings(gzipLevel: Int32(level), assets: try EvidenceAssetBudget.parse(map.require("assets")))
    }
}
