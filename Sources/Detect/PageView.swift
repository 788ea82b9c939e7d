import Foundation
import HTML

/// One fetched page as the detectors see it while it is being consumed.
/// Derived parts are computed once, on first use, and dropped with the page.
final class PageView {
    let input: PageInput
    let document: HTMLDocument
    let rules: RuleSet
    let key: String

    init(input: PageInput, document: HTMLDocument, rules: RuleSet, key: String) {
        self.input = input
        self.document = document
        self.rules = rules
        self.key = key
    }

    lazy var baseURL: String = document.baseURL
    lazy var title: String? = document.title
    lazy var links: [HTMLLink] = document.links()
    lazy var body: HTMLNode? = document.nodes("//body").first ?? document.root

    /// Followable anchors of the body with their resolved URLs.
    lazy var anchors: [(node: HTMLNode, url: String)] = (body?.nodes(".//a[@href]") ?? []).compactMap { node in
        guard let href = node.attribute("href"), let url = URLResolver.followable(href, against: baseURL) else { return nil }
        return (node, url)
    }

    /// Menus, headers, footers, sidebars and breadcrumbs.
    lazy var boilerplate: [HTMLNode] = document.nodes(rules.pages.boilerplateXPath)

    /// The page's own title element: the first h1 (else h2, h3) outside the
    /// boilerplate — a logo in the header is often an h1 too.
    lazy var heading: HTMLNode? = {
        let excluded = Set(boilerplate)
        func outside(_ node: HTMLNode) -> Bool {
            var current: HTMLNode? = node
            while let element = current {
                if excluded.contains(element) { return false }
                current = element.parent
            }
            return true
        }
        for level in ["//h1", "//h2", "//h3"] {
            if let found = document.nodes(level).first(where: outside) { return found }
        }
        return nil
    }()

    /// Resolved URL of each followable anchor.
    lazy var anchorURLs: [HTMLNode: String] = Dictionary(anchors.map { ($0.node, $0.url) }, uniquingKeysWith: { first, _ in first })

    /// The page without menus, headers, footers, sidebars and breadcrumbs;
    /// the whole body when that leaves nothing (a page built inside a "menu").
    lazy var main: ContentScope? = body.map { body in
        let lines = body.lines(skipping: boilerplate)
        if lines.isEmpty { return ContentScope(node: body, lines: body.lines, baseURL: baseURL, resolved: anchors) }
        return ContentScope(node: body, lines: lines, baseURL: baseURL, excluding: boilerplate, resolved: anchors)
    }

    lazy var footer: ContentScope? = {
        let footers = document.nodes(rules.pages.footerXPath)
        guard let last = footers.last else { return nil }
        return ContentScope(node: last, lines: footers.flatMap(\.lines), baseURL: baseURL)
    }()

    /// Resolved URLs of links inside menus and footers, to say where a link sits.
    lazy var menuURLs: Set<String> = urls(under: rules.pages.menuXPath)
    lazy var footerURLs: Set<String> = urls(under: rules.pages.footerXPath)

    private func urls(under xpath: String) -> Set<String> {
        Set(document.nodes("(\(xpath))//a[@href]").compactMap { node in
            node.attribute("href").flatMap { URLResolver.resolve($0, against: baseURL) }
        })
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

    func place(of link: HTMLLink) -> String {
        if menuURLs.contains(link.url) { return "menu" }
        if footerURLs.contains(link.url) { return "footer" }
        return "link"
    }
}
