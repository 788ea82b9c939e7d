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
    private let anchors: [DocumentScan.Anchor]

    init(document: HTMLDocument, selectors: Selectors) {
        let scan = document.scan(selectors.set)
        body = scan.body
        boilerplate = scan.matches[Region.boilerplate.rawValue]
        footers = scan.matches[Region.footer.rawValue]
        breadcrumbs = scan.matches[Region.breadcrumb.rawValue]
        blockTitles = scan.matches[Region.blockTitle.rawValue]
        metadata = scan.matches[Region.metadata.rawValue]
        headings = Self.headingLevels.map { scan.matches[Region.firstHeading.rawValue + $0 - 1] }
        anchors = scan.anchors
    }

    /// Anchors with an href below the body, with whether boilerplate encloses them.
    var bodyAnchors: [(node: HTMLNode, href: String, inBoilerplate: Bool)] {
        anchors.filter(\.inBody).map { ($0.node, $0.href, $0.isInside(Region.boilerplate.rawValue)) }
    }

    /// Hrefs of the anchors inside a menu.
    var menuHrefs: [String] { hrefs(inside: .menu) }
    /// Hrefs of the anchors inside a footer.
    var footerHrefs: [String] { hrefs(inside: .footer) }

    private func hrefs(inside region: Region) -> [String] {
        anchors.filter { $0.isInside(region.rawValue) }.map(\.href)
    }
}
