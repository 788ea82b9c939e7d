import DataFile
import Foundation
import HTML
import Vocabulary
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

    /// Items that apply to a tier ("province", "district", "commune", …).
    public func items(for tier: Tier) -> [ItemRule] {
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
            throw DataFileError(file: file.path, line: line(of: item.id, in: file), message: "duplicate item `\(item.id)`")
        }
        let dates = try sibling("dates", DateVocabulary.self)
        if dates.monthNames.count != 12 {
            throw DataFileError(file: directory.appendingPathComponent(header.vocabulary["dates"] ?? "dates.yaml").path,
                                message: "`monthNames` lists \(dates.monthNames.count) months, not 12")
        }
        let rules = RuleSet(
            version: header.version, decree: header.decree, items: header.items,
            pages: try sibling("pages", PageVocabulary.self),
            dates: dates,
            news: try sibling("news", NewsVocabulary.self),
            documents: try sibling("documents", DocumentVocabulary.self),
            services: try sibling("services", ServiceVocabulary.self))
        for item in rules.items {
            for rule in [item.confirm] + (item.anyPage.map { [$0] } ?? []) {
                if let problem = rules.problem(with: rule) {
                    throw DataFileError(file: file.path, line: line(of: item.id, in: file), message: "item `\(item.id)`: \(problem)")
                }
            }
        }
        for (name, level) in rules.services.reportedAs ?? [:] where !["toanTrinh", "motPhan"].contains(name) || !(1...4).contains(level) {
            throw DataFileError(file: directory.appendingPathComponent(header.vocabulary["services"] ?? "").path,
                                message: "`reportedAs.\(name): \(level)`: names are toanTrinh and motPhan, levels 1…4")
        }
        return rules
    }

    /// What a confirmation lacks for its kind, or nil.
    private func problem(with rule: Confirmation) -> String? {
        switch rule.kind {
        case .documentMetadata:
            let unknown = (rule.fields ?? []).filter { documents.columns[$0] == nil }
            if (rule.fields ?? []).isEmpty { return "document-metadata needs `fields`" }
            if !unknown.isEmpty { return "unknown document fields \(unknown) (documents.yaml columns: \(documents.columns.keys.sorted()))" }
        case .externalLink:
            if (rule.hosts ?? []).isEmpty { return "external-link needs `hosts`" }
        case .english:
            let unknown = (rule.needs ?? []).filter { !["structure", "contacts"].contains($0) }
            if !unknown.isEmpty { return "unknown needs \(unknown) (structure, contacts)" }
        default:
            break
        }
        return nil
    }

    /// The line of an item's `id:` in a checklist file, for errors about the item.
    private static func line(of id: String, in file: URL) -> Int? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- id: \(id)") }.map { $0 + 1 }
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
    /// A second confirmation checked on the main content of every page,
    /// whatever the page is called (leaders listed on "Cơ cấu tổ chức").
    public var anyPage: Confirmation?
    /// Endings of a URL path segment that name the item ("sotttt-eng").
    public var slugEndings: [String]?
    /// Phrases that keep a text from naming the item: a "Thống kê truy cập"
    /// block counts visitors, it is not statistics.
    public var excludes: [String]?

    public func applies(to tier: Tier) -> Bool {
        tiers.contains("all") || tiers.contains(tier.rawValue)
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
        /// People with a leadership title and a name ("Giám đốc: Nguyễn Văn A").
        case people
        /// A document table or page showing the `fields` of each document.
        case documentMetadata = "document-metadata"
        /// A link, anywhere on a page, to one of `hosts` or named by the item to another site.
        case externalLink = "external-link"
        /// A print (or save) control on a page.
        case printControl = "print-control"
        /// A form a visitor fills in (radios, choices), e.g. a rating.
        case formInputs = "form-inputs"
    }
    public var kind: Kind
    public var minChars: Int?
    public var minCount: Int?
    /// Phrases of which the content must carry one (an answer's status).
    public var words: [String]?
    /// document-metadata: the document fields that must be shown (documents.yaml column ids).
    public var fields: [String]?
    /// english: what the English pages must carry between them: "structure", "contacts".
    public var needs: [String]?
    /// external-link: hosts ("dichvucong.gov.vn") or host beginnings ("opendata.").
    public var hosts: [String]?
    /// people: each person is listed with a phone number or an e-mail address.
    public var withContacts: Bool?
    /// people: the titles that count (default: pages.yaml `people.titles`).
    public var titles: [String]?
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
    /// Share of a page's words that must be English for the page to be English.
    public var englishMinShare: Double
    /// An ASCII word with this many vowel groups is not a Vietnamese syllable.
    public var englishMinVowelGroups: Int
    public var searchHints: [String]
    /// Words of a search box that searches one list (documents, procedures), not the site.
    public var scopedSearchLabels: [String]
    public var rss: FeedMarkers
    public var sitemapMarkers: [String]
    public var fileExtensions: [String]
    public var placeholders: Placeholders
    public var people: PeopleWords
    /// Bold lead-ins that title the rest of their paragraph.
    public var leadIns: LeadIns
    /// A heading among the content names its section by its first phrase,
    /// the text before the first of these ("Người phát ngôn, cung cấp thông tin").
    public var headingPhraseEnds: [String]
    /// What joins the parts of a label that may come in either order ("Kế hoạch - Chương trình").
    public var labelPartJoiners: [String]
    /// The last lines of a page's body read as its footer when no footer element is marked.
    public var footerTailLines: Int
    /// A main-content line already seen on this many other pages is the site's, not a page's own.
    public var siteWideLinePages: Int
    /// Words of an English page about the organisation.
    public var englishStructureWords: [String]
    /// Texts of print and save controls ("In bài", "Print").
    public var printControls: [String]
    /// Path segments of share and like buttons (`/sharer/sharer.php`): a link
    /// that shares a page on a social network is not the agency's account there.
    public var shareButtonSegments: [String]
    /// Hosts that are not an agency's site (social networks, search engines):
    /// links there do not make a "links to other agencies" item.
    public var notAgencyHosts: [String]
    /// A running-text line has at least this many words; excerpts are cut at `excerptChars`.
    public var minWordsPerLine: Int
    public var excerptChars: Int

    public struct Placeholders: Codable, Sendable {
        /// "Đang cập nhật": a page saying this, with little else, proves nothing.
        public var phrases: [String]
    }

    public struct PeopleWords: Codable, Sendable {
        /// Leadership titles ("Giám đốc", "Phó Chủ tịch").
        public var titles: [String]
        /// Family names a person's name starts with.
        public var surnames: [String]
        /// Words that introduce a name ("Ông", "Bà", "Đồng chí"): not other words of a person's line.
        public var honorifics: [String]
        /// Longer lines are running text, not a list of people.
        public var maxLineChars: Int
        /// Words a person's line may carry besides name and title ("Sở Nội vụ tỉnh Sơn La").
        public var maxOtherWords: Int
        /// People listed per line of running text on the page, at least: an article naming
        /// two officials in its captions is not a list of people.
        public var minShareOfRunningLines: Double
    }

    public struct LeadIns: Codable, Sendable {
        /// Bold elements ("b", "strong").
        public var tags: [String]
        /// What ends a lead-in (":").
        public var endings: [String]
        /// Longer bold text is emphasis, not a title.
        public var maxChars: Int
    }

    public struct ContactWords: Codable, Sendable {
        public var addressWords: [String]
        public var phoneWords: [String]
        public var emailWords: [String]
        public var minPhoneDigits: Int
        /// How pages hide "@" from robots ("[at]", "(a)").
        public var atSigns: [String]
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
    /// A dateline opening an article's first body line: its publication date.
    public var dateline: Dateline
    public var minYear: Int
    public var maxYear: Int

    public struct Verbal: Codable, Sendable {
        public var day: String
        public var month: String
        public var year: String
    }

    public struct Dateline: Codable, Sendable {
        /// Words of the place before the comma, at most.
        public var maxPlaceWords: Int
        /// Words of the date part (between the comma and the closer), at most.
        public var maxDateWords: Int
        /// Characters of the place, and of the date part, at most.
        public var maxChars: Int
        /// What ends the dateline: ")", " - ", " – ".
        public var closers: [String]
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
    /// Issuer codes many agencies share ("UBND" of a province and of its
    /// districts): a number carrying one does not tell who issued it.
    public var sharedIssuerCodes: [String]
    /// Long forms of issuer names and their short forms ("Ủy ban nhân dân" → "UBND"),
    /// so that an issuer column and a target's name compare.
    public var issuerAbbreviations: [String: String]
}

public struct ServiceVocabulary: Codable, Sendable {
    public var columns: [String: [String]]
    public var levels: [LevelWording]
    public var levelDigits: [Int]
    public var actions: [String]
    /// A link whose text is an action plus at most this many words is a
    /// button ("Nộp hồ sơ trực tuyến"), not a procedure's name.
    public var actionExtraWords: Int
    public var inferredLevel: Int
    /// Under Nghị định 42/2022 services are reported by kind: `toanTrinh` and
    /// `motPhan`, each the count of a level.
    public var reportedAs: [String: Int]?

    public struct LevelWording: Codable, Sendable {
        public var level: Int
        public var wording: String
        public var phrases: [String]
    }
}
