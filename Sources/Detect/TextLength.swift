import Foundation
import TextNormalization

extension StringProtocol {
    /// `count > limit` without counting a long text to its end: Character
    /// counting walks grapheme clusters, costly on a whole page's text, so
    /// text whose scalars are all Characters is counted on its bytes.
    func isLonger(than limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        if let answer = utf8.withContiguousStorageIfAvailable({ TextLength.isLonger($0, than: limit) }), let answer { return answer }
        guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex) else { return false }
        return end != endIndex
    }
}

enum TextLength {
    /// `isLonger` on valid UTF-8; nil when only grapheme breaking can tell.
    /// A Character holds at least one scalar, so at most `limit` scalars is
    /// never longer: the usual line answers from one count of lead bytes,
    /// which the compiler vectorises, before the scalar-by-scalar walk.
    static func isLonger(_ bytes: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool? {
        if scalarCount(bytes) <= limit { return false }
        return CharacterCount.exceeds(limit, utf8: bytes)
    }

    /// Scalars of valid UTF-8: the bytes that are not continuation bytes (0x80–0xBF).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes { count &+= Int8(bitPattern: byte) >= -0x40 ? 1 : 0 }
        return count
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `byte`, scanned in place with memchr:
    /// iterating the UTF-8 view costs several times more on every line of a page.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
