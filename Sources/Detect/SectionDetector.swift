import Foundation
import HTML
import TextNormalization
import Vocabulary

/// Decides, page by page, which checklist items a portal carries, keeping
/// only small facts per item (candidate links, failures, the first proof).
final class SectionDetector {
    struct Candidate {
        var url: String
        var anchor: String
        var matched: String
        var place: String
    }

    private let items: [ItemRule]
    private let rules: RuleSet
    private let confirmer: Confirmer
    private let labels: PhraseIndex<Int>
    private let slugs: [String: [Int]]
    private let slugEndings: [(ending: String, index: Int)]
    /// Phrases that, in a text, keep it from naming an item ("Thống kê truy cập").
    private let excludes: PhraseIndex<Int>
    private let maxExtraWords: Int
    private let keys: URLKeyMaker
    private let fileExtensions: Set<String>
    /// The item proved by a feed, if the tier has one.
    private let feedItem: Int?

    private var proofs: [Int: SectionFinding] = [:]
    /// Items proved only by a page not named after them (`anyPage`).
    private var weakProofs = Set<Int>()
    /// Parts of a proof spread over several pages (the English pages' structure and contacts).
    private var parts: [Int: [String: String]] = [:]
    /// Contact blocks seen at the bottom of pages without a marked footer, by text: repeated, they are the footer.
    private var tailContacts: [String: PageInput] = [:]
    /// Pages of the portal read, and the menu entries seen: what an absent verdict examined.
    private var pagesRead = 0
    /// Pages each main-content line was seen on.
    private var mainLines: RepeatedLines
    private var menuLabels: [String] = []
    private var menuLabelSet = Set<String>()
    /// Menu link texts already folded into `menuLabelSet`: menus repeat on every page.
    private var menuTexts = Set<String>()
    private static let maxMenuLabels = 60
    /// Links named like an item, by item index then URL key.
    private var candidates: [Int: [String: Candidate]] = [:]
    /// Pages that looked like an item but did not confirm it, with why.
    private var unconfirmed: [Int: [(url: String, why: String)]] = [:]
    /// Hashes of the keys of fetched pages: 8 bytes a page.
    private var fetched: Set<Int> = []
    /// Why a link was not read, for links that name an item (a verdict cites them).
    private var failures: [String: String] = [:]
    private static let maxCandidates = 40
    private static let maxUnconfirmed = 5

    init(rules: RuleSet, tier: Tier, portalHosts: [String], keys: URLKeyMaker) {
        self.rules = rules
        mainLines = RepeatedLines(minPages: rules.pages.siteWideLinePages, maxLines: 200_000)
        items = rules.items(for: tier)
        confirmer = Confirmer(rules: rules, portalHosts: portalHosts)
        var phrases: [(String, Int)] = []
        var slugIndex: [String: [Int]] = [:]
        var endings: [(String, Int)] = []
        var excluded: [(String, Int)] = []
        for (index, item) in items.enumerated() {
            excluded += (item.excludes ?? []).map { ($0, index) }
            phrases += item.labels.flatMap { LabelOrders.of($0, joiners: rules.pages.labelPartJoiners) }.map { ($0, index) }
            for slug in item.slugs {
                let slug = VietnameseText.slug(slug)
                slugIndex[slug, default: []].append(index)
                // "kehoach" is "ke-hoach" written without separators.
                let compact = slug.replacingOccurrences(of: "-", with: "")
                if compact != slug, !(slugIndex[compact]?.contains(index) ?? false) { slugIndex[compact, default: []].append(index) }
            }
            endings += (item.slugEndings ?? []).map { ("-" + VietnameseText.slug($0), index) }
        }
        labels = PhraseIndex(phrases)
        slugs = slugIndex
        slugEndings = endings
        excludes = PhraseIndex(excluded)
        maxExtraWords = rules.pages.maxExtraWords
        fileExtensions = Set(rules.pages.fileExtensions.map { $0.lowercased() })
        feedItem = items.firstIndex { $0.confirm.kind == .rss }
        self.keys = keys
    }

    // MARK: - Consuming

