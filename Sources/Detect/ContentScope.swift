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
    let baseURL: String
    private let excluded: Set<HTMLNode>
    private let anchors: [(node: HTMLNode, url: String)]?

    /// - Parameters:
    ///   - excluded: parts whose descendants are not the scope's (menus, footers…).
    ///   - anchors: the scope's followable anchors (outside `excluded`)
    ///     already resolved, when the caller has them.
    init(node: HTMLNode, lines: [String], baseURL: String, excluding excluded: Set<HTMLNode> = [],
         anchors: [(node: HTMLNode, url: String)]? = nil) {
        self.node = node
        self.lines = lines
        self.baseURL = baseURL
        self.excluded = excluded
        self.anchors = anchors
    }

    /// The same part of the page with fewer lines (a trailing footer block cut off).
    func withLines(_ lines: [String]) -> ContentScope {
        ContentScope(node: node, lines: lines, baseURL: baseURL, excluding: excluded, anchors: anchors)
    }

    lazy var folded: String = VietnameseText.fold(lines.joined(separator: "\n"))

    /// `Words.of` each line, read once per scope: the news, total and service
    /// readers all match phrases line by line on the same main content.
    /// Stored, not lazy: a lazy array's element set copies the whole array.
    private var lineWords: [[Substring]?] = []

    func words(ofLine index: Int) -> [Substring] {
        if lineWords.isEmpty { lineWords = Array(repeating: nil, count: lines.count) }
        if let known = lineWords[index] { return known }
        let words = Words.of(lines[index])
        lineWords[index] = words
        return words
    }
    lazy var words: [Substring] = Words.ofFolded(folded)

    /// Resolved hrefs of the links inside (outside the excluded parts).
    lazy var links: [String] = anchors?.map(\.url) ?? node.descendants(named: ["a"], notBelow: excluded).compactMap { anchor in
        anchor.attribute("href").flatMap { URLResolver.followable($0, against: baseURL) }
    }

    /// Images, frames and embedded files inside (outside the excluded parts).
    lazy var media: Int = node.descendants(named: ["img", "iframe", "embed", "object"], notBelow: excluded).count

    var textLength: Int { lines.reduce(0) { $0 + $1.count } }

    /// Anchors inside (outside the excluded parts) with their hrefs.
    lazy var anchorNodes: [HTMLNode] = node.descendants(named: ["a"], notBelow: excluded)

    /// Characters of the text of anchors that lead nowhere (`#`, `javascript:`,
    /// no href): a list of those is a placeholder, not content.
    lazy var deadAnchorChars: Int = deadAnchors.reduce(0) { $0 + $1.text.count }

    /// Anchors that lead nowhere: `#`, `javascript:`, no href.
    lazy var deadAnchors: [HTMLNode] = anchorNodes.filter { anchor in
        let href = (anchor.attribute("href") ?? "").trimmingWhitespace()
        return href.isEmpty || href.hasPrefix("#") || URLResolver.scheme(of: href) == "javascript"
    }

    /// Form controls a visitor fills in.
    lazy var formInputs: Int = node.descendants(named: ["input", "select", "textarea"], notBelow: excluded).filter { input in
        guard input.name == "input" else { return true }
        let type = (input.attribute("type") ?? "text").lowercased()
        return type == "radio" || type == "checkbox"
    }.count
}
