import HTML

/// The regions of a page the detectors read — boilerplate, footers,
/// breadcrumbs, block titles, h1–h3, the body and the anchors with the
/// regions around them — found in one walk of the page's tree.
struct PageRegions {
    /// The region selectors of pages.yaml and the headings, compiled once per rule set.
    struct Selectors {
        fileprivate let set: SelectorSet

        init(pages: PageVocabulary) {
            set = SelectorSet([pages.boilerplate, pages.footer, pages.menu, pages.breadcrumb, pages.blockTitles,
                               ElementSelector(tags: PageRegions.metadataTags)]
                + PageRegions.headingLevels.map { ElementSelector(tags: ["h\($0)"]) })
        }
    }

    /// Positions of the selectors in the set.
    private enum Region: Int {
        case boilerplate, footer, menu, breadcrumb, blockTitle, metadata, firstHeading
    }

    /// Heading levels a page's own title is looked for in.
    private static let headingLevels = 1...3
    /// Elements that carry machine-readable facts: publication dates
    /// (meta, time, JSON-LD scripts) and the canonical link.
    private static let metadataTags = ["meta", "link", "time", "script"]

    let body: HTMLNode?
    /// Menus, headers, footers, sidebars and breadcrumbs.
    let boilerplate: [HTMLNode]
    let footers: [HTMLNode]
    let breadcrumbs: [HTMLNode]
    let blockTitles: [HTMLNode]
    /// meta, link, time and script elements, in document order.
    let metadata: [HTMLNode]
    /// h1, h2 and h3 elements, by level, in document order.
    let headings: [[HTMLNode]]
    /// Anchors with whether the kept boilerplate encloses them.
    private let anchors: [(anchor: DocumentScan.Anchor, inBoilerplate: Bool)]

    init(document: HTMLDocument, selectors: Selectors) {
        let scan = document.scan(selectors.set)
        body = scan.body
        // An <article>'s own <header> or <footer> (WordPress's entry-header
        // with the title and date) is content, not the site's chrome.
        let all = scan.matches[Region.boilerplate.rawValue]
        let kept = all.filter { node in !(Self.sectioningTags.contains(node.name) && Self.isInsideArticle(node)) }
        boilerplate = kept
        footers = scan.matches[Region.footer.rawValue]
        breadcrumbs = scan.matches[Region.breadcrumb.rawValue]
        blockTitles = scan.matches[Region.blockTitle.rawValue]
        metadata = scan.matches[Region.metadata.rawValue]
        headings = Self.headingLevels.map { scan.matches[Region.firstHeading.rawValue + $0 - 1] }
        if kept.count == all.count {
            anchors = scan.anchors.map { ($0, $0.isInside(Region.boilerplate.rawValue)) }
        } else {
            let keptSet = Set(kept)
            anchors = scan.anchors.map { anchor in
                guard anchor.isInside(Region.boilerplate.rawValue) else { return (anchor, false) }
                var current = anchor.node.parent
                while let element = current {
                    if keptSet.contains(element) { return (anchor, true) }
                    current = element.parent
                }
                return (anchor, false)
            }
        }
    }

    private static let sectioningTags: Set<String> = ["header", "footer"]

    private static func isInsideArticle(_ node: HTMLNode) -> Bool {
        node.hasAncestor(named: "article") || node.hasAncestor(named: "main")
    }

    /// Anchors with an href below the body, with whether boilerplate encloses them.
    var bodyAnchors: [(node: HTMLNode, href: String, inBoilerplate: Bool)] {
        anchors.filter(\.anchor.inBody).map { ($0.anchor.node, $0.anchor.href, $0.inBoilerplate) }
    }

    /// Hrefs of the anchors inside a menu.
    var menuHrefs: [String] { hrefs(inside: .menu) }
    /// Hrefs of the anchors inside a footer.
    var footerHrefs: [String] { hrefs(inside: .footer) }

    private func hrefs(inside region: Region) -> [String] {
        anchors.filter { $0.anchor.isInside(region.rawValue) }.map(\.anchor.href)
    }
}
