import Foundation
import HTML

/// Counts distinct news articles dated inside the audited year, from article
/// pages and listing entries; RSS, sitemaps and printed totals are cross-checks.
final class NewsCounter {
    /// What counting needs of an article: a few bytes, kept for every one.
    struct Article {
        var year: Int?
        var fromPage = false
    }

    /// What the findings list of an article, kept for the first
    /// `maxListedItems` only: a portal of 100,000 articles is counted whole
    /// without holding every URL and title.
    struct ListedArticle {
        var url: String
        var title: String?
        var date: FoundDate?
    }

    private let year: Int
    private let shapes: ArticleShapes
    private let dates: DateParser
    private let pager: PagerReader
    private let vocabulary: NewsVocabulary
    private let dateHints: [String]
    private let publishedWords: PhraseIndex<Void>
    private let totalWords: PhraseIndex<Void>
    private let totalMarkers: PhraseIndex<Void>

    /// By hash of the article key (distinct keys sharing a 64-bit hash are
    /// vanishingly unlikely and would count one article short).
    private var articles: [Int: Article] = [:]
    private var listed: [String: ListedArticle] = [:]
    private var listingTotal: Int?
    private var rssInYear: Int?
    private var sitemapInYear: Int?
    private var scriptPagers: [String] = []

    private let portalHosts: Set<String>

    init(rules: RuleSet, year: Int, portalHosts: [String], keys: URLKeyMaker) {
        self.year = year
        self.portalHosts = Set(portalHosts.map(HostName.normalise))
        vocabulary = rules.news
        shapes = ArticleShapes(vocabulary: rules.news, keys: keys)
        dates = DateParser(vocabulary: rules.dates)
        pager = PagerReader(vocabulary: rules.news)
        dateHints = rules.dates.dateClassHints.map { $0.lowercased() }
        publishedWords = PhraseIndex(rules.dates.publishedWords.map { ($0, ()) })
        totalWords = PhraseIndex(rules.news.totalWords.map { ($0, ()) })
        totalMarkers = PhraseIndex(rules.news.totalMarkers.map { ($0, ()) })
    }

    func consume(_ page: PageView) {
        guard (200..<300).contains(page.input.status), isPortal(page.input.url) else { return }
        if let key = shapes.key(of: page.input.url) { readArticle(page, key: key) }
        let entries = readListing(page)
        if entries >= vocabulary.minListingEntries { readTotal(page) }
        if entries > 0, pager.isScriptOnly(page.document) { scriptPagers.append(page.input.url) }
    }

    /// Articles of other sites (national news linked from a sidebar) are not the portal's.
    private func isPortal(_ url: String) -> Bool {
        guard let host = URLParts(url)?.host else { return false }
        return portalHosts.isEmpty || portalHosts.contains(host)
    }

    // MARK: - Article pages

    private func readArticle(_ page: PageView, key: String) {
        note(key: key, url: page.input.url, title: page.heading.map(page.text(of:)) ?? page.title, date: publicationDate(page), fromPage: true)
    }

    /// Merges what a page says of an article: the article page's own date wins
    /// over a listing's, a listing only fills gaps; the first title stays.
    private func note(key: String, url: String, title: @autoclosure () -> String?, date: FoundDate?, fromPage: Bool) {
        var article = articles[key.hashValue] ?? Article()
        if let date, fromPage || article.year == nil { article.year = date.year }
        article.fromPage = article.fromPage || fromPage
        articles[key.hashValue] = article
        guard var item = listed[key] ?? (listed.count < vocabulary.maxListedItems ? ListedArticle(url: url) : nil) else { return }
        if item.title?.isEmpty ?? true { item.title = title() }
        if let date, fromPage || item.date == nil { item.date = date }
        listed[key] = item
    }

    /// The date printed with the article: in the few elements right after
    /// or before its heading (elements marked as dates first; none holding
    /// links, which are related-article lists), or after "Ngày đăng:".
    private func publicationDate(_ page: PageView) -> FoundDate? {
        if let heading = page.heading {
            for near in [heading.following(limit: 12), heading.preceding(limit: 4)] {
                let hinted = near.filter { node in
                    let marks = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
                    return self.dateHints.contains { marks.contains($0) }
                }
                // Texts are read lazily, nearest first: the date is usually the first one.
                // Elements in or around links are related-article lists.
                for node in hinted + near where node.name != "a" && !node.hasAncestor(named: "a")
                    && node.descendants(named: ["a"]).isEmpty {
                    let text = page.text(of: node)
                    guard !text.isEmpty, !text.isLonger(than: 119) else { continue }
                    if let date = dates.all(in: text).first { return date }
                }
            }
        }
        // Not "the first date of the page": that is often a related article's.
        guard let main = page.main else { return nil }
        for line in main.lines.prefix(60) where publishedWords.contains(in: Words.of(line)) {
            if let date = dates.all(in: line).first { return date }
        }
        return nil
    }

    // MARK: - Listing pages

    /// Records the article links of the page with the date printed next to
    /// each; returns how many entries the page lists.
    private func readListing(_ page: PageView) -> Int {
        var entries = 0
        var seenOnPage = Set<String>()
        for (anchor, url) in page.anchors {
            let facts = self.facts(url)
            guard facts.onPortal, let key = facts.articleKey, seenOnPage.insert(key).inserted else { continue }
            entries += 1
            note(key: key, url: url, title: page.text(of: anchor), date: entryDate(of: anchor, key: key, page: page), fromPage: false)
        }
        return entries
    }

