/// The one reading of a scalar from UTF-8 bytes, shared by the loops that
/// walk a page's text by hand (lower-casing, folding, counting, collapsing).
public enum UTF8Scalar {
    /// The scalar that starts at `index` (below `bytes.count`), the number of
    /// bytes it takes (what its lead announces, cut at the end of the bytes),
    /// and whether it is well formed as UTF-8 validation has it (continuation
    /// bytes there and marked, no overlong form, no surrogate, nothing past
    /// U+10FFFF). Valid UTF-8 (a String's bytes) reads exactly; other bytes
    /// read as some value, never past the end. Two and three bytes (Latin and
    /// Vietnamese letters, punctuation) are read without a loop: the hot case.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int)
        -> (value: UInt32, length: Int, isWellFormed: Bool) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1, true) }
        let left = bytes.count - index
        if lead < 0xE0, left >= 2 {
            let second = bytes[index + 1]
            return (UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F), 2, lead >= 0xC2 && second & 0xC0 == 0x80)
        }
        if lead < 0xF0, lead >= 0xE0, left >= 3 {
            let second = bytes[index + 1], third = bytes[index + 2]
            let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            let isMarked = second & 0xC0 == 0x80 && third & 0xC0 == 0x80
            return (value, 3, isMarked && value >= 0x800 && (value < 0xD800 || value > 0xDFFF))
        }
        // Four bytes, or a scalar cut by the end of the bytes.
        let announced = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let length = min(announced, left)
        var value = UInt32(lead) & (announced == 4 ? 0x07 : announced == 3 ? 0x0F : 0x1F)
        var isMarked = true
        for offset in 1..<max(1, length) {
            let byte = bytes[index + offset]
            isMarked = isMarked && byte & 0xC0 == 0x80
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length, isMarked && length == 4 && lead <= 0xF4 && value >= 0x1_0000 && value <= 0x10_FFFF)
    }
}
