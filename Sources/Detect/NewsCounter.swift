import Foundation
import HTML
import TextNormalization

/// Counts distinct news articles dated inside the audited year. A page is an
/// article by its structure: one main title, a publication date near it, a
/// body of running text before any list of other articles, and a link to it
/// from a listing (or a URL that names it by a number). Known platform URL
/// shapes count by themselves, as before. One article reachable under several
/// URLs (categories, tracking parameters, /amp, print views, renamed copies)
/// counts once: observations sharing a key — URL, canonical link, platform
/// id, title + date, body fingerprint — are merged. RSS, sitemaps and printed
/// totals are cross-checks.
final class NewsCounter {
    /// What counting needs of an article: a few bytes, kept for every one.
    struct Article {
        /// The date read on the article's own page; the listing's fills gaps.
        var pageYear: Int?
        /// Hash of the line above the title the page's date was read from: a
        /// line many pages share (a today bar) does not date the article.
        var pageDateLine: Int?
        var listingYear: Int?
        var pageSeen = false
        /// The page had a title and running text.
        var hasBody = false
        /// A known platform shape: an article by its URL alone.
        var shape = false
        var idHint = false
        var genericIdHint = false
        var slugHint = false
        var notArticle = false
        /// Linked as a headline from a page listing several.
        var listed = false
        var datedEntry = false
        /// The page's only dates lay after the day it was fetched.
        var futureDate = false
        var excluded = false
        var family = 0

        var year: Int? { pageYear ?? listingYear }

        mutating func merge(_ other: Article) {
            if pageYear == nil { pageDateLine = other.pageDateLine }
            pageYear = pageYear ?? other.pageYear
            listingYear = listingYear ?? other.listingYear
            pageSeen = pageSeen || other.pageSeen
            hasBody = hasBody || other.hasBody
            shape = shape || other.shape
            idHint = idHint || other.idHint
            genericIdHint = genericIdHint || other.genericIdHint
            slugHint = slugHint || other.slugHint
            notArticle = notArticle || other.notArticle
            if family == 0 { family = other.family }
            listed = listed || other.listed
            datedEntry = datedEntry || other.datedEntry
            futureDate = (futureDate || other.futureDate) && pageYear == nil
            excluded = excluded || other.excluded
        }
    }

    /// What the findings list of an article, kept for the first
    /// `maxListedItems` only: a portal of 100,000 articles is counted whole
    /// without holding every URL and title.
    struct ListedArticle {
        var key: String
        var url: String
        var title: String?
        var date: FoundDate?
        var dateFromPage = false
    }

    /// What a page's structure says.
    private struct Structure {
        var title: String?
        /// The title is the content's heading, not the `<title>` every page may share.
        var titleFromContent = false
        var hasBody = false
        var bodyFingerprint: Int?
        var date: FoundDate?
        /// Hash of the line above the title the date was read from.
        var dateLine: Int?
        var futureDate = false
    }

    private let year: Int
    private let shapes: ArticleShapes
    private let dates: DateParser
    private let pager: PagerReader
    private let vocabulary: NewsVocabulary
    private let structure: NewsVocabulary.ArticleStructure
    private let publishedWords: PhraseIndex<Void>
    private let relatedBlocks: PhraseIndex<Void>
    private let notArticleTitles: PhraseIndex<Void>
    private let metaDates: Set<String>
    private let jsonLDDates: [String]
    private let totalWords: PhraseIndex<Void>
    private let totalMarkers: PhraseIndex<Void>
    private let keys: URLKeyMaker

    /// Articles merged as a union-find forest: `parent[i] == i` for a root.
    private var articles: [Article] = []
    private var parent: [Int] = []
    /// Article by hash of each key that names it (distinct keys sharing a
    /// 64-bit hash are vanishingly unlikely and would merge two articles).
    private var byKey: [Int: Int] = [:]
    /// By root article.
    private var listed: [Int: ListedArticle] = [:]
    /// Hash of the title each canonical link was first claimed with: a
    /// template that gives every page one canonical link is not believed.
    private var canonicalTitles: [Int: Int] = [:]
    private var listingTotal: Int?
    private var rssInYear: Int?
    private var sitemapInYear: Int?
    private var scriptPagers: [String] = []
    /// A script-only pager under a list that may continue into the year: the count is partial.
    private var pagerHidesYear = false
    private let dateline: Dateline
    /// Lines above pages' titles, by the pages they are on.
    private var linesAboveTitles: RepeatedLines

