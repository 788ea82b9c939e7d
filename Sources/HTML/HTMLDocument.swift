import CLibXML2
import Synchronization
import TextNormalization
import WebAddress

/// A parsed HTML page. Owns the libxml2 tree; nodes handed out keep the
/// document alive, so the tree is freed exactly once, when the last user goes.
///
/// Sendable because nothing changes the tree after parsing: libxml2 reads of
/// one tree from several threads are safe, each XPath evaluation has its own
/// context, and the caches of derived values sit behind a mutex.
public final class HTMLDocument: @unchecked Sendable {
    let doc: htmlDocPtr?
    public let url: String

    /// Parses UTF-8 text leniently (recovering from malformed markup).
    /// NUL bytes are dropped (libxml2 would stop at them) and NFD text is
    /// composed first so that every string read back is NFC. Depth is not
    /// limited: the tree walks here are iterative, and bodies are capped by Fetch.
    /// libxml2 must be initialised once before documents are parsed on
    /// several threads.
    private static let libraryReady: Void = xmlInitParser()

    /// - Parameter isNFC: the caller vouches for NFC (Fetch's decoded text
    ///   is): a second check of every page's bytes is spared.
    public init(html: String, url: String, isNFC: Bool = false) {
        Self.libraryReady
        self.url = url
        var text = isNFC ? html : VietnameseText.nfc(html)
        if text.withUTF8({ $0.contains(0) }) { text.removeAll { $0 == "\0" } }
        // Parsed from the String's own bytes: no copy of the page.
        doc = text.withUTF8 { Self.parse(UnsafeRawBufferPointer($0), url: url) }
    }

    /// Parses bytes the caller vouches are valid UTF-8, NFC and without NUL
    /// (Fetch's `ComposedUTF8` pages): the same tree as `init(html:)` of
    /// their String, without building it.
    public init(composedUTF8 bytes: UnsafeRawBufferPointer, url: String) {
        Self.libraryReady
        self.url = url
        doc = Self.parse(bytes, url: url)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, url: String) -> htmlDocPtr? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            // Without it libxml2 stops at 256 levels of nesting and drops the rest of the page.
            | XML_PARSE_HUGE.rawValue)
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return htmlReadMemory("<html></html>", 13, url, "UTF-8", options)
        }
        return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), url, "UTF-8", options)
    }

    deinit {
        if let doc { xmlFreeDoc(doc) }
    }

    /// The root element, if the parser produced one.
    public var root: HTMLNode? {
        guard let doc, let element = xmlDocGetRootElement(doc) else { return nil }
        return HTMLNode(document: self, pointer: element)
    }

    /// Elements named one of `names` in document order, the root included:
    /// `//a|//b` walked natively, without an XPath context per question.
    public func elements(named names: Set<String>) -> [HTMLNode] {
        guard let root else { return [] }
        return (names.contains(root.name) ? [root] : []) + root.descendants(named: names)
    }

    /// Evaluates an XPath expression against the whole document.
    /// An invalid expression yields no nodes.
    public func nodes(_ xpath: String) -> [HTMLNode] {
        evaluate(xpath, from: nil)
    }

    func evaluate(_ xpath: String, from node: xmlNodePtr?) -> [HTMLNode] {
        guard let doc, let context = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(context) }
        // Silence libxml2's default error printing for bad expressions.
        context.pointee.error = { _, _ in }
        if let node { context.pointee.node = node }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0,
              let table = set.pointee.nodeTab else { return [] }
        var found: [HTMLNode] = []
        found.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            if let pointer = table[index], pointer.pointee.type == XML_ELEMENT_NODE {
                found.append(HTMLNode(document: self, pointer: pointer))
            }
        }
        return found
    }

    /// `<base href>` resolved against the document URL, else the document URL.
    /// Read once per document: links, the meta refresh, the pager and
    /// the detectors all ask for it.
    public var baseURL: String {
        if let known = caches.withLock({ $0.base }) { return known }
        var base = url
        if let href = elements(named: ["base"]).lazy.compactMap({ $0.attribute("href") }).first,
           let resolved = URLResolver.resolve(href, against: url) {
            base = resolved
        }
        caches.withLock { $0.base = base }
        return base
    }

    /// Values derived from the tree, kept once computed.
    private struct Caches {
        var base: String?
        /// `base` parsed once for every href's resolution (nil inside: no usable base).
        var resolutionBase: WebAddress??
        var followable: [String: String?] = [:]
        var links: [HTMLLink]?
    }

    private let caches = Mutex(Caches())

    /// `URLResolver.followable(href, against: baseURL)`, read once per href:
    /// the links, the detectors and the pager resolve the same hrefs.
    public func followableURL(_ href: String) -> String? {
        if let known = caches.withLock({ $0.followable[href] }) { return known }
        let base: WebAddress?
        if let known = caches.withLock({ $0.resolutionBase }) {
            base = known
        } else {
            base = WebAddress.resolutionBase(baseURL)
            caches.withLock { $0.resolutionBase = .some(base) }
        }
        let url = WebAddress.followable(href, against: base)?.description
        caches.withLock { $0.followable[href] = url }
        return url
    }

    /// The `<title>` text, whitespace collapsed; nil when missing or empty.
    public var title: String? {
        guard let node = elements(named: ["title"]).first else { return nil }
        let text = node.text
        return text.isEmpty ? nil : text
    }

    /// Headings h1…h6 in document order.
    public var headings: [HTMLHeading] {
        nodes("//h1|//h2|//h3|//h4|//h5|//h6").compactMap { node in
            guard let level = Int(node.name.dropFirst()) else { return nil }
            let text = node.text
            return text.isEmpty ? nil : HTMLHeading(level: level, text: text)
        }
    }

    /// The text a reader sees in the body: script, style, noscript and
    /// template are skipped, block boundaries become newlines.
    public func visibleText() -> String {
        guard let body = nodes("//body").first ?? root else { return "" }
        return TextExtractor.lines(of: body.pointer).joined(separator: "\n")
    }

    /// The target of `<meta http-equiv="refresh" content="N; url=…">`,
    /// resolved against the base URL.
    public var metaRefresh: String? {
        LinkExtractor.metaRefresh(in: self)
    }

    /// Links a crawler can follow, resolved against the base URL. Read once
    /// per document: the crawl and the detectors both ask for them.
    public func links() -> [HTMLLink] {
        if let known = caches.withLock({ $0.links }) { return known }
        let found = LinkExtractor.links(in: self)
        caches.withLock { $0.links = found }
        return found
    }

    /// Anchors whose only target is script (`javascript:…`, or `#` with an
    /// onclick handler): the sign of a pager a crawler cannot follow.
    public func scriptLinks() -> [HTMLLink] {
        LinkExtractor.scriptLinks(in: self)
    }
}
