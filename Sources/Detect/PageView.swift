import Foundation
import HTML

/// One fetched page as the detectors see it while it is being consumed.
/// Derived parts are computed once, on first use, and dropped with the page.
final class PageView {
    let input: PageInput
    let document: HTMLDocument
    let key: String
    private let selectors: PageRegions.Selectors

    init(input: PageInput, document: HTMLDocument, selectors: PageRegions.Selectors, key: String) {
        self.input = input
        self.document = document
        self.selectors = selectors
        self.key = key
    }

    lazy var regions = PageRegions(document: document, selectors: selectors)
    lazy var baseURL: String = document.baseURL
    lazy var title: String? = document.title
    lazy var links: [HTMLLink] = document.links()
    var body: HTMLNode? { regions.body }

    /// Followable anchors of the body with their resolved URLs.
    lazy var anchors: [(node: HTMLNode, url: String)] = resolvedAnchors.map { ($0.node, $0.url) }

    /// Followable anchors of the body, resolved, with whether boilerplate encloses them.
    lazy var resolvedAnchors: [(node: HTMLNode, url: String, inBoilerplate: Bool)] =
        regions.bodyAnchors.compactMap { anchor in
            guard let url = document.followableURL(anchor.href) else { return nil }
            return (anchor.node, url, anchor.inBoilerplate)
        }

    /// Menus, headers, footers, sidebars and breadcrumbs.
    var boilerplate: [HTMLNode] { regions.boilerplate }

    /// Elements that may title the content, in the order they are tried:
    /// h1, h2, h3 outside the boilerplate, then block titles that are not
    /// links (portals that style the title as `<div class="title">` or a
    /// table cell). A sidebar's "Lịch công tác" h2 comes before an article's
    /// h3 here; the reader keeps the one running text follows.
    lazy var headingCandidates: [HTMLNode] = {
        var found: [HTMLNode] = []
        var seen = Set<HTMLNode>()
        for node in regions.headings.joined() + regions.blockTitles where found.count < Self.maxHeadingCandidates {
            guard isOutsideBoilerplate(node), !node.hasAncestor(named: "a"), seen.insert(node).inserted else { continue }
            if regions.headings.joined().contains(node) || node.descendants(named: ["a"]).isEmpty { found.append(node) }
        }
        return found
    }()

    private static let maxHeadingCandidates = 8

    private lazy var boilerplateSet = Set(boilerplate)

    private func isOutsideBoilerplate(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let element = current {
            if boilerplateSet.contains(element) { return false }
            current = element.parent
        }
        return true
    }

    /// Anchors of the content (outside menus, headers, footers and sidebars) with their resolved URLs.
    lazy var contentAnchors: [(node: HTMLNode, url: String)] =
        resolvedAnchors.filter { !$0.inBoilerplate }.map { ($0.node, $0.url) }

    /// meta, link, time and script elements.
    var metadata: [HTMLNode] { regions.metadata }

    /// `<link rel="canonical">`, else `og:url`, resolved.
    lazy var canonicalURL: String? = {
        var og: String?
        for node in regions.metadata {
            if node.name == "link", node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href") {
                return URLResolver.resolve(href, against: baseURL)
            }
            if og == nil, node.name == "meta", node.attribute("property")?.lowercased() == "og:url" { og = node.attribute("content") }
        }
        return og.flatMap { URLResolver.resolve($0, against: baseURL) }
    }()

    /// Resolved URL of each followable anchor.
    lazy var anchorURLs: [HTMLNode: String] = Dictionary(anchors.map { ($0.node, $0.url) }, uniquingKeysWith: { first, _ in first })

    /// The page without menus, headers, footers, sidebars and breadcrumbs;
    /// the whole body when that leaves nothing (a page built inside a "menu").
    lazy var main: ContentScope? = body.map { body in
        let lines = body.lines(skipping: boilerplate)
        if lines.isEmpty { return ContentScope(node: body, lines: body.lines, baseURL: baseURL, anchors: anchors) }
        return ContentScope(node: body, lines: lines, baseURL: baseURL, excluding: boilerplateSet, anchors: contentAnchors)
    }

    lazy var footer: ContentScope? = {
        let footers = regions.footers
        guard let last = footers.last else { return nil }
        return ContentScope(node: last, lines: footers.flatMap(\.lines), baseURL: baseURL)
    }()

    /// The footer, else the last `tailLines` lines of the body (a footer no class marks).
    func bottom(tailLines: Int) -> (scope: ContentScope, marked: Bool)? {
        if let footer { return (footer, true) }
        guard let body else { return nil }
        return (ContentScope(node: body, lines: Array(body.lines.suffix(tailLines)), baseURL: baseURL), false)
    }

    /// Resolved URLs of links inside menus and footers, to say where a link
    /// (of `links`, all followable) sits. A followable href resolves as the
    /// document's link extraction resolved it, so its cache answers; the
    /// others resolve to URLs no followable link has.
    lazy var menuURLs: Set<String> = resolved(regions.menuHrefs)
    lazy var footerURLs: Set<String> = resolved(regions.footerHrefs)

    private func resolved(_ hrefs: [String]) -> Set<String> {
        Set(hrefs.compactMap(document.followableURL))
    }

    /// Visible text of a node, read once per page: every entry of a listing
    /// asks for the text of the same containers.
    private var texts: [HTMLNode: String] = [:]

    func text(of node: HTMLNode) -> String {
        if let known = texts[node] { return known }
        let text = node.text
        texts[node] = text
        return text
    }

    /// The name of an image-only link to `url`: its image's title, else the
    /// image file's name ("/images/flag-english.png" → "flag english").
    func imageName(of url: String) -> String? {
        for (node, target) in anchors where target == url && text(of: node).isEmpty {
            for image in node.descendants(named: ["img", "input"]) {
                if let title = image.attribute("title"), !title.isEmpty { return title }
                guard let source = image.attribute("src"), let file = source.split(separator: "/").last else { continue }
                let stem = file.split(separator: "?").first.map { $0.split(separator: ".").first ?? $0 } ?? file
                let name = stem.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
                if !name.isEmpty { return (name.removingPercentEncoding ?? name) }
            }
        }
        return nil
    }

    func place(of link: HTMLLink) -> String {
        if menuURLs.contains(link.url) { return "menu" }
        if footerURLs.contains(link.url) { return "footer" }
        return "link"
    }
}
