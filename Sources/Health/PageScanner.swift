import Foundation
import HTML

/// What one page shows of the portal's health.
struct PageHealth {
    var url: String
    var hits: [InjectedHit] = []
    var hitsNotKept = 0
    var anchorsNotExamined = 0
    var accessibility = AccessibilityCounts()
    /// The newest entry date on the page (not after the reference day).
    var newestDate: DateComponents?
}

/// One walk over a parsed page: injected content (with the way it is hidden),
/// the DOM accessibility checks and the newest date. Every element is visited
/// once; text, anchors and hits are bounded by health.yaml, so a page of
/// 100,000 hidden links costs a walk, not 100,000 link resolutions.
/// One scanner reads one portal's pages: what repeats from page to page
/// (style sheets, off-portal hosts) is read once.
struct PageScanner {
    let rules: HealthRules
    let vocabulary: SpamVocabulary
    let portalHosts: Set<String>
    let referenceDay: DateComponents
    private var styles: StyleBook
    /// Whether each off-portal host seen is a spam host (host patterns are regular expressions).
    private var spamHosts: [String: Bool] = [:]
    /// Hosts remembered at most: a hostile portal links to endless hosts.
    private static let rememberedHosts = 4096

    init(rules: HealthRules, portalHosts: Set<String>, referenceDay: DateComponents) {
        self.rules = rules
        self.vocabulary = SpamVocabulary(rules.injectedContent)
        self.portalHosts = portalHosts
        self.referenceDay = referenceDay
        styles = StyleBook(offscreenPixels: rules.injectedContent.offscreenPixels)
    }

    /// A hidden subtree: its hiding, text and off-portal links, judged after the walk.
    private struct HiddenBlock {
        var way: HidingWay
        /// UTF-8: pieces of text are appended as bytes, no String per piece.
        var text: [UInt8] = []
        var untrustedLinks = 0
        var hosts: [String] = []
    }

    private struct Frame {
        var node: HTMLNode
        /// Index into `blocks` of the hidden block this element is in.
        var block: Int?
        var background: String?
        var inLabel: Bool
    }

    /// Elements whose text is no page text; a switch on the (small) name costs
    /// less per element than hashing it into a set.
    private static func isSkipped(_ name: String) -> Bool {
        switch name {
        case "script", "style", "noscript", "template", "head": return true
        default: return false
        }
    }

    private static func isField(_ name: String) -> Bool {
        switch name {
        case "input", "select", "textarea": return true
        default: return false
        }
    }

    /// The attributes read on every element, lower-cased once.
    private enum Attribute {
        static let lang = AttributeName("lang")
        static let hidden = AttributeName("hidden")
        static let classes = AttributeName("class")
        static let id = AttributeName("id")
        static let style = AttributeName("style")
        static let href = AttributeName("href")
        static let alt = AttributeName("alt")
        static let labelFor = AttributeName("for")
        static let type = AttributeName("type")
        static let value = AttributeName("value")
        static let names = [AttributeName("aria-label"), AttributeName("aria-labelledby"), AttributeName("title")]
    }

