import CLibXML2

/// What one walk over a document finds: the elements of several selectors,
/// the body, and the anchors with the selected elements that enclose them.
/// The detectors ask these of every page; one walk answers them all instead
/// of one XPath evaluation (and one string copy per attribute) per question.
public struct DocumentScan {
    /// The elements of each selector, in document order.
    public let matches: [[HTMLNode]]
    /// The first `body` element, else the root element.
    public let body: HTMLNode?
    /// The `a` elements with an `href`, in document order.
    public let anchors: [Anchor]

    public struct Anchor {
        public let node: HTMLNode
        /// The href as written, entities decoded.
        public let href: String
        /// Below `body`: one of `body.nodes(".//a[@href]")`.
        public let inBody: Bool
        fileprivate let enclosing: UInt64

        /// Whether an element of selector `index` encloses the anchor; the
        /// anchor itself does not count, as in `(selector)//a[@href]`.
        public func isInside(_ index: Int) -> Bool {
            enclosing & (1 << UInt64(index)) != 0
        }
    }
}

/// Selectors made ready for matching libxml2's bytes: each distinct pattern
/// is tested at most once per element, however many selectors share it.
public struct SelectorSet: Sendable {
    /// At most this many selectors: their matches are bits of a word.
    public static let capacity = 63

    fileprivate struct Compiled: Sendable {
        var classContains: [Int]
        var classWords: [Int]
        var idContains: [Int]
        var idEquals: [Int]
    }

    fileprivate let selectors: [Compiled]
    fileprivate let listed: [String: UInt64]
    fileprivate let excepted: [String: UInt64]
    /// What the tag names of at most 8 bytes (nearly all) mean, by packed
    /// name: a page's elements are looked up without building a String.
    fileprivate let packedTags: [UInt64: ScanWalk.Tag]
    fileprivate let classContains: [[UInt8]]
    fileprivate let classWords: [[UInt8]]
    fileprivate let idContains: [[UInt8]]
    fileprivate let idEquals: [[UInt8]]

    public init(_ selectors: [ElementSelector]) {
        precondition(selectors.count <= Self.capacity, "at most \(Self.capacity) selectors")
        var listed: [String: UInt64] = [:]
        var excepted: [String: UInt64] = [:]
        var patterns: [[[UInt8]]] = [[], [], [], []]
        func indices(_ values: [String], _ kind: Int) -> [Int] {
            values.map { value in
                let bytes = Array(value.utf8)
                if let known = patterns[kind].firstIndex(of: bytes) { return known }
                patterns[kind].append(bytes)
                return patterns[kind].count - 1
            }
        }
        var compiled: [Compiled] = []
        for (index, selector) in selectors.enumerated() {
            let bit = UInt64(1) << UInt64(index)
            for tag in selector.tags { listed[tag, default: 0] |= bit }
            for tag in selector.exceptTags { excepted[tag, default: 0] |= bit }
            compiled.append(Compiled(
                classContains: indices(selector.classContains, 0), classWords: indices(selector.classWords, 1),
                idContains: indices(selector.idContains, 2), idEquals: indices(selector.idEquals, 3)))
        }
        self.selectors = compiled
        self.listed = listed
        self.excepted = excepted
        var packedTags: [UInt64: ScanWalk.Tag] = [:]
        for name in Set(listed.keys).union(excepted.keys).union(["a", "body"]) {
            guard let word = TagNames.pack(name) else { continue }
            packedTags[word] = Self.tag(named: name, listed: listed, excepted: excepted)
        }
        self.packedTags = packedTags
        classContains = patterns[0]
        classWords = patterns[1]
        idContains = patterns[2]
        idEquals = patterns[3]
    }
}

extension SelectorSet {
    fileprivate static func tag(named name: String, listed: [String: UInt64], excepted: [String: UInt64]) -> ScanWalk.Tag {
        ScanWalk.Tag(listed: listed[name] ?? 0, excepted: excepted[name] ?? 0, isAnchor: name == "a", isBody: name == "body")
    }

    /// What tag `name` means to a walk; a short name no selector lists means nothing.
    fileprivate func tag(named name: UnsafePointer<xmlChar>) -> ScanWalk.Tag {
        if let word = TagNames.pack(name) { return packedTags[word] ?? ScanWalk.Tag(listed: 0, excepted: 0, isAnchor: false, isBody: false) }
        return Self.tag(named: String(cString: name), listed: listed, excepted: excepted)
    }
}

