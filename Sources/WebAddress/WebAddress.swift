/// A URL kept as its UTF-8 bytes with the ranges of its parts, split once:
/// `scheme:` `//authority` `path` `?query` `#fragment`. Every delimiter is
/// ASCII, so the split walks bytes, never String indices; a String is made
/// only for what is kept (`description`).
public struct WebAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]
    /// Offset of the first ":" (the end of a scheme when one is there).
    public let colon: Int?
    /// After "//" up to the first "/", "?" or "#"; nil without "//".
    public let authority: Range<Int>?
    public let path: Range<Int>
    /// Without its "?"; nil when there is no "?".
    public let query: Range<Int>?
    /// Without its "#"; nil when there is no "#".
    public let fragment: Range<Int>?

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let end = bytes.count
        let colon = bytes.firstIndex(of: ASCII.colon)
        self.colon = colon
        var position = 0
        if let colon {
            position = colon + 1
            if colon + 2 < end, bytes[colon + 1] == ASCII.slash, bytes[colon + 2] == ASCII.slash {
                let start = colon + 3
                var stop = start
                while stop < end, !ASCII.endsAuthority(bytes[stop]) { stop += 1 }
                authority = start..<stop
                position = stop
            } else {
                authority = nil
            }
        } else {
            authority = nil
        }
        var pathEnd = position
        while pathEnd < end, bytes[pathEnd] != ASCII.question, bytes[pathEnd] != ASCII.hash { pathEnd += 1 }
        path = position..<pathEnd
        if pathEnd < end, bytes[pathEnd] == ASCII.question {
            var queryEnd = pathEnd + 1
            while queryEnd < end, bytes[queryEnd] != ASCII.hash { queryEnd += 1 }
            query = pathEnd + 1..<queryEnd
            pathEnd = queryEnd
        } else {
            query = nil
        }
        fragment = pathEnd < end ? pathEnd + 1..<end : nil
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// The scheme lower-cased when the text starts with a valid one ("HTTP:", "javascript:").
    public var scheme: String? {
        guard let colon, Self.schemeEnd(of: bytes) == colon else { return nil }
        return String(decoding: bytes[..<colon].map(ASCII.lowercased), as: UTF8.self)
    }

    /// `text` lower-cased as `String.lowercased()` does it: by bytes when ASCII.
    public static func lowercased(_ text: ArraySlice<UInt8>) -> [UInt8] {
        ASCII.lowercased(text)
    }

    /// The offset of the ":" ending a valid scheme (a letter, then letters,
    /// digits, "+", "-", "."), or nil.
    public static func schemeEnd<C: Collection<UInt8>>(of text: C) -> Int? {
        var offset = 0
        for byte in text {
            if byte == ASCII.colon { return offset == 0 ? nil : offset }
            let isLetter = ASCII.isLetter(byte)
            let isOther = ASCII.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (offset > 0 && isOther) else { return nil }
            offset += 1
        }
        return nil
    }

    /// The lower-cased scheme of `text` when it starts with one ("javascript:", "HTTP:").
    public static func scheme(of text: String) -> String? {
        scheme(of: text.utf8).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The lower-cased scheme of `text` when it starts with one.
    public static func scheme<C: Collection<UInt8>>(of text: C) -> [UInt8]? {
        schemeEnd(of: text).map { text.prefix($0).map(ASCII.lowercased) }
    }
}

/// ASCII byte classes and case mapping used on every URL byte.
enum ASCII {
    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let question = UInt8(ascii: "?")
    static let hash = UInt8(ascii: "#")
    static let at = UInt8(ascii: "@")
    static let dot = UInt8(ascii: ".")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let equals = UInt8(ascii: "=")
    static let semicolon = UInt8(ascii: ";")

    @inline(__always) static func endsAuthority(_ byte: UInt8) -> Bool {
        byte == slash || byte == question || byte == hash
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    @inline(__always) static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// Lower-cased as `String.lowercased()` does: by bytes when ASCII, else
    /// through String (the few non-ASCII hosts and names keep Unicode's mapping).
    /// Concrete, not generic: called across modules for every link, where a generic would not be specialised.
    static func lowercased(_ text: ArraySlice<UInt8>) -> [UInt8] {
        if text.allSatisfy({ $0 < 0x80 }) { return text.map(lowercased) }
        return Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
    }

    /// Whether `text` equals the lower-case ASCII `word` ignoring ASCII case.
    static func equalsIgnoringCase<C: Collection<UInt8>>(_ text: C, _ word: StaticString) -> Bool {
        guard text.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { buffer in zip(text, buffer).allSatisfy { lowercased($0) == $1 } }
    }
}