    /// - Parameter ownSite: false for pages of other hosts (the services
    ///   portal): they confirm items the portal links to, nothing more.
    func consume(_ page: PageView, ownSite: Bool) {
        fetched.insert(page.key.hashValue)
        let status = page.input.status
        guard (200..<400).contains(status) else {
            // A missing page is an answer (the link is dead); other errors are not.
            if status == 404 || status == 410 {
                for (index, known) in candidates where known[page.key] != nil {
                    noteUnconfirmed(index, page.input.url, why: "HTTP \(status): trang không tồn tại")
                }
            } else {
                failures[page.key] = "HTTP \(status)"
            }
            return
        }
        let claimed = claimPage(page)
        let onSiteMap = claimed.contains { items[$0].confirm.kind == .sitemap }
        guard ownSite else { return }
        pagesRead += 1
        recordCandidates(page, onSiteMap: onSiteMap)
        let headings = readBlocks(page)
        readSiteWide(page)
        readHeadingSections(page, headings)
        readLeadIns(page)
        noteLines(page)
    }

    /// Counts the page's main-content lines: a line on several pages (a top
    /// bar of links no class marks, a repeated notice) is not any page's own.
    private func noteLines(_ page: PageView) {
        guard let main = page.main else { return }
        mainLines.note(main.lines.lazy.filter { !$0.isLonger(than: 300) })
    }

    /// A feed or XML site map fetched as text (an HTML page's text is ignored).
    func consumeText(_ input: PageInput, key: String) {
        fetched.insert(key.hashValue)
        guard let text = input.text, (200..<400).contains(input.status) else { return }
        let head = String(text.prefix(2048))
        for (index, item) in items.enumerated() where improves(index, input) {
            let markers: [String]
            switch item.confirm.kind {
            case .rss: markers = rules.pages.rss.contentMarkers
            case .sitemap: markers = rules.pages.sitemapMarkers
            default: continue
            }
            if let marker = markers.first(where: { head.contains($0) }) {
                let candidate = candidates[index]?[key]
                prove(index, input: input, place: candidate?.place ?? "link", anchor: candidate?.anchor,
                      matched: candidate?.matched ?? marker, evidence: "tệp XML có \(marker)>")
            }
        }
    }

    func record(_ outcome: LinkOutcome) {
        let key = keys.key(outcome.url)
        let reason: String
        switch outcome.outcome {
        case .failed(let kind):
            // A missing page is an answer (the link is dead), as in `consume`.
            if kind.hasSuffix(" 404") || kind.hasSuffix(" 410") {
                for (index, known) in candidates where known[key] != nil {
                    noteUnconfirmed(index, outcome.url, why: "\(kind): trang không tồn tại")
                }
                fetched.insert(key.hashValue)
                return
            }
            reason = "tải thất bại (\(kind))"
        case .skipped(let why): reason = "không tải (\(why))"
        }
        let naming = itemsNaming(text: outcome.anchor, url: outcome.url).items
        for (index, matched) in naming where proofs[index] == nil {
            addCandidate(index, key: key, Candidate(url: outcome.url, anchor: outcome.anchor, matched: matched, place: "link"))
        }
        // A crawl past its budget skips every further link, and each skip is
        // reported again with its anchor: only skips that name an item matter.
        // Failed fetches are few and may be named by a later page.
        if case .skipped = outcome.outcome, naming.isEmpty, !candidates.values.contains(where: { $0[key] != nil }) { return }
        failures[key] = reason
    }

    private func addCandidate(_ index: Int, key: String, _ candidate: Candidate) {
        var known = candidates[index, default: [:]]
        guard known[key] == nil, known.count < Self.maxCandidates else { return }
        known[key] = candidate
        candidates[index] = known
    }

    private func noteUnconfirmed(_ index: Int, _ url: String, why: String) {
        var pages = unconfirmed[index, default: []]
        if pages.count < Self.maxUnconfirmed, !pages.contains(where: { $0.url == url }) { pages.append((url, why)) }
        unconfirmed[index] = pages
    }

    // MARK: - Candidates: links named like an item

