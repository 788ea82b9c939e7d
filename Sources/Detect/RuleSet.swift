import DataFile
import Foundation
import HTML
import Yams

/// A decree's checklist and the vocabularies the detectors read, all loaded
/// from YAML data files.
public struct RuleSet: Sendable {
    public var version: String
    public var decree: String
    public var items: [ItemRule]
    public var pages: PageVocabulary
    public var dates: DateVocabulary
    public var news: NewsVocabulary
    public var documents: DocumentVocabulary
    public var services: ServiceVocabulary

    /// Items that apply to a tier ("province" or "district").
    public func items(for tier: String) -> [ItemRule] {
        items.filter { $0.applies(to: tier) }
    }

    /// The folder of the rule files shipped with the tool (to copy and adapt).
    public static var shippedDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("rules")
    }

    /// Loads a rule set shipped with the tool ("nd-43-2011", "nd-42-2022").
    public static func load(named name: String) throws -> RuleSet {
        let url = shippedDirectory.appendingPathComponent(name + ".yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataFileError(file: name + ".yaml", message: "no such rule set (shipped: nd-43-2011, nd-42-2022)")
        }
        return try load(file: url)
    }

    /// Loads a checklist file; its `vocabulary` entries name sibling files.
    public static func load(file: URL) throws -> RuleSet {
        let header = try YAMLFile.decode(ChecklistFile.self, from: file)
        let directory = file.deletingLastPathComponent()
        func sibling<T: Decodable>(_ key: String, _ type: T.Type) throws -> T {
            guard let name = header.vocabulary[key] else {
                throw DataFileError(file: file.path, message: "missing `vocabulary.\(key)`")
            }
            return try YAMLFile.decode(type, from: directory.appendingPathComponent(name))
        }
        var seen = Set<String>()
        for item in header.items where !seen.insert(item.id).inserted {
            throw DataFileError(file: file.path, message: "duplicate item `\(item.id)`")
        }
        let dates = try sibling("dates", DateVocabulary.self)
        if dates.monthNames.count != 12 {
            throw DataFileError(file: directory.appendingPathComponent(header.vocabulary["dates"] ?? "dates.yaml").path,
                                message: "`monthNames` lists \(dates.monthNames.count) months, not 12")
        }
        return RuleSet(
            version: header.version, decree: header.decree, items: header.items,
            pages: try sibling("pages", PageVocabulary.self),
            dates: dates,
            news: try sibling("news", NewsVocabulary.self),
            documents: try sibling("documents", DocumentVocabulary.self),
            services: try sibling("services", ServiceVocabulary.self))
    }
}

struct ChecklistFile: Decodable {
    var version: String
    var decree: String
    var vocabulary: [String: String]
    var items: [ItemRule]
}

/// One required item of the checklist.
public struct ItemRule: Codable, Sendable {
    public var id: String
    public var name: String
    /// "all", "province" (departments) or "district".
    public var tiers: [String]
    /// How portals label the item (menus, block titles, headings).
    public var labels: [String]
    /// URL path segments that name the item (diacritics and "đ" dropped).
    public var slugs: [String]
    public var confirm: Confirmation
    /// Whether the footer of any page can carry the item by itself.
    public var inFooter: Bool?

    public func applies(to tier: String) -> Bool {
        tiers.contains("all") || tiers.contains(tier)
    }
}

/// What a page must show for an item to count as present.
public struct Confirmation: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case content, listing, contact, emails
        case datedEntries = "dated-entries"
        case documentNumbers = "document-numbers"
        case searchForm = "search-form"
        case rss, english, links, sitemap
    }
    public var kind: Kind
    public var minChars: Int?
    public var minCount: Int?
}

public struct PageVocabulary: Codable, Sendable {
    public var maxExtraWords: Int
    /// Menus, headers, footers, sidebars and breadcrumbs: not main content.
    public var boilerplate: ElementSelector
    public var footer: ElementSelector
    public var menu: ElementSelector
    public var breadcrumb: ElementSelector
    public var blockTitles: ElementSelector
    public var blockAncestorLevels: Int
    public var contact: ContactWords
    public var englishWords: [String]
    public var searchHints: [String]
    public var rss: FeedMarkers
    public var sitemapMarkers: [String]
    public var fileExtensions: [String]

    public struct ContactWords: Codable, Sendable {
        public var addressWords: [String]
        public var phoneWords: [String]
        public var emailWords: [String]
        public var minPhoneDigits: Int
    }

    public struct FeedMarkers: Codable, Sendable {
        public var linkTypes: [String]
        public var contentMarkers: [String]
    }
}

public struct DateVocabulary: Codable, Sendable {
    public var separators: [String]
    public var verbal: Verbal
    /// Twelve lists of names, January first.
    public var monthNames: [[String]]
    public var afternoon: [String]
    public var morning: [String]
    public var hourLetters: [String]
    public var joiners: [String]
    public var weekdays: [String]
    public var twoDigitYears: TwoDigitYears
    public var publishedWords: [String]
    public var metaDates: [String]
    public var jsonLDDates: [String]
    public var minYear: Int
    public var maxYear: Int

    public struct Verbal: Codable, Sendable {
        public var day: String
        public var month: String
        public var year: String
    }

    public struct TwoDigitYears: Codable, Sendable {
        public var century: Int
        public var afterWords: [String]
    }
}

public struct NewsVocabulary: Codable, Sendable {
    public var articleShapes: [ArticleShape]
    public var listingShapes: [String]
    public var trackingParameters: [String]
    public var nextWords: [String]
    public var pagerClassHints: [String]
    public var pageParameters: [String]
    public var totalWords: [String]
    public var totalMarkers: [String]
    public var minListingEntries: Int
    /// Articles listed with URL and title in the findings; all are counted.
    public var maxListedItems: Int
    public var article: ArticleStructure

    /// What makes a page an article (see news.yaml).
    public struct ArticleStructure: Codable, Sendable {
        public var minBodyChars: Int
        public var minSentenceWords: Int
        public var minHeadlineWords: Int
        public var dateLinesAfter: Int
        public var dateLinesBefore: Int
        public var maxDateLineChars: Int
        public var maxDateLineWords: Int
        public var relatedBlocks: [String]
        public var idParameters: [String]
        public var genericIdParameters: [String]
        public var minSlugWords: Int
        public var notArticlePaths: [String]
        public var minTitleWords: Int
        public var notArticleTitles: [String]
    }

    public struct ArticleShape: Codable, Sendable {
        public var platform: String
        public var shape: String
    }
}

public struct DocumentVocabulary: Codable, Sendable {
    public var columns: [String: [String]]
    public var typeCodes: [String: String]
    public var untypedCode: String
}

public struct ServiceVocabulary: Codable, Sendable {
    public var columns: [String: [String]]
    public var levels: [LevelWording]
    public var levelDigits: [Int]
    public var actions: [String]
    public var inferredLevel: Int

    public struct LevelWording: Codable, Sendable {
        public var level: Int
        public var wording: String
        public var phrases: [String]
    }
}
