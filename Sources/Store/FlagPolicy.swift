import DataFile
import Foundation
import Vocabulary

/// Thresholds, labels and Vietnamese wording for changes and flags (flag-policy.yaml).
public struct FlagPolicy: Equatable, Sendable {
    public var missingAfterNights: Int
    public var staleAfterNights: Int
    /// Nights in a row a section must be stale (health freshness) before it is flagged.
    public var staleSectionAfterNights: Int
    public var unauditableStatuses: Set<CrawlStatus>
    public var lookbackNights: Int
    public var messages: [String: String]
    public var statusLabels: [String: String]
    public var countLabels: [String: String]
    public var itemLabels: [String: String]

    static let messageKeys: Set<String> = ["missing", "discrepancy", "stale", "itemAppeared", "itemDisappeared",
                                           "countChanged", "statusChanged", "injectedContent", "staleSection"]

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
                                            "lookbackNights", "messages", "statuses", "counts", "items"])
        let policy = FlagPolicy(
            missingAfterNights: try positive(map.require("missingAfterNights")),
            staleAfterNights: try positive(map.require("staleAfterNights")),
            staleSectionAfterNights: try positive(map.require("staleSectionAfterNights")),
            unauditableStatuses: try statuses(map.require("unauditableStatuses")),
            lookbackNights: try positive(map.require("lookbackNights")),
            messages: try labels(map.require("messages")),
            statusLabels: try labels(map.require("statuses")),
            countLabels: try labels(map.require("counts")),
            itemLabels: try labels(map.require("items")))
        let messages = try map.require("messages")
        for key in messageKeys where policy.messages[key] == nil {
            throw messages.error("missing message `\(key)`")
        }
        return policy
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

    private static func labels(_ node: YAMLNode) throws -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in try node.requireMapping().entries() { result[key] = try value.requireString() }
        return result
    }

    func itemLabel(_ id: String) -> String { itemLabels[id] ?? id }
    func countLabel(_ key: String) -> String { countLabels[key] ?? key }
    public func statusLabel(_ status: CrawlStatus) -> String { statusLabels[status.rawValue] ?? status.rawValue }

    /// Fills a message template; unknown placeholders stay visible so a typo shows in the report.
    func message(_ key: String, _ values: [String: String]) -> String {
        var text = messages[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
