/// A tier of agencies (khối): who is compared with whom. Tiers are data — the
/// bundled Crawl/Resources/tiers.yaml and each criteria set's `tiers:` declare
/// them — so a tier is a validated slug, not a closed list; the constants name
/// the tiers the bundled files use. Codable as its bare id, the word
/// targets.yaml, measurements.json, the history and the reports store.
public struct Tier: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `rawValue` is an ascii slug: lower-case letters, digits and inner hyphens.
    public init?(rawValue: String) {
        guard Self.isSlug(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Departments of the province (Sở, ban, ngành).
    public static let province = Tier(known: "province")
    /// District people's committees, until 30/6/2025.
    public static let district = Tier(known: "district")
    /// Commune-level committees: xã, phường, đặc khu.
    public static let commune = Tier(known: "commune")

    public var description: String { rawValue }

    public static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let tier = Tier(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a tier id (an ascii slug)")
        }
        self = tier
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private init(known: String) { rawValue = known }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`: words of ascii letters and digits joined by single hyphens.
    static func isSlug(_ text: String) -> Bool {
        let words = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }
}
