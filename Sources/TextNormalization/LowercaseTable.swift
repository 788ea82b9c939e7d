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
        // Lower-casing grows a scalar by half at most (U+0130 "İ" → "i̇", U+023A
        // "Ⱥ" → "ⱥ": 2 → 3 bytes), so twice the input always fits: the page is
        // written in place instead of growing an array byte by byte.
        let capacity = bytes.count * 2 + Self.slack
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            written = lowercase(bytes, into: out)
        }
    }

    /// Room for one scalar's longest lower-case form past the doubled input.
    private static let slack = 16

    private func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                out[written] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                written += 1
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let end = min(index + length, count)
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<min(length, count - index) {
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
            // The bound holds by the growth above; checked so that no table can write past it.
            precondition(written + Self.slack <= out.count)
            if mapped == value {
                for offset in index..<end { out[written] = bytes[offset]; written += 1 }
            } else if mapped != 0, let scalar = Unicode.Scalar(mapped) {
                Self.append(scalar, to: out, at: &written)
            } else if let scalar = Unicode.Scalar(value) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { Self.append(lower, to: out, at: &written) }
            }
            index += length
        }
        return written
    }

    private static func append(_ scalar: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt8>, at written: inout Int) {
        UTF8.encode(scalar) { out[written] = $0; written += 1 }
    }
}