    /// The date inside the entry's container (list item, row, box): the
    /// nearest ancestor with a date, unless it also holds another article
    /// (then the date is that entry's) or several different dates.
    private func entryDate(of anchor: HTMLNode, key: String, page: PageView) -> FoundDate? {
        if let date = dates.all(in: page.text(of: anchor)).first { return date }
        var current = anchor.parent
        for _ in 0..<4 {
            guard let node = current, node.name != "body" else { return nil }
            let text = page.text(of: node)
            if text.isLonger(than: 800) || holdsOtherArticle(node, than: key, page: page) { return nil }
            let found = dates.all(in: text)
            if !found.isEmpty {
                // "27/07/2022 | 04:04 PM" twice is one date; different dates are different entries.
                return Set(found.map(\.iso)).count == 1 ? found[0] : nil
            }
            current = node.parent
        }
        return nil
    }

    private func holdsOtherArticle(_ node: HTMLNode, than key: String, page: PageView) -> Bool {
        node.descendants(named: ["a"]).contains { anchor in
            guard let url = page.anchorURLs[anchor], let other = articleKey(url) else { return false }
            return other != key
        }
    }

    /// Whether a URL is the portal's and its article key, by URL: the same
    /// links (sidebars, menus) recur on every page.
    private var factsCache: [String: (onPortal: Bool, articleKey: String?)] = [:]
    private static let maxCachedFacts = 4_096

    private func facts(_ url: String) -> (onPortal: Bool, articleKey: String?) {
        if let known = factsCache[url] { return known }
        let facts = (isPortal(url), shapes.key(of: url))
        if factsCache.count >= Self.maxCachedFacts { factsCache.removeAll(keepingCapacity: true) }
        factsCache[url] = facts
        return facts
    }

    private func articleKey(_ url: String) -> String? {
        facts(url).articleKey
    }

    /// "Hiển thị 1 - 15 of 1.442 kết quả": the largest number on such a line.
    private func readTotal(_ page: PageView) {
        guard let main = page.main else { return }
        for line in main.lines where !line.isLonger(than: 159) {
            let words = Words.of(line)
            guard totalWords.contains(in: words), totalMarkers.contains(in: words) else { continue }
            let numbers = line.split(whereSeparator: { !($0.isASCIIDigit || $0 == ".") })
                .compactMap { Int($0.replacingOccurrences(of: ".", with: "")) }
            if let largest = numbers.max() { listingTotal = max(listingTotal ?? 0, largest) }
        }
    }

    // MARK: - Feeds and site maps

    func consumeText(_ input: PageInput) {
        guard let text = input.text, (200..<300).contains(input.status) else { return }
        if text.contains("<rss") || text.contains("<feed") {
            let items = elements(named: ["pubDate", "published", "updated", "dc:date"], in: text)
            rssInYear = (rssInYear ?? 0) + items.filter { feedYear($0) == year }.count
        } else if text.contains("<urlset") {
            let marks = elements(named: ["lastmod"], in: text)
            sitemapInYear = (sitemapInYear ?? 0) + marks.filter { dates.all(in: $0).first?.year == year }.count
        }
    }

    private func elements(named names: [String], in text: String) -> [String] {
        var values: [String] = []
        for name in names {
            var rest = text[...]
            while let open = rest.range(of: "<\(name)>"), let close = rest[open.upperBound...].range(of: "</\(name)>") {
                values.append(String(rest[open.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
        }
        return values
    }

    /// RFC 822 ("Mon, 27 Jul 2022 16:04:00 +0700") or ISO dates.
    private func feedYear(_ value: String) -> Int? {
        if let iso = dates.all(in: value).first { return iso.year }
        return value.split(separator: " ").compactMap { Int($0) }.first { $0 > 1900 }
    }

    // MARK: - Result

    /// - Parameter documentURLs: pages of legal documents, which are not news.
    func finish(excluding documentURLs: Set<String>) -> NewsFindings {
        for url in documentURLs {
            if let key = shapes.key(of: url) {
                articles[key.hashValue] = nil
                listed[key] = nil
            }
        }
        let inYear = articles.values.filter { $0.year == year }.count
        let undated = articles.values.filter { $0.year == nil }.count
        let pages = articles.values.filter(\.fromPage).count
        let listingOnly = articles.count - pages
        var method = pages >= listingOnly ? "articles" : "listing"
        var count = inYear
        if articles.isEmpty {
            if let rssInYear { method = "rss"; count = rssInYear }
            else if let sitemapInYear { method = "sitemap"; count = sitemapInYear }
            else { method = "none" }
        }
        let items = listed.sorted { $0.key < $1.key }.compactMap { key, item -> NewsItem? in
            guard let article = articles[key.hashValue], article.year == year || article.year == nil else { return nil }
            return NewsItem(key: key, url: item.url, title: item.title, date: item.date?.iso, source: article.fromPage ? "article" : "listing")
        }
        return NewsFindings(
            count: count, undated: undated, method: method, partial: !scriptPagers.isEmpty,
            crossChecks: .init(listingTotal: listingTotal, rssInYear: rssInYear, sitemapInYear: sitemapInYear,
                               articlePages: pages, listingEntries: listingOnly, scriptPagers: scriptPagers),
            items: items, itemsNotListed: inYear + undated > items.count ? inYear + undated - items.count : nil)
    }
}