    private func recordCandidates(_ page: PageView, onSiteMap: Bool) {
        for link in page.links {
            let place = onSiteMap ? "sitemap" : page.place(of: link)
            if place == "menu", !link.text.isEmpty, menuLabels.count < Self.maxMenuLabels, menuTexts.insert(link.text).inserted,
               menuLabelSet.insert(VietnameseText.fold(link.text)).inserted {
                menuLabels.append(link.text)
            }
            // An image-only link is named by its image: alt, title, then file name.
            let text = link.text.isEmpty ? (link.title ?? page.imageName(of: link.url) ?? "") : link.text
            let (matches, key) = itemsNaming(text: text, url: link.url)
            guard !matches.isEmpty else { continue }
            // "#" and links to the page itself lead nowhere else.
            guard key != page.key else { continue }
            for (index, matched) in matches where proofs[index] == nil {
                addCandidate(index, key: key, Candidate(url: link.url, anchor: text, matched: matched, place: place))
            }
        }
        // Feeds announced in <head>.
        if let rss = feedItem, proofs[rss] == nil {
            let types = Set(rules.pages.rss.linkTypes)
            for node in page.document.nodes("//link[@href][@type]") where types.contains((node.attribute("type") ?? "").lowercased()) {
                guard let url = node.attribute("href").flatMap({ URLResolver.resolve($0, against: page.baseURL) }) else { continue }
                addCandidate(rss, key: keys.key(url), Candidate(
                    url: url, anchor: node.attribute("title") ?? "RSS", matched: node.attribute("type") ?? "", place: "head"))
            }
        }
    }

    /// Items whose label is the link text, or whose slug is a segment of its
    /// URL; none for a share button ("Facebook" on one names no page of the
    /// agency's). Menus repeat on every page: the same link is named once,
    /// with its URL's key when it names an item.
    private var naming: [LinkName: (items: [(Int, String)], key: String)] = [:]
    private static let maxNaming = 4_096

    /// A link by its text and URL, without joining them into a new String.
    private struct LinkName: Hashable {
        var text: String
        var url: String
    }

    private func itemsNaming(text: String, url: String) -> (items: [(Int, String)], key: String) {
        let cacheKey = LinkName(text: text, url: url)
        if let known = naming[cacheKey] { return known }
        let found = computeItemsNaming(text: text, url: url)
        let named = (found, found.isEmpty ? "" : keys.key(url))
        if naming.count >= Self.maxNaming { naming.removeAll(keepingCapacity: true) }
        naming[cacheKey] = named
        return named
    }

    private func computeItemsNaming(text: String, url: String) -> [(Int, String)] {
        guard let slugs = urlNaming(url) else { return [] }
        var found: [(Int, String)] = []
        for entry in labelsNaming(text) {
            found.append((entry.value, entry.phrase))
        }
        for (index, slug) in slugs where !found.contains(where: { $0.0 == index }) {
            found.append((index, slug))
        }
        return found
    }

    /// The items a URL's segments name; nil for a file or a share button,
    /// which name nothing whatever their text. A listing links each entry
    /// by its title, its image and "Xem tiếp": the URL is read once.
    private func urlNaming(_ url: String) -> [(Int, String)]? {
        if let known = namingOfURL[url] { return known }
        // The URL is parsed once for the file, share-button and slug checks.
        let parts = URLParts(url)
        let found = parts.map { isFile($0) || confirmer.isShareButton(path: $0.path) } == true ? nil : slugMatches(parts)
        if namingOfURL.count >= Self.maxNaming { namingOfURL.removeAll(keepingCapacity: true) }
        namingOfURL[url] = .some(found)
        return found
    }

    private var namingOfURL: [String: [(Int, String)]?] = [:]

    /// The labels naming the whole of `text`, but not for an item whose
    /// excluded phrase it carries. Block titles, the site's name in page
    /// titles and breadcrumbs repeat on every page: each text is read once.
    private func labelsNaming(_ text: String) -> [PhraseIndex<Int>.Entry] {
        if let known = labelsOfText[text] { return known }
        let found = computeLabelsNaming(text)
        if labelsOfText.count >= Self.maxNaming { labelsOfText.removeAll(keepingCapacity: true) }
        labelsOfText[text] = found
        return found
    }

    private var labelsOfText: [String: [PhraseIndex<Int>.Entry]] = [:]

