import CLibXML2

extension HTMLNode {
    /// The text of the element's own text children (not of its child elements),
    /// whitespace collapsed: lets a walk that already visits every element read
    /// each piece of text once, with the state of the element that holds it.
    /// Read for every element of every page, so it is cut on bytes.
    public var ownText: String {
        var raw: [UInt8] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                raw.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                raw.append(32)
            }
            child = current.pointee.next
        }
        guard !raw.isEmpty else { return "" }
        if let collapsed = raw.withUnsafeBufferPointer(WhitespaceWords.joined(utf8:)) { return collapsed }
        return String(decoding: raw, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