    private let portalHosts: Set<String>

    init(rules: RuleSet, year: Int, portalHosts: [String], keys: URLKeyMaker) {
        self.year = year
        self.keys = keys
        self.portalHosts = Set(portalHosts.map(HostName.normalise))
        linesAboveTitles = RepeatedLines(minPages: rules.pages.siteWideLinePages, maxLines: 50_000)
        vocabulary = rules.news
        structure = rules.news.article
        shapes = ArticleShapes(vocabulary: rules.news, keys: keys)
        dates = DateParser(vocabulary: rules.dates)
        pager = PagerReader(vocabulary: rules.news)
        dateline = Dateline(rule: rules.dates.dateline, dates: dates)
        publishedWords = PhraseIndex(rules.dates.publishedWords.map { ($0, ()) })
        relatedBlocks = PhraseIndex(rules.news.article.relatedBlocks.map { ($0, ()) })
        notArticleTitles = PhraseIndex(rules.news.article.notArticleTitles.map { ($0, ()) })
        metaDates = Set(rules.dates.metaDates.map { $0.lowercased() })
        jsonLDDates = rules.dates.jsonLDDates.map { "\"\($0)\"" }
        totalWords = PhraseIndex(rules.news.totalWords.map { ($0, ()) })
        totalMarkers = PhraseIndex(rules.news.totalMarkers.map { ($0, ()) })
    }

    func consume(_ page: PageView) {
        guard (200..<300).contains(page.input.status), let url = portalFacts(page.input.url) else { return }
        let (entries, entryDates) = readListing(page)
        if entries >= vocabulary.minListingEntries { readTotal(page) }
        if entries > 0, pager.isScriptOnly(page.document) {
            scriptPagers.append(page.input.url)
            pagerHidesYear = pagerHidesYear || ListingOrder.mayContinueInto(year: year, dates: entryDates)
        }
        if !url.reading.isRoot && !url.reading.isListing { readPage(page, url: url) }
    }

    // MARK: - Merging