    private func computeLabelsNaming(_ text: String) -> [PhraseIndex<Int>.Entry] {
        let words = Words.of(text)
        let found = labels.labels(of: words, maxExtraWords: maxExtraWords)
        guard !found.isEmpty else { return found }
        let barred = Set(excludes.occurrences(in: words).map(\.entry.value))
        return barred.isEmpty ? found : found.filter { !barred.contains($0.value) }
    }

    private func isFile(_ parts: URLParts) -> Bool {
        let path = parts.path
        guard let dot = path.lastIndex(of: "."),
              !path[dot...].contains("/") else { return false }
        return fileExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    private func slugMatches(_ parts: URLParts?) -> [(Int, String)] {
        guard let parts else { return [] }
        var segments = parts.path.split(separator: "/").map(String.init)
        if let query = parts.query {
            segments += query.split(separator: "&").compactMap { $0.split(separator: "=", maxSplits: 1).last.map(String.init) }
        }
        var found: [(Int, String)] = []
        for segment in segments {
            // ASCII without a "%" decodes to itself (the usual segment); Foundation
            // drops a BOM from other text, so that goes through it.
            let plain = segment.utf8.allSatisfy { $0 < 0x80 && $0 != 0x25 }
            let decoded = plain ? segment : segment.removingPercentEncoding ?? segment
            var forms = [VietnameseText.slug(decoded)]
            if let dot = decoded.lastIndex(of: ".") { forms.append(VietnameseText.slug(String(decoded[..<dot]))) }
            // Joomla's "id=18:y-kien-chi-dao": the alias after the id.
            if let colon = decoded.firstIndex(of: ":"), decoded[..<colon].allSatisfy(\.isASCIIDigit) {
                forms.append(VietnameseText.slug(String(decoded[decoded.index(after: colon)...])))
            }
            for form in forms {
                for index in slugs[form] ?? [] where !found.contains(where: { $0.0 == index }) {
                    found.append((index, segment))
                }
                for (ending, index) in slugEndings where form.hasSuffix(ending) && !found.contains(where: { $0.0 == index }) {
                    found.append((index, segment))
                }
            }
        }
        return found
    }

    // MARK: - The page itself names an item

    /// What separates a page title's parts: "Giới thiệu | Sở Nội vụ", "Tin tức » Hoạt động".
    /// A Character equals one of these when it is that one scalar alone.
    static func isTitleSeparator(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        switch scalar {
        case "|", "-", "–", "—", ":", "»", ">": return true
        default: return false
        }
    }

    /// Checks the items the page names (by inbound anchor, URL, title,
    /// heading or breadcrumb) against its content; returns those items.
    @discardableResult
    private func claimPage(_ page: PageView) -> [Int] {
        var claims: [Int: (anchor: String, matched: String, place: String)] = [:]
        func claim(_ text: String, place: String) {
            for entry in labelsNaming(text) where claims[entry.value] == nil {
                claims[entry.value] = (text, entry.phrase, place)
            }
        }
        // An anchor to "#" on this very page (a menu entry that leads nowhere,
        // which the crawl resolves to this page) names nothing here.
        let deadSelf = Set(page.regions.bodyAnchors.lazy.filter { DeadHref.isFragmentOrScript($0.href) }.map { page.text(of: $0.node) })
        for (index, candidateList) in candidates {
            if let candidate = candidateList[page.key], !deadSelf.contains(candidate.anchor) {
                claims[index] = (candidate.anchor, candidate.matched, candidate.place)
            }
        }
        for anchor in page.input.inboundAnchors where !deadSelf.contains(anchor) { claim(anchor, place: "link") }
        for (index, slug) in slugMatches(URLParts(page.input.url)) where claims[index] == nil {
            claims[index] = (page.title ?? page.input.url, slug, "url")
        }
        if let title = page.title {
            for part in title.split(whereSeparator: Self.isTitleSeparator) {
                claim(part.trimmingWhitespace(), place: "title")
            }
        }
        // The page's own heading: its h1s, else its first h2. Other headings
        // are block titles, read with their block's content in readBlocks.
        let h1 = page.regions.headings[0].map(page.text(of:)).filter { !$0.isEmpty }
        let own = !h1.isEmpty ? h1 : Array(page.regions.headings[1].lazy.map(page.text(of:)).filter { !$0.isEmpty }.prefix(1))
        for heading in own { claim(heading, place: "heading") }
        let crumbs = page.regions.breadcrumbs.flatMap { $0.descendants(named: ["a", "span", "li"]) }
        for crumb in crumbs.suffix(2) { claim(page.text(of: crumb), place: "heading") }
        // The main content is read only for an item still to prove.
        guard claims.keys.contains(where: { improves($0, page.input) }), let main = page.main, let own = content(of: page) else {
            return Array(claims.keys)
        }
        for (index, claim) in claims where improves(index, page.input) {
            let rule = items[index].confirm
            // A contact page's own content is the contact block that ends other pages.
            switch confirmer.confirm(rule, in: rule.kind == .contact ? main : own, page: page.document, markers: main) {
            case .proof(let seen):
                if let needs = rule.needs, !needs.isEmpty {
                    collectParts(index, needs: needs, page: page, main: own, claim: claim, seen: seen)
                } else {
                    prove(index, input: page.input, place: claim.place, anchor: claim.anchor, matched: claim.matched, evidence: seen)
                }
            case .rejected(let why):
                noteUnconfirmed(index, page.input.url, why: why)
            }
        }
        return Array(claims.keys)
    }

    /// The page's own content: the main content without the lines other
    /// pages repeat, and without a contact block ending the page when no
    /// class marks the footer (repeated on every page, it is not the page's own).
    private func content(of page: PageView) -> ContentScope? {
        guard let main = page.main else { return nil }
        var lines = main.lines
        if page.footer == nil, let start = confirmer.contactBlockStart(lines, tail: rules.pages.footerTailLines), start > 0 {
            lines = Array(lines[..<start])
        }
        lines = lines.filter { !mainLines.isChrome($0) }
        return lines.count == main.lines.count ? main : main.withLines(lines)
    }

    /// An English page adds what it carries (structure, contacts — the
    /// footer counts for contacts); the item is proved when the English
    /// pages between them carry everything `needs` lists.
    private func collectParts(_ index: Int, needs: [String], page: PageView, main: ContentScope,
                              claim: (anchor: String, matched: String, place: String), seen: String) {
        var found = parts[index, default: [:]]
        var carried = confirmer.englishParts(in: main)
        if carried["contacts"] == nil, let (bottom, _) = page.bottom(tailLines: rules.pages.footerTailLines),
           let contact = confirmer.contact(in: bottom) {
            carried["contacts"] = "chân trang: " + contact
        }
        for (part, text) in carried where found[part] == nil { found[part] = "\(text) (\(page.input.url))" }
        parts[index] = found
        let missing = needs.filter { found[$0] == nil }
        guard missing.isEmpty else {
            noteUnconfirmed(index, page.input.url, why: "trang tiếng Anh (\(seen)) nhưng chưa thấy: " + missing.map(Self.partName).joined(separator: ", "))
            return
        }
        prove(index, input: page.input, place: claim.place, anchor: claim.anchor, matched: claim.matched,
              evidence: needs.map { "\(Self.partName($0)): \(found[$0]!)" }.joined(separator: "; "))
    }

    private static func partName(_ part: String) -> String {
        ["structure": "cơ cấu tổ chức", "contacts": "thông tin liên hệ"][part] ?? part
    }

    // MARK: - Block titles with their content on the page

    /// Block titles with their block; returns the titles naming an item
    /// that have no block of their own (headings among the page's content).
    private func readBlocks(_ page: PageView) -> [(title: HTMLNode, text: String)] {
        var loose: [(title: HTMLNode, text: String)] = []
        for title in page.regions.blockTitles {
            let text = page.text(of: title)
            guard !text.isEmpty, !text.isLonger(than: 120) else { continue }
            let entries = labelsNaming(text)
                .filter { improves($0.value, page.input) }
            guard !entries.isEmpty else {
                // Named only by its first phrase: a heading among the content, read weakly.
                if headingLabels(text).contains(where: { improves($0.value, page.input, weak: true) }) { loose.append((title, text)) }
                continue
            }
            guard let block = container(of: title, text: text, page: page) else {
                loose.append((title, text))
                continue
            }
            let scope = ContentScope(node: block, lines: block.lines, baseURL: page.baseURL)
            for entry in entries where improves(entry.value, page.input) && (items[entry.value].confirm.needs ?? []).isEmpty {
                if let seen = confirmer.confirm(items[entry.value].confirm, in: scope, page: page.document).evidence {
                    prove(entry.value, input: page.input, place: "block", anchor: text, matched: entry.phrase, evidence: seen)
                }
            }
        }
        return loose
    }

    /// A heading among the page's content names what follows it up to the
    /// next heading ("Người phát ngôn" over a table on a page titled
    /// otherwise). Weaker than a page named after the item, as `anyPage`.
    private func readHeadingSections(_ page: PageView, _ headings: [(title: HTMLNode, text: String)]) {
        guard !headings.isEmpty else { return }
        let titles = Set(page.regions.blockTitles)
        for (title, text) in headings {
            let entries = headingLabels(text).filter { improves($0.value, page.input, weak: true) }
            guard !entries.isEmpty, let scope = HeadingSection.scope(of: title, titles: titles, baseURL: page.baseURL) else { continue }
            proveSection(entries, title: text, scope: scope, page: page)
        }
    }

    /// Bold lead-ins title the rest of their paragraph, weakly as headings do.
    private func readLeadIns(_ page: PageView) {
        guard let main = page.main else { return }
        for leadIn in LeadIn.all(in: main, rule: rules.pages.leadIns) {
            let entries = headingLabels(leadIn.title).filter { improves($0.value, page.input, weak: true) }
            proveSection(entries, title: leadIn.title, scope: leadIn.scope, page: page)
        }
    }

    private func proveSection(_ entries: [PhraseIndex<Int>.Entry], title: String, scope: ContentScope, page: PageView) {
        for entry in entries where (items[entry.value].confirm.needs ?? []).isEmpty {
            if let seen = confirmer.confirm(items[entry.value].confirm, in: scope, page: page.document).evidence {
                prove(entry.value, input: page.input, place: "heading", anchor: title, matched: entry.phrase,
                      evidence: "mục «\(title)» trên trang «\(page.title ?? page.input.url)»: " + seen, weak: true)
            }
        }
    }

    /// The labels naming a heading among the content: its whole text, else its first phrase.
    private func headingLabels(_ text: String) -> [PhraseIndex<Int>.Entry] {
        let whole = labelsNaming(text)
        guard whole.isEmpty, let first = HeadingPhrase.first(of: text, ends: rules.pages.headingPhraseEnds) else { return whole }
        return labelsNaming(first)
    }

    /// The nearest ancestor that holds more than the title itself, but no
    /// other block's title (then it would be the whole column, not a block).
    private func container(of title: HTMLNode, text: String, page: PageView) -> HTMLNode? {
        var current = title
        for _ in 0..<rules.pages.blockAncestorLevels {
            guard let parent = current.parent, parent.name != "body" else { return nil }
            let others = page.regions.blockTitles.contains { node in
                guard parent.isAncestor(of: node) else { return false }
                let other = page.text(of: node)
                return !other.isEmpty && !other.contains(text) && !text.contains(other)
            }
            if others { return nil }
            if page.text(of: parent).isLonger(than: text.count + 20) { return parent }
            current = parent
        }
        return nil
    }

    // MARK: - Items any page can prove (search box, footer contacts, people, links)

    private func readSiteWide(_ page: PageView) {
        for (index, item) in items.enumerated() where improves(index, page.input) {
            switch item.confirm.kind {
            case .searchForm:
                if let seen = confirmer.searchBox(in: page.document) {
                    prove(index, input: page.input, place: "site", anchor: nil, matched: nil, evidence: seen)
                }
            case .externalLink:
                if let (link, matched) = externalLink(item, page: page) {
                    prove(index, input: page.input, place: page.place(of: link), anchor: link.text, matched: matched,
                          evidence: "liên kết «\(link.text)» tới \(link.url)")
                }
            case .links:
                // Links to other agencies' sites, with or without a block title: weaker than a titled block.
                if improves(index, page.input, weak: true), let (seen, first) = otherAgencies(item, page: page) {
                    prove(index, input: page.input, place: "site", anchor: first, matched: nil, evidence: seen, weak: true)
                }
            case .printControl:
                if let main = page.main, let seen = confirmer.printControl(in: main.node) {
                    prove(index, input: page.input, place: "page", anchor: page.title, matched: nil,
                          evidence: seen + " trên trang «\(page.title ?? page.input.url)»")
                }
            default:
                break
            }
            guard improves(index, page.input) else { continue }
            if item.inFooter == true {
                readFooter(index, item, page: page)
            }
            if let rule = item.anyPage, improves(index, page.input, weak: true), let main = content(of: page),
               let seen = confirmer.confirm(rule, in: main, page: page.document).evidence {
                let heading = page.headingCandidates.first.map(page.text(of:)) ?? page.title ?? page.input.url
                prove(index, input: page.input, place: "page", anchor: heading, matched: nil,
                      evidence: "trang «\(heading)»: " + seen, weak: true)
            }
        }
    }

    /// Contacts in the page's footer; without a marked footer, in the last
    /// lines of the body when the same block ends two pages (a site-wide footer).
    private func readFooter(_ index: Int, _ item: ItemRule, page: PageView) {
        guard let (scope, marked) = page.bottom(tailLines: rules.pages.footerTailLines),
              let seen = confirmer.confirm(item.confirm, in: scope, page: page.document).evidence else { return }
        if marked {
            prove(index, input: page.input, place: "footer", anchor: nil, matched: nil, evidence: "chân trang: " + seen)
        } else if let first = tailContacts[seen], first.url != page.input.url {
            // Seen at the bottom of another page too: the site's footer. Either page is the evidence.
            for input in [first, page.input] {
                prove(index, input: input, place: "footer", anchor: nil, matched: nil, evidence: "chân trang lặp lại trên nhiều trang: " + seen)
            }
        } else if tailContacts.count < Self.maxCandidates {
            var first = page.input
            first.document = nil
            tailContacts[seen] = first
        }
    }

    /// Named links (text, or an image's alt or title) of the page to at least
    /// the item's count of other agencies' sites: the evidence and the first name.
    private func otherAgencies(_ item: ItemRule, page: PageView) -> (String, String)? {
        var sites: [String: String] = [:]
        var order: [String] = []
        for link in page.links where link.kind == .anchor || link.kind == .area {
            guard let site = confirmer.agencySite(link.url), sites[site] == nil else { continue }
            let name = link.text.isEmpty ? (link.title ?? page.imageName(of: link.url) ?? "") : link.text
            guard !name.isEmpty else { continue }
            sites[site] = name
            order.append(site)
        }
        guard order.count >= (item.confirm.minCount ?? 1) else { return nil }
        let listed = order.prefix(5).map { "«\(confirmer.excerpt(sites[$0]!))» (\($0))" }.joined(separator: ", ")
        return ("\(order.count) liên kết tới website cơ quan khác: " + listed, sites[order[0]]!)
    }

    /// A link of the page to one of the item's hosts, or named by the item and leading to another site.
    private func externalLink(_ item: ItemRule, page: PageView) -> (HTMLLink, String?)? {
        let hosts = item.confirm.hosts ?? []
        for link in page.links where link.kind == .anchor || link.kind == .area {
            if confirmer.matchesHost(link.url, hosts) {
                return (link, URLParts(link.url)?.host)
            }
        }
        let own = confirmer.portalHosts
        for link in page.links where link.kind == .anchor {
            guard let host = URLParts(link.url)?.host, !own.contains(host), !confirmer.isShareButton(link.url) else { continue }
            let text = link.text.isEmpty ? (link.title ?? page.imageName(of: link.url) ?? "") : link.text
            if let entry = labelsNaming(text).first(where: { items[$0.value].id == item.id }) {
                return (link, entry.phrase)
            }
        }
        return nil
    }

    /// Whether a proof from this page would replace the item's proof. Of the
    /// pages that prove an item, the one with the smallest URL is the
    /// evidence: pages arrive in a different order every night, and the
    /// evidence must not change with it. A page named after the item
    /// outranks one that is not (`weak`: leaders listed on a directory).
    private func improves(_ index: Int, _ input: PageInput, weak: Bool = false) -> Bool {
        guard let proof = proofs[index] else { return true }
        let provedWeakly = weakProofs.contains(index)
        if provedWeakly != weak { return provedWeakly }
        return input.url < (proof.url ?? "")
    }

    private func prove(_ index: Int, input: PageInput, place: String, anchor: String?, matched: String?, evidence: String,
                       weak: Bool = false) {
        guard improves(index, input, weak: weak) else { return }
        if weak { weakProofs.insert(index) } else { weakProofs.remove(index) }
        proofs[index] = SectionFinding(
            item: items[index].id, state: .present, url: input.url, evidence: evidence, anchor: anchor,
            matched: matched, place: place, capturedAt: input.fetchedAt, warcRecord: input.warcRecord, reason: nil, examined: nil)
        candidates[index] = nil
        unconfirmed[index] = nil
        parts[index] = nil
    }

    // MARK: - Verdicts

    func finish(_ coverage: CrawlCoverage) -> [SectionFinding] {
        items.enumerated().map { index, item in
            if let proof = proofs[index] { return proof }
            var finding = verdict(index, item, coverage)
            // Parts of a proof seen on some pages (English contacts without the structure).
            if let found = parts[index], !found.isEmpty, let needs = item.confirm.needs {
                finding.reason = (finding.reason ?? "") + "; đã thấy " + found.keys.sorted().map { "\(Self.partName($0)): \(found[$0]!)" }
                    .joined(separator: "; ") + "; còn thiếu " + needs.filter { found[$0] == nil }.map(Self.partName).joined(separator: ", ")
            }
            return finding
        }
    }

    private func verdict(_ index: Int, _ item: ItemRule, _ coverage: CrawlCoverage) -> SectionFinding {
    var finding = SectionFinding(item: item.id, state: .inconclusive)
        let named = (candidates[index] ?? [:]).sorted { $0.key < $1.key }
        if let (key, candidate) = named.first(where: { failures[$0.key] != nil }) {
            finding.url = candidate.url
            finding.anchor = candidate.anchor
            finding.matched = candidate.matched
            finding.place = candidate.place
            finding.reason = "Có liên kết «\(candidate.anchor)» nhưng \(failures[key]!)"
            return finding
        }
        if let (_, candidate) = named.first(where: { !fetched.contains($0.key.hashValue) }) {
            finding.url = candidate.url
            finding.anchor = candidate.anchor
            finding.matched = candidate.matched
            finding.place = candidate.place
            finding.reason = "Có liên kết «\(candidate.anchor)» nhưng trang chưa được tải"
            return finding
        }
        if !coverage.portalReachable {
            finding.reason = "Không truy cập được cổng thông tin"
            return finding
        }
        if !coverage.complete {
            finding.reason = "Thu thập dừng sớm" + (coverage.stoppedEarlyReason.map { " (\($0))" } ?? "")
                + " trước khi thấy mục này"
            return finding
        }
        finding.state = .absent
        finding.examined = SectionFinding.Examined(pages: pagesRead, menus: menuLabels, labels: item.labels, slugs: item.slugs)
        let looked = "đã tìm nhãn «" + item.labels.prefix(5).joined(separator: "», «") + "»"
            + (item.labels.count > 5 ? " (và \(item.labels.count - 5) nhãn khác)" : "")
            + " trong menu, tiêu đề khối, tiêu đề trang và đường dẫn (/" + item.slugs.prefix(3).joined(separator: ", /") + "…)"
        let menus = menuLabels.isEmpty ? "" : "; menu đã xem: «" + menuLabels.prefix(8).joined(separator: "», «") + "»"
            + (menuLabels.count > 8 ? " (\(menuLabels.count) mục)" : "")
        if let named = unconfirmed[index]?.min(by: { $0.url < $1.url }) {
            finding.url = named.url
            finding.reason = "Trang mang tên mục này không xác nhận được (\(named.why)); đã xem \(pagesRead) trang, " + looked + menus
        } else {
            finding.reason = "Không thấy mục này trên \(pagesRead) trang đã tải; " + looked + menus
        }
        return finding
    }
}

extension SectionFinding {
    init(item: String, state: State) {
        self.init(item: item, state: state, url: nil, evidence: nil, anchor: nil, matched: nil, place: nil,
                  capturedAt: nil, warcRecord: nil, reason: nil, examined: nil)
    }
}
