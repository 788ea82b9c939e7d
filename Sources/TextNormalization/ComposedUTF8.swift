/// Bytes that are already their own NFC text: valid UTF-8 without NUL whose
/// every scalar is on `VietnameseText.isComposedFastPath` (ASCII, Latin,
/// precomposed Vietnamese letters, punctuation). For such bytes a String
/// would hold the same bytes after validation, repair and composition, so a
/// page can be parsed from them without building one. Checked in one pass,
/// ASCII eight bytes at a time. `VietnameseText.nfc` asks it too: a String
/// that passes is its own NFC.
public enum ComposedUTF8 {
    public static func check(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                guard lead != 0 else { return false }
                index += 1
                // Markup is ASCII: eight bytes at a time while none is high or zero.
                while index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    guard (word | hasZero) & 0x8080_8080_8080_8080 == 0 else { break }
                    index += 8
                }
                continue
            }
            // The fast path's scalars by their first two bytes: U+0080–U+02FF,
            // U+1E00–U+1EFF, U+2000–U+2BFF, U+FE00–U+FFFF. Anything else (other
            // scalars, overlong forms, surrogates, four bytes, stray bytes) is not.
            let second: ClosedRange<UInt8>
            let length: Int
            switch lead {
            case 0xC2...0xCB: (second, length) = (0x80...0xBF, 2)
            case 0xE1: (second, length) = (0xB8...0xBB, 3)
            case 0xE2: (second, length) = (0x80...0xAF, 3)
            case 0xEF: (second, length) = (0xB8...0xBF, 3)
            default: return false
            }
            guard index + length <= count, second.contains(base.load(fromByteOffset: index + 1, as: UInt8.self)),
                  length == 2 || base.load(fromByteOffset: index + 2, as: UInt8.self) & 0xC0 == 0x80 else { return false }
            index += length
        }
        return true
    }
}
