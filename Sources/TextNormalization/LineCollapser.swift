/// Cuts UTF-8 text into whitespace-collapsed lines without building
/// Characters: the hot path of reading every page's visible text.
enum LineCollapser {
    /// The non-empty collapsed lines of UTF-8 `bytes`, or nil when the text
    /// needs the general path: invalid UTF-8, a scalar NFC might change, or
    /// a CR (a "\\r\\n" pair is one Character, which splitting on "\\n" keeps whole).
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        collapse(bytes, joining: false)
    }

    /// `lines(of:)` joined with spaces, built as one String; nil as there.
    /// The lines are collapsed and trimmed, so a line break reads as a space.
    static func joinedLines(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        collapse(bytes, joining: true).map { $0.first ?? "" }
    }

    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, joining: Bool) -> [String]? {
        guard !bytes.isEmpty else { return [] }
        // Collapsing never lengthens text: every line is written into one
        // scratch buffer the size of the input, without growing an array per byte.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            collapse(bytes, into: out, joining: joining)
        }
    }

    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                 joining: Bool) -> [String]? {
        var lines: [String] = []
        var written = 0
        var lineStart = 0
        var pendingSpace = false
        // Whether the current line (every line, joining) is ASCII so far: the
        // bytes are checked here, so the Strings are built without validation.
        var ascii = true
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                switch lead {
                case 0x0A where joining:
                    pendingSpace = written > lineStart
                case 0x0A:
                    if written > lineStart {
                        lines.append(CheckedUTF8.string(UnsafeBufferPointer(rebasing: out[lineStart..<written]), isASCII: ascii))
                    }
                    lineStart = written
                    pendingSpace = false
                    ascii = true
                case 0x0D:
                    return nil
                case 0x20, 0x09, 0x0B, 0x0C:
                    pendingSpace = written > lineStart
                default:
                    if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                    out[written] = lead
                    written += 1
                }
                continue
            }
            // Four-byte scalars (and surrogates) are never on the fast path.
            let (value, length, isWellFormed) = UTF8Scalar.decode(bytes, at: index)
            guard isWellFormed, VietnameseText.isComposedFastPath(value) else { return nil }
            switch VietnameseText.kind(of: value) {
            case .space: pendingSpace = written > lineStart
            case .invisible: break
            case .other:
                if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                for offset in 0..<length { out[written + offset] = bytes[index + offset] }
                written += length
                ascii = false
            }
            index += length
        }
        if written > lineStart {
            lines.append(CheckedUTF8.string(UnsafeBufferPointer(rebasing: out[lineStart..<written]), isASCII: ascii))
        }
        return lines
    }
}
