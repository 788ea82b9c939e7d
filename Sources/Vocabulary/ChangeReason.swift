/// What changed for an agency from its previous night; the word `changes.kind` stores.
public enum ChangeKind: String, Codable, Sendable, CaseIterable {
    case itemAppeared, itemDisappeared, countChanged, statusChanged
}

/// A change with the values its wording needs. Store keeps it (`changes.reason`,
/// JSON: `{"kind": <ChangeKind>, …arguments}`); Report words it from its catalogue.
public enum ChangeReason: Equatable, Sendable {
    /// `item`: the checklist id.
    case itemAppeared(item: String)
    case itemDisappeared(item: String)
    /// `count`: the history's key of the figure (`news`, `documents` …).
    case countChanged(count: String, before: Double, after: Double)
    case statusChanged(before: CrawlStatus, after: CrawlStatus)
    /// A change stored before reasons were typed: its Vietnamese as it was stored then.
    case recorded(String)

    /// The kind the reason is of; nil for recorded text, whose kind only the row knows.
    public var kind: ChangeKind? {
        switch self {
        case .itemAppeared: .itemAppeared
        case .itemDisappeared: .itemDisappeared
        case .countChanged: .countChanged
        case .statusChanged: .statusChanged
        case .recorded: nil
        }
    }
}

extension ChangeReason: Codable {
    private enum Key: String, CodingKey {
        case kind, item, count, before, after, text
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: Key.self)
        guard let kind = try ReasonCoding.kind(ChangeKind.self, in: values, at: .kind, noun: "change") else {
            self = .recorded(try values.decode(String.self, forKey: .text))
            return
        }
        switch kind {
        case .itemAppeared: self = .itemAppeared(item: try values.decode(String.self, forKey: .item))
        case .itemDisappeared: self = .itemDisappeared(item: try values.decode(String.self, forKey: .item))
        case .countChanged:
            self = .countChanged(count: try values.decode(String.self, forKey: .count), before: try values.decode(Double.self, forKey: .before),
                                 after: try values.decode(Double.self, forKey: .after))
        case .statusChanged:
            self = .statusChanged(before: try values.decode(CrawlStatus.self, forKey: .before), after: try values.decode(CrawlStatus.self, forKey: .after))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: Key.self)
        try values.encode(kind?.rawValue ?? ReasonCoding.recordedKind, forKey: .kind)
        switch self {
        case .itemAppeared(let item), .itemDisappeared(let item): try values.encode(item, forKey: .item)
        case .countChanged(let count, let before, let after):
            try values.encode(count, forKey: .count)
            try values.encode(before, forKey: .before)
            try values.encode(after, forKey: .after)
        case .statusChanged(let before, let after):
            try values.encode(before, forKey: .before)
            try values.encode(after, forKey: .after)
        case .recorded(let text): try values.encode(text, forKey: .text)
        }
    }
}
