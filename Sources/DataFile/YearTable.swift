import Foundation

/// A file of `- {from: YEAR, KEY: VALUE}` entries: what applies to a year is the
/// last entry from at or before it (a rule set, a criteria set), until the next.
public struct YearTable: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public let from: Int
        public let value: String
    }

    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads the table; `key` names the value each entry carries (`rules`, `criteria`).
    public static func load(_ url: URL, key: String) throws -> YearTable {
        var entries: [Entry] = []
        for node in try YAMLFile.load(url).requireSequence() {
            let map = try node.requireMapping()
            try map.rejectUnknownKeys(allowed: ["from", key])
            let from = try map.require("from")
            let entry = Entry(from: try from.requireInt(), value: try map.require(key).requireString())
            if let last = entries.last, entry.from <= last.from {
                throw from.error("years must increase from one entry to the next")
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw DataFileError(file: url.path, line: 1, message: "no entry listed") }
        return YearTable(entries: entries)
    }

    /// The value for `year`, or nil before the first entry.
    public func value(for year: Int) -> String? {
        entries.last { $0.from <= year }?.value
    }
}
