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

    /// Lower-cased valid UTF-8 (a String's bytes), written into one buffer
    /// of its final size: ASCII eight bytes at a time, the other scalars
    /// through the tables. Lower case takes at most 3/2 of the bytes (a
    /// 2-byte capital whose small letter takes 3, "İ" → "i̇"); a text that
    /// would need more is lowered by `appending`.
    public func lowercased(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = bytes.count
        let capacity = count + count / 2 + 16
        var complete = true
        let lowered = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            written = 0
            guard let source = bytes.baseAddress, let base = out.baseAddress else { return }
            var index = 0
            var at = 0
            while index < count {
                let lead = source[index]
                if lead < 0x80 {
                    if index + 8 <= count, at + 8 <= capacity {
                        let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            // Bit 7 of each byte from "A" up, and of each from "[" up: capitals are the difference.
                            let capitals = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                            UnsafeMutableRawPointer(base + at).storeBytes(of: word | (capitals >> 2), as: UInt64.self)
                            index += 8
                            at += 8
                            continue
                        }
                    }
                    guard at < capacity else { complete = false; return }
                    base[at] = lead &- 0x41 < 26 ? lead | 0x20 : lead
                    index += 1
                    at += 1
                    continue
                }
                guard at + 12 <= capacity else { complete = false; return }
                let (value, length, _) = UTF8Scalar.decode(bytes, at: index)
                let mapped = lowercase(of: value)
                if mapped == value {
                    for offset in 0..<length { base[at + offset] = source[index + offset] }
                    at += length
                } else if mapped != 0 {
                    if let scalar = Unicode.Scalar(mapped) {
                        UTF8.encode(scalar) { byte in
                            base[at] = byte
                            at += 1
                        }
                    }
                } else if let scalar = Unicode.Scalar(value) {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        guard at + 4 <= capacity else { complete = false; return }
                        UTF8.encode(lower) { byte in
                            base[at] = byte
                            at += 1
                        }
                    }
                }
                index += length
            }
            written = at
        }
        if complete { return lowered }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        appending(utf8: bytes, to: &out)
        return out
    }

    /// The table's lower case of a scalar: itself when lowering keeps it,
    /// 0 when the scalar's properties decide (outside the tables, or several scalars).
    private func lowercase(of value: UInt32) -> UInt32 {
        if Self.latin.contains(value) { return latinLower[Int(value - Self.latin.lowerBound)] }
        if Self.vietnamese.contains(value) { return vietnameseLower[Int(value - Self.vietnamese.lowerBound)] }
        if Self.punctuation.contains(value) { return value }
        return 0
    }

    /// The general loop: appends as it goes, for text `lowercased` cannot size.
    private func appending(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                out.append(lead &- 0x41 < 26 ? lead | 0x20 : lead)
                index += 1
                continue
            }
            let (value, length, _) = UTF8Scalar.decode(bytes, at: index)
            let mapped = lowercase(of: value)
            if mapped == value {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
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
