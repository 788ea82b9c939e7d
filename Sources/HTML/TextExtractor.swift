import CLibXML2
import TextNormalization

/// Walks a subtree and collects what a reader sees. Iterative (no recursion),
/// so hostile nesting cannot exhaust the stack.
enum TextExtractor {
    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
    /// Elements that start and end a line.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "select", "center", "frameset", "body",
    ]

    /// Lines of visible text below `start`, each whitespace-collapsed, none empty.
    static func lines(of start: xmlNodePtr, skipping skipped: Set<xmlNodePtr> = []) -> [String] {
        rawText(of: start, skipping: skipped).withUnsafeBufferPointer(VietnameseText.lines(utf8:))
    }

    /// `lines(of:)` joined with spaces, as one String.
    static func text(of start: xmlNodePtr) -> String {
        rawText(of: start, skipping: []).withUnsafeBufferPointer(VietnameseText.joinedLines(utf8:))
    }

    /// The visible text below `start` as written, a line break ("\n") around each block.
    private static func rawText(of start: xmlNodePtr, skipping skipped: Set<xmlNodePtr>) -> [UInt8] {
        var raw: [UInt8] = []
        var node: xmlNodePtr? = start
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    // Line breaks inside text are spaces; lines come from blocks.
                    let from = raw.count
                    raw.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                    for index in from..<raw.count where raw[index] == 10 || raw[index] == 13 { raw[index] = 32 }
                }
            case XML_ELEMENT_NODE:
                let kind = self.kind(of: current)
                // A hidden subtree is skipped whole.
                guard current == start || (kind != .hidden && (skipped.isEmpty || !skipped.contains(current))) else { break }
                if kind == .block { raw.append(10) }
                if current.pointee.children != nil {
                    descend = true
                } else if kind == .block {
                    raw.append(10)
                }
            default:
                break
            }
            // A block ends its line when the walk leaves it.
            node = TreeWalk.next(after: current, descend: descend, within: start) { parent in
                if parent.pointee.type == XML_ELEMENT_NODE, kind(of: parent) == .block { raw.append(10) }
            }
        }
        return raw
    }

    static func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    enum Kind { case hidden, block, inline }

    /// Kinds by packed tag name: no String is built for an element, however
    /// many texts a page asks for.
    private static let packedKinds: [UInt64: Kind] = {
        var kinds: [UInt64: Kind] = [:]
        for name in blocks { if let word = TagNames.pack(name) { kinds[word] = .block } }
        for name in hidden { if let word = TagNames.pack(name) { kinds[word] = .hidden } }
        return kinds
    }()

    static func kind(of node: xmlNodePtr) -> Kind {
        guard let name = node.pointee.name else { return .inline }
        if let word = TagNames.pack(name) { return packedKinds[word] ?? .inline }
        let long = String(cString: name)
        return hidden.contains(long) ? .hidden : blocks.contains(long) ? .block : .inline
    }
}
