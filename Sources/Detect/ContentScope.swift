import Foundation
import HTML
import TextNormalization

/// A part of a page whose content may confirm an item: the main content of a
/// page, a home-page block, or the footer. Text is folded once.
struct ContentScope {
    let node: HTMLNode
    let lines: [String]
    let folded: String
    let words: [Substring]
    /// Resolved hrefs of the links inside (outside the excluded parts).
    let links: [String]
    /// Images, frames and embedded files inside (outside the excluded parts).
    let media: Int

    /// - Parameter resolved: the node's anchors already resolved, when the caller has them.
    init(node: HTMLNode, lines: [String], baseURL: String, excluding excluded: [HTMLNode] = [],
         resolved: [(node: HTMLNode, url: String)]? = nil) {
        self.node = node
        self.lines = lines
        folded = VietnameseText.fold(lines.joined(separator: "\n"))
        words = Words.ofFolded(folded)
        let mediaPath = ".//img|.//iframe|.//embed|.//object"
        let excludedLinks = Set(excluded.flatMap { $0.nodes(".//a[@href]") })
        let excludedMedia = Set(excluded.flatMap { $0.nodes(mediaPath) })
        let anchors = resolved ?? node.nodes(".//a[@href]").compactMap { anchor in
            guard let href = anchor.attribute("href"), let url = URLResolver.followable(href, against: baseURL) else { return nil }
            return (anchor, url)
        }
        links = anchors.filter { !excludedLinks.contains($0.node) }.map(\.url)
        media = node.nodes(mediaPath).filter { !excludedMedia.contains($0) }.count
    }

    var textLength: Int { lines.reduce(0) { $0 + $1.count } }
}