extension HTMLDocument {
    /// Walks the whole tree once (iteratively: nesting depth is not limited).
    public func scan(_ set: SelectorSet) -> DocumentScan {
        var walk = ScanWalk(set: set, document: self)
        if let doc, let root = xmlDocGetRootElement(doc) { walk.run(from: root) }
        var body = walk.body.map { HTMLNode(document: self, pointer: $0) }
        var anchors = walk.anchors
        if body == nil, let root = self.root {
            // No body: the anchors below the root stand in for the body's.
            body = root
            anchors = anchors.map { anchor in
                DocumentScan.Anchor(node: anchor.node, href: anchor.href, inBody: anchor.node != root,
                                    enclosing: anchor.enclosing)
            }
        }
        return DocumentScan(matches: walk.matches, body: body, anchors: anchors)
    }
}

/// The state of one `scan`.
private struct ScanWalk {
    /// What a tag name means to the walk, read once per distinct name.
    struct Tag: Sendable {
        var listed: UInt64
        var excepted: UInt64
        var isAnchor: Bool
        var isBody: Bool
    }

    let set: SelectorSet
    let document: HTMLDocument
    var matches: [[HTMLNode]]
    var anchors: [DocumentScan.Anchor] = []
    var body: xmlNodePtr?
    /// A direct-mapped table of the tags last read, by name pointer (libxml2
    /// interns a document's names), in front of the set's lookup: hashing
    /// per element showed in profiles of the crawl.
    var recentTags = [(name: UnsafePointer<xmlChar>?, tag: Tag)](
        repeating: (nil, Tag(listed: 0, excepted: 0, isAnchor: false, isBody: false)), count: recentSlots)
    static let recentSlots = 64
    /// Per-element results of the patterns: 0 untested, 1 found, 2 not found.
    var classContainsHits: [UInt8]
    var classWordsHits: [UInt8]
    var idContainsHits: [UInt8]
    var idEqualsHits: [UInt8]
    static let bodyBit = UInt64(1) << 63

    init(set: SelectorSet, document: HTMLDocument) {
        self.set = set
        self.document = document
        matches = Array(repeating: [], count: set.selectors.count)
        classContainsHits = Array(repeating: 0, count: set.classContains.count)
        classWordsHits = Array(repeating: 0, count: set.classWords.count)
        idContainsHits = Array(repeating: 0, count: set.idContains.count)
        idEqualsHits = Array(repeating: 0, count: set.idEquals.count)
    }