    private func root(_ index: Int) -> Int {
        var current = index
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    /// The article the keys name, merging the articles they named apart
    /// until now; a new one when none does.
    private func article(for names: [String], url: String, shapeKey: String?) -> Int {
        var found: Int?
        let hashes = names.map(\.hashValue)
        for hash in hashes {
            guard let known = byKey[hash] else { continue }
            let other = root(known)
            if let current = found, current != other {
                parent[other] = current
                articles[current].merge(articles[other])
                if let moved = listed.removeValue(forKey: other) {
                    if var kept = listed[current] {
                        if kept.title?.isEmpty ?? true { kept.title = moved.title }
                        if kept.date == nil || (moved.dateFromPage && !kept.dateFromPage) {
                            kept.date = moved.date
                            kept.dateFromPage = moved.dateFromPage
                        }
                        if moved.key < kept.key && !moved.key.hasPrefix("page:") { kept.key = moved.key }
                        listed[current] = kept
                    } else {
                        listed[current] = moved
                    }
                }
            } else {
                found = other
            }
        }
        let index: Int
        if let found {
            index = found
        } else {
            index = articles.count
            articles.append(Article())
            parent.append(index)
        }
        for hash in hashes { byKey[hash] = index }
        if listed[index] == nil, listed.count < vocabulary.maxListedItems {
            listed[index] = ListedArticle(key: shapeKey ?? "page:" + keys.key(url), url: url)
        } else if let shapeKey, var item = listed[index], item.key.hasPrefix("page:") {
            item.key = shapeKey
            listed[index] = item
        }
        return index
    }

    private func noteListed(_ index: Int, title: @autoclosure () -> String?, date: FoundDate?, fromPage: Bool) {
        guard var item = listed[index] else { return }
        if item.title?.isEmpty ?? true { item.title = title() }
        if let date, fromPage ? !item.dateFromPage : item.date == nil {
            item.date = date
            item.dateFromPage = fromPage
        }
        listed[index] = item
    }

    // MARK: - Article pages

    private func readPage(_ page: PageView, url: URLFacts) {
        let read = readStructure(page)
        var names = ["u:" + url.key]
        if let shapeKey = url.reading.key { names.append("s:" + shapeKey) }
        let foldedTitle = read.title.map(VietnameseText.fold)
        let titleHash = foldedTitle?.hashValue ?? 0
        if let canonical = page.canonicalURL, let target = portalFacts(canonical), !target.reading.isRoot,
           target.key != url.key {
            let claimed = canonicalTitles[target.key.hashValue]
            if claimed == nil { canonicalTitles[target.key.hashValue] = titleHash }
            if claimed == nil || claimed == titleHash {
                names.append("u:" + target.key)
                if let shapeKey = target.reading.key { names.append("s:" + shapeKey) }
            }
        }
        if read.hasBody {
            if read.titleFromContent, let foldedTitle, let date = read.date {
                names.append("t:" + foldedTitle + "|" + date.iso)
            }
            if let body = read.bodyFingerprint { names.append("b:\(body)") }
        }
        let index = article(for: names, url: page.input.url, shapeKey: url.reading.key)
        var article = articles[index]
        article.pageSeen = true
        article.hasBody = article.hasBody || read.hasBody
        if article.pageYear == nil, let date = read.date {
            article.pageYear = date.year
            article.pageDateLine = read.dateLine
        }
        article.futureDate = article.pageYear == nil && (article.futureDate || read.futureDate)
        apply(url, to: &article)
        articles[index] = article
        noteListed(index, title: read.title, date: read.date, fromPage: true)
    }

    private func apply(_ url: URLFacts, to article: inout Article) {
        article.shape = article.shape || url.reading.key != nil
        article.idHint = article.idHint || url.reading.idHint
        article.genericIdHint = article.genericIdHint || url.reading.genericIdHint
        article.slugHint = article.slugHint || url.reading.slugHint
        if article.family == 0 { article.family = url.reading.family }
        article.notArticle = article.notArticle || url.reading.notArticle
    }

    /// What the body reader asks of a line of the content.
    private struct BodyLine {
        /// The text of a link to another article (unless it is the title itself).
        var isHeadline: Bool
        /// The title of a "related news" block.
        var isRelatedBlock: Bool
        var spaces: Int
        var scalars: Int
    }

    /// The title, body and date of a page, read from the lines of its content:
    /// the title is the first heading candidate that running text follows;
    /// the body runs from it to the first line that is a link to another
    /// article or the title of a "related news" block.
    private func readStructure(_ page: PageView) -> Structure {
        var read = Structure(title: page.title)
        guard let main = page.main, !page.headingCandidates.isEmpty else { return read }
        let lines = main.lines
        let headlines = headlineIndex(page)
        // Up to eight candidates walk the same lines: each line is read once per page, when first reached.
        var bodyLines = [BodyLine?](repeating: nil, count: lines.count)
        var sentences = [Bool?](repeating: nil, count: lines.count)
        func bodyLine(_ index: Int) -> BodyLine {
            if let known = bodyLines[index] { return known }
            let line = lines[index]
            let (spaces, scalars) = Self.spacesAndScalars(line)
            let read = BodyLine(
                isHeadline: isHeadline(line, headlines),
                // No more Characters than scalars: a line of at most 60 scalars is not counted again.
                isRelatedBlock: (scalars <= 60 || !line.isLonger(than: 60))
                    && !relatedBlocks.labels(of: main.words(ofLine: index), maxExtraWords: 2).isEmpty,
                spaces: spaces, scalars: scalars)
            bodyLines[index] = read
            return read
        }
        // A table row ("1 Dự thảo Quyết định … 10/06/2020 Tải về") reads as one long line with a date.
        func isSentence(_ index: Int, spaces: Int) -> Bool {
            if let known = sentences[index] { return known }
            let sentence = spaces + 1 >= structure.minSentenceWords && dates.all(in: lines[index]).isEmpty
            sentences[index] = sentence
            return sentence
        }
        var chosen: (title: String, at: Int, end: Int, body: Int)?
        for heading in page.headingCandidates {
            let title = page.text(of: heading)
            guard !title.isEmpty, let at = lines.firstIndex(of: title)
                ?? lines.firstIndex(where: { $0.utf8.count >= 10 && title.hasPrefix($0) }) else { continue }
            var end = lines.count
            var body = 0
            var sentence = false
            for index in (at + 1)..<max(at + 1, lines.count) {
                let line = bodyLine(index)
                if line.isRelatedBlock || (line.isHeadline && lines[index] != title) {
                    end = index
                    break
                }
                // Running text: a sentence, not a date, a byline or a button.
                if line.spaces >= 5 {
                    body += line.scalars
                    sentence = sentence || isSentence(index, spaces: line.spaces)
                }
            }
            // Table rows of names and dates are not running text without one real sentence.
            if !sentence { body = min(body, structure.minBodyChars - 1) }
            if chosen == nil || (chosen!.body < structure.minBodyChars && body >= structure.minBodyChars) {
                chosen = (title, at, end, body)
            }
            if body >= structure.minBodyChars { break }
        }
        guard let chosen else { return read }
        read.title = chosen.title
        read.titleFromContent = true
        let titleWords = Words.of(chosen.title)
        // A section's name ("Văn bản") or a work calendar is not an article, however much it holds.
        guard titleWords.count >= structure.minTitleWords,
              !notArticleTitles.occurrences(in: titleWords).contains(where: { $0.at == 0 }) else { return read }
        read.hasBody = chosen.body >= structure.minBodyChars
        if read.hasBody {
            // The title and the running text, as the body's lines were read above.
            var hasher = Hasher()
            hasher.combine(VietnameseText.fold(chosen.title))
            for index in (chosen.at + 1)..<chosen.end where bodyLine(index).spaces >= 5 {
                VietnameseText.combineNFC(lines[index], into: &hasher)
            }
            read.bodyFingerprint = hasher.finalize()
        }
        (read.date, read.futureDate, read.dateLine) = publicationDate(page, main: main, title: chosen.at, end: chosen.end,
                                                                      headlines: headlines)
        // Lines above a title that did not date its page: repeated above pages dated otherwise, they are chrome
        // (articles of one day sharing "Thứ Hai, 15/09/2025" above their titles stay dated by it).
        if read.dateLine == nil { linesAboveTitles.note(lines[max(0, chosen.at - structure.dateLinesBefore)..<chosen.at]) }
        return read
    }

    /// A sentence ("Sáng ngày 12/3/2020, Sở Nội vụ tổ chức…"): its dates are events, not the publication.
    private func isRunningText(_ line: String) -> Bool {
        var words = 0
        for word in line.split(separator: " ") where word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            words += 1
            if words >= structure.maxDateLineWords { return true }
        }
        return false
    }

