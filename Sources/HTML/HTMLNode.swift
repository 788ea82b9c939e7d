import CLibXML2

/// An element of an `HTMLDocument`. Holds its document, so it stays valid
/// as long as it is used.
public struct HTMLNode {
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// Lower-case tag name (the HTML parser lower-cases tags).
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The attribute value with entities decoded, or nil when absent.
    public func attribute(_ name: String) -> String? {
        attribute(AttributeName(name))
    }

    /// All attributes, names lower-cased.
    public var attributes: [String: String] {
        var result: [String: String] = [:]
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name {
                let key = String(cString: attributeName).lowercased()
                result[key] = self.attribute(key)
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// Visible text of the subtree on one line, whitespace collapsed.
    public var text: String {
        TextExtractor.text(of: pointer)
    }

    /// The raw text of the element's own text children, as written: the
    /// content of a `script` (JSON-LD) that visible text leaves out.
    public var rawText: String {
        String(decoding: ownTextBytes(between: nil), as: UTF8.self)
    }

    /// The text of the element's own text children (not of its child elements),
    /// whitespace collapsed: lets a walk that already visits every element read
    /// each piece of text once, with the state of the element that holds it.
    public var ownText: String {
        // Most elements hold one piece of text: cut it where libxml2 keeps it, without
        // a copy (the separator a copy would end with is whitespace the cut drops).
        if let only = onlyTextChild, let collapsed = WhitespaceWords.joined(utf8: only) { return collapsed }
        let bytes = ownTextBytes(between: 32)
        guard !bytes.isEmpty else { return "" }
        // Read for every element of every page: cut on bytes when that gives the same answer.
        if let collapsed = bytes.withUnsafeBufferPointer(WhitespaceWords.joined(utf8:)) { return collapsed }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The bytes of the element's one text (or CDATA) child, read in place;
    /// nil when it has none or several.
    private var onlyTextChild: UnsafeBufferPointer<UInt8>? {
        var found: UnsafeBufferPointer<UInt8>?
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                guard found == nil, let content = current.pointee.content else { return nil }
                found = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
            }
            child = current.pointee.next
        }
        return found
    }

    /// The bytes of the own text children, `separator` after each when given.
    private func ownTextBytes(between separator: UInt8?) -> [UInt8] {
        var bytes: [UInt8] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                if let separator { bytes.append(separator) }
            }
            child = current.pointee.next
        }
        return bytes
    }

    /// Visible text of the subtree, one line per block.
    public var lines: [String] {
        TextExtractor.lines(of: pointer)
    }

    /// Visible text lines of the subtree without the given descendants
    /// (e.g. menus and footers, to read only the main content).
    public func lines(skipping skipped: [HTMLNode]) -> [String] {
        TextExtractor.lines(of: pointer, skipping: Set(skipped.map(\.pointer)))
    }

    /// XPath relative to this node (".//tr").
    public func nodes(_ xpath: String) -> [HTMLNode] {
        document.evaluate(xpath, from: pointer)
    }

    /// Descendant elements (not the node itself) named one of `names`, in
    /// document order, without those below an element of `pruned`: the
    /// nodes of `.//x` that are not among `(pruned)//x`. Native, so cheaper
    /// than the XPath: no libxml2 context or node set per call.
    public func descendants(named names: Set<String>, notBelow pruned: Set<HTMLNode> = []) -> [HTMLNode] {
        if !pruned.isEmpty {
            var current: HTMLNode? = self
            while let element = current {
                if pruned.contains(element) { return [] }
                current = element.parent
            }
        }
        let wanted = TagNames(names)
        var found: [HTMLNode] = []
        var node = pointer.pointee.children
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE {
                if wanted.contains(current) { found.append(HTMLNode(document: document, pointer: current)) }
                descend = current.pointee.children != nil
                    && (pruned.isEmpty || !pruned.contains(HTMLNode(document: document, pointer: current)))
            }
            node = TreeWalk.next(after: current, descend: descend, within: pointer)
        }
        return found
    }

    /// The first `limit` elements after this node in document order, its
    /// descendants excepted: XPath's `following::*[position() <= limit]`.
    public func following(limit: Int) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var node = Self.nextOutside(pointer)
        while let current = node, found.count < limit {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(HTMLNode(document: document, pointer: current)) }
            node = current.pointee.children ?? Self.nextOutside(current)
        }
        return found
    }

    /// The nearest `limit` elements before this node, nearest first, its
    /// ancestors excepted: `preceding::*[position() <= limit]` read outwards.
    public func preceding(limit: Int) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var node = pointer
        var ancestor = pointer.pointee.parent
        // libxml2's walk: a previous sibling's last descendant, else the
        // parent unless it is an ancestor of this node.
        walk: while found.count < limit {
            if let previous = node.pointee.prev, previous.pointee.type == XML_DTD_NODE { node = previous }
            while node.pointee.prev == nil {
                guard let parent = node.pointee.parent, !Self.isDocument(parent) else { break walk }
                node = parent
                if node != ancestor {
                    if node.pointee.type == XML_ELEMENT_NODE { found.append(HTMLNode(document: document, pointer: node)) }
                    continue walk
                }
                ancestor = node.pointee.parent
            }
            node = node.pointee.prev!
            while let last = node.pointee.last { node = last }
            if node.pointee.type == XML_ELEMENT_NODE { found.append(HTMLNode(document: document, pointer: node)) }
        }
        return found
    }

    /// The node after `node`'s subtree in document order, within the document.
    private static func nextOutside(_ node: xmlNodePtr) -> xmlNodePtr? {
        var current = node
        while true {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent, !isDocument(parent) else { return nil }
            current = parent
        }
    }

    private static func isDocument(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_DOCUMENT_NODE || node.pointee.type == XML_HTML_DOCUMENT_NODE
    }

    /// Whether an ancestor is named `name`.
    public func hasAncestor(named name: String) -> Bool {
        var up = pointer.pointee.parent
        while let current = up, current.pointee.type == XML_ELEMENT_NODE {
            if TextExtractor.elementName(current) == name { return true }
            up = current.pointee.parent
        }
        return false
    }

    /// Whether `other` is below this node.
    public func isAncestor(of other: HTMLNode) -> Bool {
        var up = other.pointer.pointee.parent
        while let current = up {
            if current == pointer { return true }
            up = current.pointee.parent
        }
        return false
    }

    /// Element children named one of `names`, in order: `./a|./b`.
    public func children(named names: Set<String>) -> [HTMLNode] {
        let wanted = TagNames(names)
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, wanted.contains(current) {
                result.append(HTMLNode(document: document, pointer: current))
            }
            child = current.pointee.next
        }
        return result
    }

    /// Element children in order.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(HTMLNode(document: document, pointer: current))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The parent element, nil at the root.
    public var parent: HTMLNode? {
        guard let up = pointer.pointee.parent, up.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(document: document, pointer: up)
    }

}

/// Identity is the element itself (within its document).
extension HTMLNode: Hashable {
    public static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool {
        lhs.pointer == rhs.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pointer)
    }
}
