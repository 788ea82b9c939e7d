import DataFile
import Foundation
import Spreadsheet
import Vocabulary

/// The Vietnamese words for the ids the tool stores (Resources/wording.yaml): crawl
/// statuses, item states, flag kinds and states, decisions, health checks and their
/// states, the messages of flags and
/// changes, item and count labels. Lower targets hand over the typed word or reason;
/// the reports, the workspace and the command line word it here.
public struct WordingCatalogue: Sendable {
    public struct StatusWords: Sendable {
        /// Standing alone: "Kiểm tra được đầy đủ".
        public let heading: String
        /// Inside a sentence or a table cell: "kiểm tra được".
        public let inline: String
    }

    let statuses: [CrawlStatus: StatusWords]
    let itemStates: [ItemState: String]
    let flagKinds: [FlagKind: String]
    let flagStates: [FlagState: String]
    let decisions: [DecisionKind: String]
    let healthChecks: [HealthCheck: String]
    let checkStates: [CheckState: String]
    let flagMessages: [FlagKind: String]
    let changeMessages: [ChangeKind: String]
    let lowerBound: String
    let counts: [String: String]
    let items: [String: String]

    public func status(_ status: CrawlStatus) -> StatusWords { statuses[status]! }
    public func itemState(_ state: ItemState) -> String { itemStates[state]! }
    public func flagKind(_ kind: FlagKind) -> String { flagKinds[kind]! }
    public func flagState(_ state: FlagState) -> String { flagStates[state]! }
    public func decision(_ kind: DecisionKind) -> String { decisions[kind]! }
    public func healthCheck(_ check: HealthCheck) -> String { healthChecks[check]! }
    public func checkState(_ state: CheckState) -> String { checkStates[state]! }
    /// A checklist item as appraisers name it; an id the catalogue does not list shows as itself.
    public func itemLabel(_ id: String) -> String { items[id] ?? id }
    /// A count the history compares (`news` …) as appraisers name it, or its key.
    public func countLabel(_ key: String) -> String { counts[key] ?? key }

    /// A flag's reason in Vietnamese; recorded text (older nights) as it was stored.
    public func message(_ reason: FlagReason) -> String {
        switch reason {
        case .missing(let item): fill(flagMessages[.missing]!, ["label": itemLabel(item)])
        case .discrepancy(let label, let reported, let measured, let atLeast):
            fill(flagMessages[.discrepancy]!, ["label": label, "reported": DecimalText.plain(reported),
                                               "measured": atLeast ? fill(lowerBound, ["value": DecimalText.plain(measured)]) : DecimalText.plain(measured)])
        case .stale(let nights): fill(flagMessages[.stale]!, ["nights": String(nights)])
        case .unaudited(let status): fill(flagMessages[.unaudited]!, ["status": self.status(status).inline])
        case .injectedContent(let hits, let example): fill(flagMessages[.injectedContent]!, ["count": String(hits), "evidence": example])
        case .staleSection(let label, let days, let newestDate):
            fill(flagMessages[.staleSection]!, ["label": label, "days": String(days), "date": newestDate])
        case .recorded(let text): text
        }
    }

    /// A change's reason in Vietnamese; recorded text (older nights) as it was stored.
    public func message(_ reason: ChangeReason) -> String {
        switch reason {
        case .itemAppeared(let item): fill(changeMessages[.itemAppeared]!, ["label": itemLabel(item)])
        case .itemDisappeared(let item): fill(changeMessages[.itemDisappeared]!, ["label": itemLabel(item)])
        case .countChanged(let count, let before, let after):
            fill(changeMessages[.countChanged]!, ["label": countLabel(count), "before": DecimalText.figure(before), "after": DecimalText.figure(after),
                                                  "delta": (after > before ? "+" : "") + DecimalText.figure(after - before)])
        case .statusChanged(let before, let after):
            fill(changeMessages[.statusChanged]!, ["before": status(before).inline, "after": status(after).inline])
        case .recorded(let text): text
        }
    }

