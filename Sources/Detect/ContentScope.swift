import Foundation
import HTML

/// A part of a page whose content may confirm an item: the main content of a
/// page, a home-page block, or the footer. Text is folded once.
struct ContentScope {
    let node: HTMLNode
    let lines: [String]
    let folded: String
    let words: [Substring]
    /// Resolved hrefs of the links inside (outside the excluded parts), with their text.
    let links: [(url: String, text: String)]
    /// Images, frames and embedded files inside (outside the excluded parts).
    let media: Int

    init(node: HTMLNode, lines: [String], baseURL: String, excluding excluded: [HTMLNode] = []) {
        self.node = node
        self.lines = lines
        folded = VietnameseText.fold(lines.joined(separator: "\n"))
        words = Words.ofFolded(folded)
        let mediaPath = ".//img|.//iframe|.//embed|.//object"
        let excludedLinks = Set(excluded.flatMap { $0.nodes(".//a[@href]") })
        let excludedMedia = Set(excluded.flatMap { $0.nodes(mediaPath) })
        links = node.nodes(".//a[@href]").compactMap { anchor in
            guard !excludedLinks.contains(anchor), let href = anchor.attribute("href"), !LinkFilter.isScript(href),
                  let url = URLResolver.resolve(href, against: baseURL) else { return nil }
            return (url, anchor.text)
        }
        media = node.nodes(mediaPath).filter { !excludedMedia.contains($0) }.count
    }

    var textLength: Int { lines.reduce(0) { $0 + $1.count } }
}

enum LinkFilter {
    static func isScript(_ href: String) -> Bool {
        let scheme = URLResolver.scheme(of: href.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
        return ["javascript", "mailto", "tel", "data"].contains(scheme)
    }
}
