/// Character counts read from UTF-8 bytes where every scalar is its own
/// Character: Unicode's grapheme rules join nothing among ASCII without CR,
/// U+0080–U+02FF, the precomposed Vietnamese letters (U+1E00–U+1EFF) and
/// general punctuation other than ZWNJ and ZWJ (U+2000–U+206F). Counting
/// Characters walks grapheme breaks, costly on every line of every page.
public enum CharacterCount {
    /// Whether `bytes` (valid UTF-8) hold more than `limit` Characters; nil
    /// when a scalar or a CR asks for grapheme breaking.
    public static func exceeds(_ limit: Int, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var scalars = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return nil }
                index += 1
            } else {
                // Valid bytes: four-byte scalars are not own Characters.
                let (value, length, _) = UTF8Scalar.decode(bytes, at: index)
                guard isOwnCharacter(value) else { return nil }
                index += length
            }
            scalars += 1
            if scalars > limit { return true }
        }
        return false
    }

    public static func isOwnCharacter(_ value: UInt32) -> Bool {
        value < 0x0300 || (value >= 0x1E00 && value <= 0x1EFF)
            || (value >= 0x2000 && value <= 0x206F && value != 0x200C && value != 0x200D)
    }
}
