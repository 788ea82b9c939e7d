import Foundation
import HTML
import TextNormalization

/// A part of a page whose content may confirm an item: the main content of a
/// page, a home-page block, or the footer. Derived parts (folded text, words,
/// links, media) are computed once, on first use: most scopes are checked
/// by one rule that needs only one of them.
final class ContentScope {
    let node: HTMLNode
    let lines: [String]
    private let baseURL: String
    private let excluded: [HTMLNode]
    private let resolved: [(node: HTMLNode, url: String)]?

    /// - Parameter resolved: the node's anchors already resolved, when the caller has them.
    init(node: HTMLNode, lines: [String], baseURL: String, excluding excluded: [HTMLNode] = [],
         resolved: [(node: HTMLNode, url: String)]? = nil) {
        self.node = node
        self.lines = lines
        self.baseURL = baseURL
        self.excluded = excluded
        self.resolved = resolved
    }

    lazy var folded: String = VietnameseText.fold(lines.joined(separator: "\n"))
    lazy var words: [Substring] = Words.ofFolded(folded)

    /// Resolved hrefs of the links inside (outside the excluded parts).
    lazy var links: [String] = {
        let excludedLinks = Set(excluded.flatMap { $0.nodes(".//a[@href]") })
        let anchors = resolved ?? node.nodes(".//a[@href]").compactMap { anchor in
            guard let href = anchor.attribute("href"), let url = URLResolver.followable(href, against: baseURL) else { return nil }
            return (anchor, url)
        }
        return anchors.filter { !excludedLinks.contains($0.node) }.map(\.url)
    }()

    /// Images, frames and embedded files inside (outside the excluded parts).
    lazy var media: Int = {
        let mediaPath = ".//img|.//iframe|.//embed|.//object"
        let excludedMedia = Set(excluded.flatMap { $0.nodes(mediaPath) })
        return node.nodes(mediaPath).filter { !excludedMedia.contains($0) }.count
    }()

    var textLength: Int { lines.reduce(0) { $0 + $1.count } }
}