    /// Fills a template whose placeholders `load` checked.
    private func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The bundled catalogue. It ships with the tool and a test loads it, so a
    /// broken one is a defect of the build, not an input: it stops the program.
    public static let standard: WordingCatalogue = {
        do {
            guard let url = Bundle.module.url(forResource: "wording", withExtension: "yaml") else {
                throw DataFileError(file: "wording.yaml", message: "missing from the Report resources")
            }
            return try load(url)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Reads a catalogue; every id of every typed list must be worded, and nothing else
    /// (item and count labels are open lists).
    public static func load(_ url: URL) throws -> WordingCatalogue {
        let root = try YAMLFile.load(url).requireMapping()
        try root.rejectUnknownKeys(allowed: ["statuses", "itemStates", "flagKinds", "flagStates", "decisions", "healthChecks", "checkStates", "flagMessages",
                                            "changeMessages", "lowerBound", "counts", "items"])
        let statusNodes = try words(root.require("statuses"), CrawlStatus.self) { $0 }
        var statuses: [CrawlStatus: StatusWords] = [:]
        for (status, node) in statusNodes {
            let map = try node.requireMapping()
            try map.rejectUnknownKeys(allowed: ["heading", "inline"])
            statuses[status] = StatusWords(heading: try map.require("heading").requireString(), inline: try map.require("inline").requireString())
        }
        return WordingCatalogue(statuses: statuses,
                                itemStates: try words(root.require("itemStates"), ItemState.self) { try $0.requireString() },
                                flagKinds: try words(root.require("flagKinds"), FlagKind.self) { try $0.requireString() },
                                flagStates: try words(root.require("flagStates"), FlagState.self) { try $0.requireString() },
                                decisions: try words(root.require("decisions"), DecisionKind.self) { try $0.requireString() },
                                healthChecks: try words(root.require("healthChecks"), HealthCheck.self) { try $0.requireString() },
                                checkStates: try words(root.require("checkStates"), CheckState.self) { try $0.requireString() },
                                flagMessages: try templates(root.require("flagMessages"), placeholders: flagPlaceholders),
                                changeMessages: try templates(root.require("changeMessages"), placeholders: changePlaceholders),
                                lowerBound: try template(root.require("lowerBound"), placeholders: ["value"]),
                                counts: try labels(root.require("counts")),
                                items: try labels(root.require("items")))
    }

    /// The arguments each reason hands its template (see `message(_:)`).
    private static let flagPlaceholders: [FlagKind: Set<String>] = [
        .missing: ["label"], .discrepancy: ["label", "reported", "measured"], .stale: ["nights"], .unaudited: ["status"],
        .injectedContent: ["count", "evidence"], .staleSection: ["label", "days", "date"],
    ]
    private static let changePlaceholders: [ChangeKind: Set<String>] = [
        .itemAppeared: ["label"], .itemDisappeared: ["label"], .countChanged: ["label", "before", "after", "delta"],
        .statusChanged: ["before", "after"],
    ]

    private static func templates<Kind>(_ node: YAMLNode, placeholders: [Kind: Set<String>]) throws -> [Kind: String]
    where Kind: RawRepresentable & CaseIterable & Hashable, Kind.RawValue == String {
        let map = try node.requireMapping()
        try map.rejectUnknownKeys(allowed: Set(Kind.allCases.map(\.rawValue)))
        var result: [Kind: String] = [:]
        for kind in Kind.allCases { result[kind] = try template(map.require(kind.rawValue), placeholders: placeholders[kind] ?? []) }
        return result
    }

    /// A template may name only the arguments its reason has: a typo is refused where it is written.
    private static func template(_ node: YAMLNode, placeholders: Set<String>) throws -> String {
        let text = try node.requireString()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            guard placeholders.contains(name) else {
                throw node.error("unknown placeholder {\(name)} (expected \(placeholders.sorted().map { "{\($0)}" }.joined(separator: " ")))")
            }
            rest = rest[rest.index(after: close)...]
        }
        return text
    }

    private static func labels(_ node: YAMLNode) throws -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in try node.requireMapping().entries() { result[key] = try value.requireString() }
        return result
    }

    private static func words<Word, Value>(_ node: YAMLNode, _: Word.Type, _ read: (YAMLNode) throws -> Value) throws -> [Word: Value]
    where Word: RawRepresentable & CaseIterable & Hashable, Word.RawValue == String {
        let map = try node.requireMapping()
        try map.rejectUnknownKeys(allowed: Set(Word.allCases.map(\.rawValue)))
        var result: [Word: Value] = [:]
        for word in Word.allCases { result[word] = try read(map.require(word.rawValue)) }
        return result
    }
}
