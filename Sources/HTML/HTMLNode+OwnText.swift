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

/// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` on UTF-8
/// bytes, for text whose scalars cannot join a grapheme with their
/// neighbours: ASCII, Latin (below U+0300), precomposed Vietnamese letters
/// (U+1E00–U+1EFF) and the White_Space scalars. There every scalar is its own
/// Character, so the answer is the same without building Characters.
enum WhitespaceWords {
    /// Nil when the text needs the Character path (other scalars, invalid UTF-8).
    static func joined(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(lead)
                }
                continue
            }
            guard lead >= 0xC2 && lead < 0xF0 else { return nil }
            let length = lead >= 0xE0 ? 3 : 2
            guard index + length <= count else { return nil }
            var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            guard length == 2 || value >= 0x800 else { return nil }
            if isWhiteSpace(value) {
                pendingSpace = !out.isEmpty
            } else {
                guard value < 0x0300 || (value >= 0x1E00 && value <= 0x1EFF) else { return nil }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            }
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The non-ASCII scalars of Unicode's White_Space property (`Character.isWhitespace`).
    private static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
