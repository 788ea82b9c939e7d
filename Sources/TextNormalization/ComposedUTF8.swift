/// Bytes that are already their own NFC text: valid UTF-8 without NUL whose
/// every scalar is on `VietnameseText.nfc`'s fast path (ASCII, Latin,
/// precomposed Vietnamese letters, punctuation). For such bytes a String
/// would hold the same bytes after validation, repair and composition, so a
/// page can be parsed from them without building one. Checked in one pass,
/// ASCII eight bytes at a time.
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
            func continuation(_ offset: Int) -> UInt32? {
                guard index + offset < count else { return nil }
                let byte = base.load(fromByteOffset: index + offset, as: UInt8.self)
                return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
            }
            let value: UInt32
            if lead >= 0xC2 && lead <= 0xDF {
                guard let second = continuation(1) else { return false }
                value = UInt32(lead & 0x1F) << 6 | second
                index += 2
            } else if lead >= 0xE0 && lead <= 0xEF {
                guard let second = continuation(1), let third = continuation(2) else { return false }
                value = UInt32(lead & 0x0F) << 12 | second << 6 | third
                // Overlong forms and UTF-16 surrogates are invalid.
                guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return false }
                index += 3
            } else {
                // Four-byte scalars are never on the fast path; other leads are invalid.
                return false
            }
            guard VietnameseText.isComposedFastPath(value) else { return false }
        }
        return true
    }
}
