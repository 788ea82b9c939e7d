import Foundation
import Vocabulary

/// What Detect found on one portal; the `sections`, `news`, `documents` and
/// `services` parts of measurements.json.
public struct PortalFindings: Codable, Sendable {
    public var rules: String
    public var tier: Tier
    public var year: Int
    public var pagesAnalysed: Int
    public var sections: [SectionFinding]
    public var news: NewsFindings
    public var documents: DocumentFindings
    public var services: ServiceFindings
}

public struct SectionFinding: Codable, Sendable, Equatable {
    public typealias State = ItemState
    public var item: String
    public var state: State
    /// The page that carries the item.
    public var url: String?
    /// What confirmed it, in Vietnamese.
    public var evidence: String?
    /// The anchor, block title or heading that named it (original text).
    public var anchor: String?
    /// The rule phrase or slug that matched.
    public var matched: String?
    /// Where it was named: menu, footer, block, heading, title, link, site.
    public var place: String?
    public var capturedAt: Date?
    public var warcRecord: String?
    /// Why it is absent or inconclusive, in Vietnamese.
    public var reason: String?
    /// For an absent item: what was examined, so that an appraiser can argue with it.
    public var examined: Examined?

    public struct Examined: Codable, Sendable, Equatable {
        /// Pages of the portal read.
        public var pages: Int
        /// Menu entries seen (the first ones, in order).
        public var menus: [String]
        /// The labels and URL segments looked for.
        public var labels: [String]
        public var slugs: [String]
    }
}

public struct NewsFindings: Codable, Sendable {
    /// Distinct articles dated inside the year.
    public var count: Int
    /// Distinct articles seen without a readable date.
    public var undated: Int
    /// "articles" | "listing" | "rss" | "sitemap" | "none".
    public var method: String
    public var partial: Bool
    public var crossChecks: CrossChecks
    public var items: [NewsItem]?
    /// Articles counted but not in `items` (the list is capped by the rules).
    public var itemsNotListed: Int?

    public struct CrossChecks: Codable, Sendable {
        /// Largest listing total printed by the portal ("… of 1.442 kết quả").
        public var listingTotal: Int?
        /// RSS items dated inside the year.
        public var rssInYear: Int?
        /// Sitemap URLs whose lastmod falls inside the year.
        public var sitemapInYear: Int?
        /// Article pages fetched vs. entries only seen in listings.
        public var articlePages: Int
        public var listingEntries: Int
        /// Listings whose pager could only be followed with JavaScript.
        public var scriptPagers: [String]
        /// Article pages fetched whose own date could not be read, and their
        /// share of `articlePages` (nil without article pages): near zero on
        /// a portal that prints dates. Optional: measurements written before
        /// they existed still read.
        public var articlePagesUndated: Int?
        public var undatedShare: Double?
        /// Articles whose only dates lay after the day their page was fetched (not taken as dates).
        public var futureDated: Int?
    }
}

public struct NewsItem: Codable, Sendable {
    public var key: String
    public var url: String
    public var title: String?
    public var date: String?
    public var source: String
}

public struct DocumentFindings: Codable, Sendable {
    /// Distinct documents of any issuer dated in the year.
    public var count: Int
    /// Those the agency issued itself; null when some document's issuer
    /// cannot be told (then `ownReason` says why), never a guess.
    public var own: Int?
    /// Why `own` is null, or what it was told from.
    public var ownReason: String?
    /// "table" | "pages" | "table+pages" | "none".
    public var method: String
    public var partial: Bool
    public var list: [DocumentEntry]

    private enum CodingKeys: String, CodingKey { case count, own, ownReason, method, partial, list }

    public init(count: Int, own: Int?, ownReason: String?, method: String, partial: Bool, list: [DocumentEntry]) {
        self.count = count
        self.own = own
        self.ownReason = ownReason
        self.method = method
        self.partial = partial
        self.list = list
    }

    /// `own` is written even when null: a reader sees it was not told, not forgotten.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(own, forKey: .own)
        try container.encodeIfPresent(ownReason, forKey: .ownReason)
        try container.encode(method, forKey: .method)
        try container.encode(partial, forKey: .partial)
        try container.encode(list, forKey: .list)
    }
}

public struct DocumentEntry: Codable, Sendable, Equatable {
    public var number: String?
    /// Issue date ("Ngày ban hành"), ISO.
    public var date: String?
    /// Effective date ("Ngày hiệu lực"), ISO, which Nghị định 42/2022 asks for.
    public var effective: String?
    public var summary: String?
    public var url: String?
    public var type: String?
    public var issuer: String?
    public var year: Int?
    /// Whether the agency issued it; nil when nothing on the pages tells.
    public var own: Bool?
    /// What told it: "issuer" (the issuer column), "page" (the document's page) or "code" (the agency's code in the number).
    public var ownBy: String?
}

public struct ServiceFindings: Codable, Sendable {
    public var level3: Int
    public var level4: Int
    public var total: Int
    /// Level-3 procedures counted only because a submit action was seen.
    public var inferredLevel3: Int
    /// Under Nghị định 42/2022: fully online (the level-4 count) and partly online (the level-3 count).
    public var toanTrinh: Int?
    public var motPhan: Int?
    /// Procedures whose level was read on their own page.
    public var fromDetailPages: Int?
    /// The wording that was counted: "muc-do", "toan-trinh", "mot-phan", "nop-ho-so", or several joined with "+".
    public var wording: String
    public var partial: Bool
    public var list: [ServiceEntry]?
}

public struct ServiceEntry: Codable, Sendable, Equatable {
    public var name: String
    public var level: Int?
    public var inferred: Bool
    public var wording: String?
    public var agency: String?
    public var url: String
}
