import DataFile
import Foundation
import Vocabulary

/// When changes become flags: the thresholds of flag-policy.yaml. The wording of
/// flags and changes is Report's (wording.yaml), from the typed reasons Store keeps.
public struct FlagPolicy: Equatable, Sendable {
    public var missingAfterNights: Int
    public var staleAfterNights: Int
    /// Nights in a row a section must be stale (health freshness) before it is flagged.
    public var staleSectionAfterNights: Int
    public var unauditableStatuses: Set<CrawlStatus>
    public var lookbackNights: Int

    /// The policy shipped with the tool.
    public static func standard() throws -> FlagPolicy {
        guard let url = Bundle.module.url(forResource: "flag-policy", withExtension: "yaml") else {
            throw DataFileError(file: "flag-policy.yaml", message: "missing from the Store resources")
        }
        return try load(url)
    }

    public static func load(_ url: URL) throws -> FlagPolicy {
        try parse(YAMLFile.load(url))
    }

    public static func parse(_ text: String, file: String) throws -> FlagPolicy {
        try parse(YAMLFile.parse(text, file: file))
    }

    static func parse(_ root: YAMLNode) throws -> FlagPolicy {
        let map = try root.requireMapping()
        try map.rejectUnknownKeys(allowed: ["missingAfterNights", "staleAfterNights", "staleSectionAfterNights", "unauditableStatuses",
                                            "lookbackNights"])
        return FlagPolicy(
            missingAfterNights: try positive(map.require("missingAfterNights")),
            staleAfterNights: try positive(map.require("staleAfterNights")),
            staleSectionAfterNights: try positive(map.require("staleSectionAfterNights")),
            unauditableStatuses: try statuses(map.require("unauditableStatuses")),
            lookbackNights: try positive(map.require("lookbackNights")))
    }

    private static func statuses(_ node: YAMLNode) throws -> Set<CrawlStatus> {
        Set(try node.stringList().map { word in
            guard let status = CrawlStatus(rawValue: word) else {
                throw node.error("unknown status `\(word)` (expected \(CrawlStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return status
        })
    }

    private static func positive(_ node: YAMLNode) throws -> Int {
        let value = try node.requireInt()
        guard value >= 1 else { throw node.error("expected a whole number of at least 1") }
        return value
    }
}
