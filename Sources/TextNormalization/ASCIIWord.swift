/// Eight bytes of text read as one word, to pass over runs of ASCII a word
/// at a time (SWAR): text loops otherwise branch on every byte.
public enum ASCIIWord {
    /// The eight bytes at `index` (which must leave eight in `bytes`) when all are ASCII.
    @inlinable
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
        return word & 0x8080_8080_8080_8080 == 0 ? word : nil
    }

    /// Whether an ASCII word holds `byte`: exact for words without high bits.
    @inlinable
    public static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        let zeroed = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (zeroed &- 0x0101_0101_0101_0101) & ~zeroed & 0x8080_8080_8080_8080 != 0
    }

    /// Whether an ASCII word holds a byte below `bound` (at most 0x80): a
    /// control, a space below 0x21.
    @inlinable
    public static func hasByte(below bound: UInt8, in word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Stores the word's eight bytes at `index` of `out`, which must have room.
    @inlinable
    public static func store(_ word: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
        UnsafeMutableRawPointer(out.baseAddress! + index).storeBytes(of: word, as: UInt64.self)
    }
}
