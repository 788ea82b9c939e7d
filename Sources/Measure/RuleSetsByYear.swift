import DataFile
import Foundation

/// Which rule set an audited year follows by default (Resources/rule-sets-by-year.yaml).
public struct RuleSetsByYear: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let from: Int
        public let rules: String
    }

    public let entries: [Entry]

    public static func bundled() throws -> RuleSetsByYear {
        guard let url = Bundle.module.url(forResource: "rule-sets-by-year", withExtension: "yaml") else {
            throw DataFileError(file: "rule-sets-by-year.yaml", message: "missing from the Audit resources")
        }
        return try load(url)
    }

    public static func load(_ url: URL) throws -> RuleSetsByYear {
        var entries: [Entry] = []
        for node in try YAMLFile.load(url).requireSequence() {
            let map = try node.requireMapping()
            try map.rejectUnknownKeys(allowed: ["from", "rules"])
            let from = try map.require("from")
            let entry = Entry(from: try from.requireInt(), rules: try map.require("rules").requireString())
            if let last = entries.last, entry.from <= last.from {
                throw from.error("years must increase from one entry to the next")
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw DataFileError(file: url.path, line: 1, message: "no rule set listed") }
        return RuleSetsByYear(entries: entries)
    }

    /// The rule set name for `year`, or nil before the first entry.
    public func rules(for year: Int) -> String? {
        entries.last { $0.from <= year }?.rules
    }
}
