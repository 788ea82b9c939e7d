import TextNormalization

/// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` on UTF-8
/// bytes, for text whose scalars cannot join a grapheme with their
/// neighbours: ASCII, Latin (below U+0300), precomposed Vietnamese letters
/// (U+1E00–U+1EFF) and the White_Space scalars. There every scalar is its own
/// Character, so the answer is the same without building Characters.
enum WhitespaceWords {
    /// Nil when the text needs the Character path (other scalars, invalid UTF-8).
    static func joined(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return "" }
        // Collapsing never lengthens text: write into a scratch buffer the size
        // of the input instead of growing an array byte by byte.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            // The bytes written are checked scalar by scalar: no second validation.
            collapse(bytes, into: out).map { CheckedUTF8.string(UnsafeBufferPointer(rebasing: out[..<$0.count]), isASCII: $0.ascii) }
        }
    }

    /// The count of collapsed bytes written to `out` and whether they are all
    /// ASCII; nil for the Character path.
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>,
                                 into out: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, ascii: Bool)? {
        var written = 0
        var ascii = true
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                    pendingSpace = written > 0
                } else {
                    if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                    out[written] = lead
                    written += 1
                }
                continue
            }
            // Four-byte scalars (and surrogates) are in neither range below.
            let (value, length, isWellFormed) = UTF8Scalar.decode(bytes, at: index)
            guard isWellFormed else { return nil }
            if isWhiteSpace(value) {
                pendingSpace = written > 0
            } else {
                guard value < 0x0300 || (value >= 0x1E00 && value <= 0x1EFF) else { return nil }
                if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                for offset in 0..<length { out[written + offset] = bytes[index + offset] }
                written += length
                ascii = false
            }
            index += length
        }
        return (written, ascii)
    }

    /// The non-ASCII scalars of Unicode's White_Space property (`Character.isWhitespace`).
    private static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
