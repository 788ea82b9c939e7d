import Foundation
import HTML

extension PortalAnalyzer {
    /// Pager links of a listing ("Trang sau", "Tiếp", "»", rel=next,
    /// numbered pages): what a crawler should follow to reach older entries.
    public static func paginationLinks(in document: HTMLDocument, rules: RuleSet) -> [String] {
        PagerReader(vocabulary: rules.news).links(in: document)
    }
}

/// Reads the pager of a listing page.
struct PagerReader {
    let nextWords: PhraseIndex<Void>
    let classHints: [String]
    let pageParameters: Set<String>

    /// Next-page labels made only of symbols ("»", ">>").
    let symbols: Set<String>

    init(vocabulary: NewsVocabulary) {
        nextWords = PhraseIndex(vocabulary.nextWords.filter { !Words.of($0).isEmpty }.map { ($0, ()) })
        symbols = Set(vocabulary.nextWords.filter { Words.of($0).isEmpty })
        classHints = vocabulary.pagerClassHints.map { $0.lowercased() }
        pageParameters = Set(vocabulary.pageParameters.map { $0.lowercased() })
    }

    func isNextLabel(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if symbols.contains(trimmed) { return true }
        let words = Words.of(trimmed)
        return !nextWords.labels(of: words, maxExtraWords: 1).isEmpty
    }

    func isPageNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.count <= 4 && trimmed.allSatisfy(\.isASCIIDigit)
    }

    func inPager(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node.parent
        for _ in 0..<4 {
            guard let element = current else { return false }
            let marks = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
            if classHints.contains(where: { marks.contains($0) }) { return true }
            current = element.parent
        }
        return false
    }

    func links(in document: HTMLDocument) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        for link in document.links() where link.kind == .next && seen.insert(link.url).inserted { found.append(link.url) }
        for anchor in document.elements(named: ["a"]) {
            guard let href = anchor.attribute("href"), let url = document.followableURL(href) else { continue }
            let text = anchor.text
            let pager = isNextLabel(text) || anchor.attribute("rel")?.lowercased() == "next"
                || (isPageNumber(text) && (inPager(anchor) || hasPageParameter(url)))
            if pager && seen.insert(url).inserted { found.append(url) }
        }
        return found
    }

    func hasPageParameter(_ url: String) -> Bool {
        guard let query = URLParts(url)?.query else { return false }
        return query.split(separator: "&").contains { pair in
            let name = pair.split(separator: "=").first.map { $0.lowercased() } ?? ""
            return pageParameters.contains(name) || pageParameters.contains(where: { name.hasSuffix("_" + $0) })
        }
    }

    /// A pager that only JavaScript can follow: script links labelled as
    /// pages or "next", and no real next link.
    func isScriptOnly(_ document: HTMLDocument) -> Bool {
        let scripted = document.scriptLinks().filter { isNextLabel($0.text) || isPageNumber($0.text) }
        guard !scripted.isEmpty else { return false }
        return links(in: document).isEmpty
    }
}
