/// Why a flag holds, with the figures its wording needs. Store keeps it (`flags.reason`,
/// JSON: `{"kind": <FlagKind slug>, …arguments}`); Report words it from its catalogue.
public enum FlagReason: Equatable, Sendable {
    /// `item`: the checklist id (decree-43-items.md).
    case missing(item: String)
    /// `label`: the criterion's name in the criteria file; `atLeast`: the measured figure is a lower bound.
    case discrepancy(label: String, reported: Double, measured: Double, atLeast: Bool)
    case stale(nights: Int)
    /// The status that kept the portal from being audited tonight.
    case unaudited(status: CrawlStatus)
    /// `example`: the first hit, "URL — text (way hidden)".
    case injectedContent(hits: Int, example: String)
    /// `label`: the section's name in health.yaml; `newestDate`: "dd/MM/yyyy".
    case staleSection(label: String, days: Int, newestDate: String)
    /// A flag stored before reasons were typed: its Vietnamese as it was stored then.
    case recorded(String)

    /// The kind the reason is of; nil for recorded text, whose kind only the row knows.
    public var kind: FlagKind? {
        switch self {
        case .missing: .missing
        case .discrepancy: .discrepancy
        case .stale: .stale
        case .unaudited: .unaudited
        case .injectedContent: .injectedContent
        case .staleSection: .staleSection
        case .recorded: nil
        }
    }
}

extension FlagReason: Codable {
    private enum Key: String, CodingKey {
        case kind, item, label, reported, measured, atLeast, nights, status, hits, example, days, newestDate, text
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: Key.self)
        guard let kind = try ReasonCoding.kind(FlagKind.self, in: values, at: .kind, noun: "flag") else {
            self = .recorded(try values.decode(String.self, forKey: .text))
            return
        }
        switch kind {
        case .missing: self = .missing(item: try values.decode(String.self, forKey: .item))
        case .discrepancy:
            self = .discrepancy(label: try values.decode(String.self, forKey: .label), reported: try values.decode(Double.self, forKey: .reported),
                                measured: try values.decode(Double.self, forKey: .measured), atLeast: try values.decode(Bool.self, forKey: .atLeast))
        case .stale: self = .stale(nights: try values.decode(Int.self, forKey: .nights))
        case .unaudited: self = .unaudited(status: try values.decode(CrawlStatus.self, forKey: .status))
        case .injectedContent:
            self = .injectedContent(hits: try values.decode(Int.self, forKey: .hits), example: try values.decode(String.self, forKey: .example))
        case .staleSection:
            self = .staleSection(label: try values.decode(String.self, forKey: .label), days: try values.decode(Int.self, forKey: .days),
                                 newestDate: try values.decode(String.self, forKey: .newestDate))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: Key.self)
        try values.encode(kind?.rawValue ?? ReasonCoding.recordedKind, forKey: .kind)
        switch self {
        case .missing(let item): try values.encode(item, forKey: .item)
        case .discrepancy(let label, let reported, let measured, let atLeast):
            try values.encode(label, forKey: .label)
            try values.encode(reported, forKey: .reported)
            try values.encode(measured, forKey: .measured)
            try values.encode(atLeast, forKey: .atLeast)
        case .stale(let nights): try values.encode(nights, forKey: .nights)
        case .unaudited(let status): try values.encode(status, forKey: .status)
        case .injectedContent(let hits, let example):
            try values.encode(hits, forKey: .hits)
            try values.encode(example, forKey: .example)
        case .staleSection(let label, let days, let newestDate):
            try values.encode(label, forKey: .label)
            try values.encode(days, forKey: .days)
            try values.encode(newestDate, forKey: .newestDate)
        case .recorded(let text): try values.encode(text, forKey: .text)
        }
    }
}
