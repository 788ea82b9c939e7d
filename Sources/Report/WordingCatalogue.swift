import DataFile
import Foundation
import Vocabulary

/// The Vietnamese words for the ids the tool stores (Resources/wording.yaml): crawl
/// statuses, item states, flag kinds and states, decisions. Lower targets hand over
/// the typed word; the reports, the workspace and the command line word it here.
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

    public func status(_ status: CrawlStatus) -> StatusWords { statuses[status]! }
    public func itemState(_ state: ItemState) -> String { itemStates[state]! }
    public func flagKind(_ kind: FlagKind) -> String { flagKinds[kind]! }
    public func flagState(_ state: FlagState) -> String { flagStates[state]! }
    public func decision(_ kind: DecisionKind) -> String { decisions[kind]! }

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

    /// Reads a catalogue; every id of every list must be worded, and nothing else.
    public static func load(_ url: URL) throws -> WordingCatalogue {
        let root = try YAMLFile.load(url).requireMapping()
        try root.rejectUnknownKeys(allowed: ["statuses", "itemStates", "flagKinds", "flagStates", "decisions"])
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
                                decisions: try words(root.require("decisions"), DecisionKind.self) { try $0.requireString() })
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