    mutating func scan(_ document: HTMLDocument, at time: Date) -> PageHealth {
        let limits = rules.injectedContent
        var page = PageHealth(url: document.url)
        // One walk for the style sheets and the title (`document.title`: the first title, if it has text).
        var sheets: [String] = []
        var styleBudget = limits.maxStyleTextPerPage
        var title: HTMLNode?
        for element in document.elements(named: ["style", "title"]) {
            if element.name == "title" {
                if title == nil { title = element }
            } else if styleBudget > 0 {
                let text = element.ownText
                sheets.append(String(text.prefix(styleBudget)))
                styleBudget -= text.utf8.count
            }
        }
        var detector = styles.detector(for: sheets)
        defer { styles.keep(detector, for: sheets) }
        guard let root = document.root else { return page }
        if Self.isBlank(root.attribute(Attribute.lang)) { page.accessibility.pagesWithoutLang = 1 }
        if title?.text.isEmpty ?? true { page.accessibility.pagesWithoutTitle = 1 }

        var visibleText: [UInt8] = []
        var textBudget = limits.maxTextPerPage
        var blocks: [HiddenBlock] = []
        var anchorsExamined = 0
        var labelledIDs = Set<String>()
        var fieldIDs: [String] = []
        var previousHeading: Int?
        var stack = [Frame(node: root, block: nil, background: nil, inLabel: false)]

        while let frame = stack.popLast() {
            let node = frame.node
            let name = node.name
            if Self.isSkipped(name) { continue }
            // Class and id are read only when the page's style rules name some.
            let effect = detector.effect(hiddenAttribute: node.hasAttribute(Attribute.hidden),
                                         classes: detector.readsClasses ? node.attribute(Attribute.classes) : nil,
                                         id: detector.readsIDs ? node.attribute(Attribute.id) : nil,
                                         style: node.attribute(Attribute.style))
            let background = effect.background ?? frame.background
            var block = frame.block
            if block == nil {
                var way = effect.hiding
                if way == nil, let colour = effect.colour, colour == background, colour != "transparent" { way = .sameColour }
                if let way {
                    blocks.append(HiddenBlock(way: way))
                    block = blocks.count - 1
                }
            }
            let own = node.ownText
            if !own.isEmpty, textBudget > 0 {
                textBudget -= own.utf8.count
                if let block {
                    blocks[block].text.append(contentsOf: own.utf8)
                    blocks[block].text.append(0x20)
                } else {
                    visibleText.append(contentsOf: own.utf8)
                    visibleText.append(0x0A)
                }
            }

            switch name {
            case "a" where node.hasAttribute(Attribute.href):
                if anchorsExamined < limits.maxAnchorsPerPage {
                    anchorsExamined += 1
                    examineAnchor(node, ownText: own, in: document, block: block, blocks: &blocks, page: &page, at: time)
                } else {
                    page.anchorsNotExamined += 1
                }
            case "img":
                if !node.hasAttribute(Attribute.alt) { page.accessibility.imagesWithoutAlt += 1 }
            case "label":
                if let target = node.attribute(Attribute.labelFor) { labelledIDs.insert(target) }
            case "button":
                if node.text.isEmpty, !Self.hasAccessibleName(node, extra: Attribute.value) { page.accessibility.emptyButtons += 1 }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                let level = Int(name.dropFirst()) ?? 1
                if let previousHeading, level > previousHeading + 1 { page.accessibility.headingSkips += 1 }
                previousHeading = level
            default:
                break
            }
            if Self.isField(name) {
                let type = (node.attribute(Attribute.type) ?? "text").lowercased()
                if !(name == "input" && rules.accessibility.unlabelledInputTypes.contains(type)),
                   !frame.inLabel, !Self.hasAccessibleName(node, extra: nil) {
                    if let id = node.attribute(Attribute.id), !id.isEmpty { fieldIDs.append(id) } else { page.accessibility.fieldsWithoutLabel += 1 }
                }
            }
            let inLabel = frame.inLabel || name == "label"
            // Pushed in reverse so children are visited in document order.
            for child in node.children.reversed() {
                stack.append(Frame(node: child, block: block, background: background, inLabel: inLabel))
            }
        }
        page.accessibility.fieldsWithoutLabel += fieldIDs.filter { !labelledIDs.contains($0) }.count

        for match in vocabulary.matches(utf8: visibleText, terms: .strong) {
            add(InjectedHit(url: document.url, kind: .vocabulary, text: match.snippet, term: match.term, link: nil, hiding: .visible,
                            how: label(.visible), at: time), to: &page)
        }
        for block in blocks {
            for match in vocabulary.matches(utf8: block.text, terms: .all) {
                add(InjectedHit(url: document.url, kind: .vocabulary, text: match.snippet, term: match.term, link: nil, hiding: block.way,
                                how: label(block.way), at: time), to: &page)
            }
            if block.untrustedLinks >= limits.hiddenLinkFarmMinimum {
                add(InjectedHit(url: document.url, kind: .linkFarm,
                                text: "\(block.untrustedLinks) liên kết ẩn ra ngoài cổng: " + block.hosts.joined(separator: ", "),
                                term: nil, link: nil, hiding: block.way, how: label(block.way), at: time), to: &page)
            }
        }
        page.newestDate = DateScanner.newest(utf8: visibleText, notAfter: referenceDay, earliestYear: rules.freshness.earliestYear)
        return page
    }