    mutating func run(from root: xmlNodePtr) {
        // Enclosing selectors (and the body bit) of the current node's level.
        var enclosing: [UInt64] = [0]
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            if current.pointee.type == XML_ELEMENT_NODE {
                let own = visit(current, enclosing: enclosing[enclosing.count - 1])
                if current.pointee.children != nil {
                    enclosing.append(enclosing[enclosing.count - 1] | own)
                    descend = true
                }
            }
            node = TreeWalk.next(after: current, descend: descend, within: root) { _ in enclosing.removeLast() }
        }
    }

    /// Records the element where it belongs; returns the bits it sets for its descendants.
    private mutating func visit(_ element: xmlNodePtr, enclosing: UInt64) -> UInt64 {
        guard let name = element.pointee.name else { return 0 }
        let tag = self.tag(name)
        var classAttribute: xmlAttrPtr?
        var idAttribute: xmlAttrPtr?
        var hrefAttribute: xmlAttrPtr?
        var attribute = element.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, let attributeName = current.pointee.name {
                // XPath's @class is the first such attribute; the parser drops repeats anyway.
                if classAttribute == nil, Self.equals(attributeName, "class") { classAttribute = current }
                else if idAttribute == nil, Self.equals(attributeName, "id") { idAttribute = current }
                else if tag.isAnchor, hrefAttribute == nil, Self.equals(attributeName, "href") { hrefAttribute = current }
            }
            attribute = current.pointee.next
        }
        var own: UInt64 = 0
        if classAttribute != nil || idAttribute != nil { resetHits() }
        Self.withText(of: classAttribute) { classValue in
            Self.withText(of: idAttribute) { idValue in
                for (index, selector) in set.selectors.enumerated() {
                    let bit = UInt64(1) << UInt64(index)
                    guard tag.excepted & bit == 0 else { continue }
                    if tag.listed & bit != 0 || selects(selector, classValue: classValue, idValue: idValue) {
                        own |= bit
                        matches[index].append(HTMLNode(document: document, pointer: element))
                    }
                }
            }
        }
        if let hrefAttribute {
            let href = Self.withText(of: hrefAttribute) { String(decoding: $0 ?? UnsafeBufferPointer(start: nil, count: 0), as: UTF8.self) }
            anchors.append(DocumentScan.Anchor(
                node: HTMLNode(document: document, pointer: element), href: href,
                inBody: enclosing & Self.bodyBit != 0, enclosing: enclosing))
        }
        if tag.isBody && body == nil {
            body = element
            own |= Self.bodyBit
        }
        return own
    }

    private mutating func selects(_ selector: SelectorSet.Compiled, classValue: UnsafeBufferPointer<UInt8>?,
                                  idValue: UnsafeBufferPointer<UInt8>?) -> Bool {
        if let value = classValue {
            for index in selector.classContains where Self.test(&classContainsHits[index], {
                Self.firstMatch(of: set.classContains[index], in: value, wholeWord: false)
            }) { return true }
            for index in selector.classWords where Self.test(&classWordsHits[index], {
                Self.firstMatch(of: set.classWords[index], in: value, wholeWord: true)
            }) { return true }
        }
        if let value = idValue {
            for index in selector.idContains where Self.test(&idContainsHits[index], {
                Self.firstMatch(of: set.idContains[index], in: value, wholeWord: false)
            }) { return true }
            for index in selector.idEquals where Self.test(&idEqualsHits[index], {
                value.elementsEqual(set.idEquals[index])
            }) { return true }
        }
        return false
    }

    private static func test(_ hit: inout UInt8, _ compute: () -> Bool) -> Bool {
        if hit == 0 { hit = compute() ? 1 : 2 }
        return hit == 1
    }

    private mutating func resetHits() {
        for index in classContainsHits.indices { classContainsHits[index] = 0 }
        for index in classWordsHits.indices { classWordsHits[index] = 0 }
        for index in idContainsHits.indices { idContainsHits[index] = 0 }
        for index in idEqualsHits.indices { idEqualsHits[index] = 0 }
    }

    /// Whether `pattern` occurs in `value`; with `wholeWord`, only between
    /// spaces or the ends (XPath's `contains(concat(' ',@class,' '),' x ')`).
    private static func firstMatch(of pattern: [UInt8], in value: UnsafeBufferPointer<UInt8>, wholeWord: Bool) -> Bool {
        let length = pattern.count
        guard length > 0, value.count >= length else { return false }
        let first = pattern[0]
        var start = 0
        while start + length <= value.count {
            if value[start] == first {
                var offset = 1
                while offset < length && value[start + offset] == pattern[offset] { offset += 1 }
                if offset == length {
                    let end = start + length
                    if !wholeWord || ((start == 0 || value[start - 1] == 0x20) && (end == value.count || value[end] == 0x20)) {
                        return true
                    }
                }
            }
            start += 1
        }
        return false
    }

    private mutating func tag(_ name: UnsafePointer<xmlChar>) -> Tag {
        let address = UInt(bitPattern: name)
        let slot = Int(truncatingIfNeeded: (address >> 4 ^ address >> 10) & UInt(Self.recentSlots - 1))
        if recentTags[slot].name == name { return recentTags[slot].tag }
        let found = set.tag(named: name)
        recentTags[slot] = (name, found)
        return found
    }

    /// The attribute's text (nil without the attribute): its single text
    /// node in place, else its text nodes joined.
    private static func withText<Result>(of attribute: xmlAttrPtr?,
                                         _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard let attribute else { return body(nil) }
        let child = attribute.pointee.children
        if child == nil || child?.pointee.next == nil {
            guard let content = child?.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        var joined: [UInt8] = []
        var node = child
        while let text = node {
            if var pointer = text.pointee.content {
                while pointer.pointee != 0 {
                    joined.append(pointer.pointee)
                    pointer += 1
                }
            }
            node = text.pointee.next
        }
        return joined.withUnsafeBufferPointer { body($0) }
    }

    private static func equals(_ name: UnsafePointer<xmlChar>, _ wanted: StaticString) -> Bool {
        let bytes = wanted.utf8Start
        for index in 0..<wanted.utf8CodeUnitCount where name[index] != bytes[index] { return false }
        return name[wanted.utf8CodeUnitCount] == 0
    }
}