    /// Texts of the content's links that name other articles, by their first characters.
    private func headlineIndex(_ page: PageView) -> [Substring: [String]] {
        var index: [Substring: [String]] = [:]
        let own = facts(page.input.url)?.key
        for (node, url) in page.contentAnchors {
            let text = page.text(of: node)
            guard isHeadlineText(text), facts(url)?.key != own else { continue }
            index[text.prefix(24), default: []].append(text)
        }
        return index
    }

    private func isHeadline(_ line: String, _ headlines: [Substring: [String]]) -> Bool {
        guard let texts = headlines[line.prefix(24)] else { return false }
        return texts.contains { line.hasPrefix($0) }
    }

    /// Whether a link's text is a headline: enough words (runs holding a letter or digit).
    private func isHeadlineText(_ text: String) -> Bool {
        var words = 0
        var counted = false
        for byte in text.utf8 {
            if byte == 32 {
                counted = false
            } else if !counted, byte >= 0x80 || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122) {
                words += 1
                counted = true
                if words >= structure.minHeadlineWords { return true }
            }
        }
        return false
    }

    /// The date printed nearest the title (after it first, then before it),
    /// else after a "Ngày đăng:" label in the body, else a `<time>` of the
    /// content, else the page's metadata (meta tags, JSON-LD). Never a date
    /// of the menus, footer or sidebars (not in these lines), of a link, of a
    /// related-news block (the body ends there), of running text (long
    /// lines), nor one after the day the page was fetched.
    private func publicationDate(_ page: PageView, main: ContentScope, title at: Int, end: Int,
                                 headlines: [Substring: [String]]) -> (FoundDate?, Bool, Int?) {
        let lines = main.lines
        var future = false
        func first(_ text: String) -> FoundDate? {
            for date in dates.all(in: text) {
                if date.isAfter(page.input.fetchedAt) { future = true; continue }
                return date
            }
            return nil
        }
        let after = lines[min(at + 1, end)..<min(end, at + 1 + structure.dateLinesAfter)]
        for line in after where !line.isLonger(than: structure.maxDateLineChars) && !isHeadline(line, headlines) && !isRunningText(line) {
            if let date = first(line) { return (date, false, nil) }
        }
        // Above the title, "Thứ Hai, 19/04/2021" is often the portal's today bar: not the day it was fetched.
        for line in lines[max(0, at - structure.dateLinesBefore)..<at].reversed()
        where !line.isLonger(than: structure.maxDateLineChars) && !isHeadline(line, headlines) && !isRunningText(line) {
            if let date = first(line), date.isAfter(page.input.fetchedAt.addingTimeInterval(-Self.day)) == false {
                return (date, false, RepeatedLines.key(line))
            }
        }
        for index in min(at + 1, end)..<end where !lines[index].isLonger(than: 300) && publishedWords.contains(in: main.words(ofLine: index)) {
            if let date = first(lines[index]) { return (date, false, nil) }
        }
        for node in page.metadata {
            let value: String?
            switch node.name {
            case "time":
                guard !node.hasAncestor(named: "a"), isInContent(node, page) else { continue }
                value = node.attribute("datetime") ?? page.text(of: node)
            case "meta":
                let name = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
                value = metaDates.contains(name) ? node.attribute("content") : nil
            case "script":
                guard node.attribute("type")?.lowercased() == "application/ld+json" else { continue }
                value = jsonLDDate(node.rawText)
            default:
                value = nil
            }
            if let value, let date = first(value) { return (date, false, nil) }
        }
        // Last: a dateline opening the first line of body text.
        if let body = lines[min(at + 1, end)..<end].first(where: isRunningText),
           let date = dateline.date(opening: body), !date.isAfter(page.input.fetchedAt) { return (date, false, nil) }
        return (nil, future, nil)
    }

    private static let day: TimeInterval = 86_400

    private func isInContent(_ node: HTMLNode, _ page: PageView) -> Bool {
        guard let main = page.main?.node, main.isAncestor(of: node) else { return false }
        return !page.boilerplate.contains { $0.isAncestor(of: node) }
    }

    /// The value after the first JSON-LD date key: `"datePublished": "2021-04-12T10:30:00+07:00"`.
    private func jsonLDDate(_ json: String) -> String? {
        for key in jsonLDDates {
            guard let found = json.range(of: key) else { continue }
            return String(json[found.upperBound...].prefix(60))
        }
        return nil
    }

    // MARK: - Listing pages

    /// Records the article links of the page with the date printed next to
    /// each: links of known article shapes anywhere, and headline links of
    /// the content when the page lists several. Returns how many entries
    /// the page lists.
    /// The entries of the page, with their dates in page order.
    private func readListing(_ page: PageView) -> (Int, [FoundDate]) {
        var entries = 0
        var entryDates: [FoundDate] = []
        var seenOnPage = Set<String>()
        var headlines: [(node: HTMLNode, url: String, facts: URLFacts)] = []
        let pageKey = facts(page.input.url)?.key
        for (anchor, url, inBoilerplate) in page.resolvedAnchors {
            guard let facts = portalFacts(url), seenOnPage.insert(facts.key).inserted else { continue }
            // A link to the page itself ("Truy cập nội dung luôn" to #content) is no entry of a listing.
            if let shapeKey = facts.reading.key, facts.key != pageKey {
                entries += 1
                let date = entryDate(of: anchor, url: facts.key, page: page)
                if let date { entryDates.append(date) }
                list(facts, url: url, keys: ["u:" + facts.key, "s:" + shapeKey], shapeKey: shapeKey,
                     title: page.text(of: anchor), date: date)
            } else if !inBoilerplate, facts.key != pageKey, !facts.reading.isRoot, !facts.reading.isListing, !facts.reading.notArticle,
                      isHeadlineText(page.text(of: anchor)), !pager.inPager(anchor) {
                headlines.append((anchor, url, facts))
            }
        }
        // A page listing several headlines is a listing, and so is a later
        // page of one ("?limitstart=12" may hold a single entry); a single
        // headline with its own date beside it ("Tin khác" blocks) is an entry too.
        let isListing = headlines.count >= vocabulary.minListingEntries || facts(page.input.url)?.reading.isListing == true
        for (anchor, url, facts) in headlines {
            let date = entryDate(of: anchor, url: facts.key, page: page)
            guard isListing || date != nil else { continue }
            list(facts, url: url, keys: ["u:" + facts.key], shapeKey: nil, title: page.text(of: anchor), date: date)
            if let date { entries += 1; entryDates.append(date) }
        }
        return (entries, entryDates)
    }

    /// An entry of a listing: the article it names is listed, dated by the listing when it says.
    private func list(_ facts: URLFacts, url: String, keys: [String], shapeKey: String?, title: @autoclosure () -> String?, date: FoundDate?) {
        let index = article(for: keys, url: url, shapeKey: shapeKey)
        var article = articles[index]
        apply(facts, to: &article)
        article.listed = true
        if article.listingYear == nil, let date { article.listingYear = date.year }
        article.datedEntry = article.datedEntry || date != nil
        articles[index] = article
        noteListed(index, title: title(), date: date, fromPage: false)
    }

    /// The date inside the entry's container (list item, row, box): the
    /// nearest ancestor with a date, unless it also holds another entry
    /// (then the date is that entry's) or several different dates.
    private func entryDate(of anchor: HTMLNode, url: String, page: PageView) -> FoundDate? {
        if let date = dates.all(in: page.text(of: anchor)).first { return date }
        var current = anchor.parent
        for _ in 0..<4 {
            guard let node = current, node.name != "body" else { return nil }
            let text = page.text(of: node)
            if text.isLonger(than: 800) || holdsOtherEntry(node, than: url, page: page) { return nil }
            let found = dates.all(in: text)
            if !found.isEmpty {
                // "27/07/2022 | 04:04 PM" twice is one date; different dates are different entries.
                let first = found[0]
                // Compared by day, as their ISO forms would be, without formatting each.
                return found.allSatisfy { $0.year == first.year && $0.month == first.month && $0.day == first.day } ? first : nil
            }
            current = node.parent
        }
        return nil
    }

    private func holdsOtherEntry(_ node: HTMLNode, than key: String, page: PageView) -> Bool {
        node.descendants(named: ["a"]).contains { anchor in
            guard let url = page.anchorURLs[anchor], let other = facts(url), other.key != key else { return false }
            return other.reading.key != nil || isHeadlineText(page.text(of: anchor))
        }
    }

    /// What a URL says.
    private struct URLFacts {
        var key: String
        var reading: ArticleShapes.Reading
    }
    /// What a URL says and whether it is the portal's, read once per URL (one
    /// parse, one lookup): the same links (sidebars, menus) recur on every page.
    private struct KnownURL {
        /// Articles of other sites (national news linked from a sidebar) are not the portal's.
        var isPortal = false
        var facts: URLFacts?
    }
    private var knownURLs: [String: KnownURL] = [:]
    /// Past it the cache starts again: a portal's distinct links (a few thousand) fit.
    private static let maxKnownURLs = 8_192

    private func known(_ url: String) -> KnownURL {
        if let known = knownURLs[url] { return known }
        var known = KnownURL()
        if let parts = URLParts(url) {
            known.isPortal = portalHosts.isEmpty || portalHosts.contains(parts.host)
            known.facts = URLFacts(key: keys.key(parts), reading: shapes.read(parts))
        }
        if knownURLs.count >= Self.maxKnownURLs { knownURLs.removeAll(keepingCapacity: true) }
        knownURLs[url] = known
        return known
    }

    private func facts(_ url: String) -> URLFacts? {
        known(url).facts
    }

    /// The facts of a URL of the portal; nil for other sites' pages.
    private func portalFacts(_ url: String) -> URLFacts? {
        let known = known(url)
        return known.isPortal ? known.facts : nil
    }

    /// "Hiển thị 1 - 15 of 1.442 kết quả": the largest number on such a line.
    private func readTotal(_ page: PageView) {
        guard let main = page.main else { return }
        // A line without a digit holds no total: its words are not read.
        for (index, line) in main.lines.enumerated() where !line.isLonger(than: 159) && line.containsASCIIDigit {
            let words = main.words(ofLine: index)
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

    /// Whether a merged article is one: by its platform shape; by its page
    /// (a body, and a date with a listing link or an id in the URL, or no
    /// date but both); or, never fetched, as a dated listing entry whose
    /// URL family holds a confirmed article page.
    private func isArticle(_ article: Article, confirmed families: Set<Int>?) -> Bool {
        if article.excluded { return false }
        if article.shape { return true }
        if article.notArticle { return false }
        if article.pageSeen {
            guard article.hasBody else { return false }
            if article.year != nil { return article.listed || article.idHint }
            // Undated: only beside dated articles of the same URL family.
            guard let families else { return false }
            return article.listed && (article.idHint || article.genericIdHint || article.slugHint) && families.contains(article.family)
        }
        guard let families else { return false }
        return article.datedEntry && (article.idHint || article.genericIdHint || article.slugHint) && families.contains(article.family)
    }

    /// - Parameter documentURLs: pages of legal documents, which are not news.
    func finish(excluding documentURLs: Set<String>) -> NewsFindings {
        for url in documentURLs {
            guard let facts = facts(url) else { continue }
            for name in ["u:" + facts.key] + (facts.reading.key.map { ["s:" + $0] } ?? []) {
                if let known = byKey[name.hashValue] { articles[root(known)].excluded = true }
            }
        }
        let roots = articles.indices.filter { parent[$0] == $0 }
        // A date read from a line that tops many pages is the portal's today bar: the article is undated.
        for index in roots {
            if let line = articles[index].pageDateLine, linesAboveTitles.isChrome(key: line) {
                articles[index].pageYear = nil
                articles[index].pageDateLine = nil
                if var item = listed[index], item.dateFromPage { item.date = nil; listed[index] = item }
            }
        }
        let families = Set(roots.filter { articles[$0].pageSeen && !articles[$0].shape && isArticle(articles[$0], confirmed: nil) }
            .map { articles[$0].family })
        let counted = roots.filter { isArticle(articles[$0], confirmed: families) }
        let inYear = counted.filter { articles[$0].year == year }.count
        let undated = counted.filter { articles[$0].year == nil }.count
        let pages = counted.filter { articles[$0].pageSeen }
        let pagesUndated = pages.filter { articles[$0].pageYear == nil }.count
        let futureDated = counted.filter { articles[$0].futureDate }.count
        let listingOnly = counted.count - pages.count
        var method = pages.count >= listingOnly ? "articles" : "listing"
        var count = inYear
        if counted.isEmpty {
            if let rssInYear { method = "rss"; count = rssInYear }
            else if let sitemapInYear { method = "sitemap"; count = sitemapInYear }
            else { method = "none" }
        }
        let items = counted.compactMap { index -> NewsItem? in
            let article = articles[index]
            guard let item = listed[index], article.year == year || article.year == nil else { return nil }
            return NewsItem(key: item.key, url: item.url, title: item.title, date: item.date?.iso,
                            source: article.pageSeen ? "article" : "listing")
        }.sorted { $0.key < $1.key }
        return NewsFindings(
            count: count, undated: undated, method: method, partial: pagerHidesYear,
            crossChecks: .init(listingTotal: listingTotal, rssInYear: rssInYear, sitemapInYear: sitemapInYear,
                               articlePages: pages.count, listingEntries: listingOnly, scriptPagers: scriptPagers,
                               articlePagesUndated: pagesUndated,
                               undatedShare: pages.isEmpty ? nil : Double(pagesUndated) / Double(pages.count),
                               futureDated: futureDated),
            items: items, itemsNotListed: inYear + undated > items.count ? inYear + undated - items.count : nil)
    }
}