    /// Links to spam hosts (hidden or not), spam words in visible off-portal links
    /// (hidden text is judged with its block), and off-portal links in hidden blocks.
    private mutating func examineAnchor(_ node: HTMLNode, ownText: String, in document: HTMLDocument, block: Int?, blocks: inout [HiddenBlock],
                               page: inout PageHealth, at time: Date) {
        // The subtree's visible text, read only when needed: an ASCII letter or
        // digit of the anchor's own text is visible, so most anchors have text
        // without it, and only off-portal ones are read.
        var known: String?
        func text() -> String {
            if let known { return known }
            let text = node.text
            known = text
            return text
        }
        let hasASCIIWord = ownText.utf8.contains { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }
        if !hasASCIIWord, text().isEmpty, !Self.hasAccessibleName(node, extra: nil),
           !node.descendants(named: ["img"]).contains(where: { !Self.isBlank($0.attribute(Attribute.alt)) }) {
            page.accessibility.emptyLinks += 1
        }
        guard let href = node.attribute(Attribute.href), let resolved = document.followableURL(href),
              let host = URLHost.lowercased(of: resolved), !portalHosts.contains(host) else { return }
        let way = block.map { blocks[$0].way } ?? .visible
        if isSpamHost(host) {
            add(InjectedHit(url: document.url, kind: .spamHost, text: String(text().prefix(200)), term: nil, link: resolved, hiding: way,
                            how: label(way), at: time), to: &page)
        } else if block == nil {
            if let match = vocabulary.matches(in: text(), terms: .all).first
                ?? vocabulary.matches(utf8: Self.addressWords(resolved), terms: .all).first {
                add(InjectedHit(url: document.url, kind: .vocabulary, text: match.snippet, term: match.term, link: resolved, hiding: .visible,
                                how: label(.visible), at: time), to: &page)
            }
        }
        if let block, !vocabulary.isTrusted(host) {
            blocks[block].untrustedLinks += 1
            if blocks[block].hosts.count < 5, !blocks[block].hosts.contains(host) { blocks[block].hosts.append(host) }
        }
    }

    private mutating func isSpamHost(_ host: String) -> Bool {
        if let known = spamHosts[host] { return known }
        let spam = vocabulary.isSpamHost(host)
        if spamHosts.count >= Self.rememberedHosts { spamHosts = [:] }
        spamHosts[host] = spam
        return spam
    }

    /// The words of an address: lower case, `-_/.?=&+` read as spaces. An
    /// ASCII address (nearly all) is cut on its bytes, one byte a Character.
    static func addressWords(_ url: String) -> [UInt8] {
        var bytes = Array(url.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return Array(String(url.lowercased().map { "-_/.?=&+".contains($0) ? " " : $0 }).utf8)
        }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "="),
                 UInt8(ascii: "&"), UInt8(ascii: "+"):
                bytes[index] = 0x20
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes[index] |= 0x20
            default:
                break
            }
        }
        return bytes
    }

    private func add(_ hit: InjectedHit, to page: inout PageHealth) {
        if page.hits.count < rules.injectedContent.maxHitsPerPage { page.hits.append(hit) } else { page.hitsNotKept += 1 }
    }

    private func label(_ way: HidingWay) -> String {
        rules.injectedContent.hidingLabels[way.rawValue] ?? way.rawValue
    }

    private static func hasAccessibleName(_ node: HTMLNode, extra: AttributeName?) -> Bool {
        Attribute.names.contains { !isBlank(node.attribute($0)) } || extra.map { !isBlank(node.attribute($0)) } ?? false
    }

    /// Whether a value is absent or only `CharacterSet.whitespaces` (tab and
    /// the Zs spaces): an ASCII value is read on its bytes, others by Foundation.
    static func isBlank(_ value: String?) -> Bool {
        guard let value else { return true }
        var onlyASCII = true
        for byte in value.utf8 {
            if byte >= 0x80 {
                onlyASCII = false
            } else if byte != 0x20, byte != 0x09 {
                return false
            }
        }
        return onlyASCII || value.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
