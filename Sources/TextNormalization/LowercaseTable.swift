/// `String.lowercased()` on UTF-8 bytes: ASCII byte by byte, the Latin and
/// Vietnamese letters (U+0080–U+024F, U+1E00–U+1EFF) through a table built
/// once, general punctuation (U+2000–U+206F, no cased letters) as is, and
/// only the rest through the scalar's Unicode properties. Pages are
/// lower-cased whole for matching; `lowercased()` looks up the properties of
/// every non-ASCII scalar and builds a String to be copied into bytes again.
public final class LowercaseTable: Sendable {
    public static let shared = LowercaseTable()

    private static let latin: Range<UInt32> = 0x0080..<0x0250
    private static let vietnamese: Range<UInt32> = 0x1E00..<0x1F00
    private static let punctuation: Range<UInt32> = 0x2000..<0x2070

    /// The lower-case scalar of each scalar of the two ranges, or 0 where
    /// lower-casing gives more than one scalar (U+0130 "İ" → "i̇").
    private let latinLower: [UInt32]
    private let vietnameseLower: [UInt32]

    private init() {
        func build(_ range: Range<UInt32>) -> [UInt32] {
            range.map { value in
                guard let scalar = Unicode.Scalar(value) else { return value }
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars
                return mapping.count == 1 ? mapping.first!.value : 0
            }
        }
        latinLower = build(Self.latin)
        vietnameseLower = build(Self.vietnamese)
    }

    /// The UTF-8 bytes of `text.lowercased()`.
    public func lowercasedUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8(lowercased(utf8:))
    }

    /// Lower-cased valid UTF-8 (a String's bytes).
    public func lowercased(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        lowercase(utf8: bytes, appendingTo: &out)
        return out
    }

    /// Appends the lower-cased bytes of valid UTF-8 to `out`: a caller that
    /// lowers many texts keeps one buffer instead of an array per text.
    public func lowercase(utf8 bytes: UnsafeBufferPointer<UInt8>, appendingTo out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // Runs of ASCII (markup-free text is mostly ASCII) are copied, then lowered in place.
                var end = index + 1
                while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                let start = out.count
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                out.withUnsafeMutableBufferPointer { lowered in
                    for position in start..<lowered.count where lowered[position] &- 0x41 < 26 { lowered[position] |= 0x20 }
                }
                index = end
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<min(length, bytes.count - index) {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            let mapped: UInt32
            if Self.latin.contains(value) {
                mapped = latinLower[Int(value - Self.latin.lowerBound)]
            } else if Self.vietnamese.contains(value) {
                mapped = vietnameseLower[Int(value - Self.vietnamese.lowerBound)]
            } else if Self.punctuation.contains(value) {
                mapped = value
            } else {
                mapped = 0
            }
            if mapped == value {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, bytes.count)]))
            } else if mapped != 0, let scalar = Unicode.Scalar(mapped) {
                Self.append(scalar, to: &out)
            } else if let scalar = Unicode.Scalar(value) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { Self.append(lower, to: &out) }
            }
            index += length
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
