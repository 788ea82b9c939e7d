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
    /// never longer: a line a little over `limit` bytes (Vietnamese letters
    /// take two or three) answers from a count of lead bytes, eight at a
    /// time, before the scalar-by-scalar walk. Past `4 × limit` bytes there
    /// are more than `limit` scalars, and the count is skipped.
    static func isLonger(_ bytes: UnsafeBufferPointer<UInt8>, than limit: Int) -> Bool? {
        if bytes.count <= 4 * limit, scalarCount(bytes) <= limit { return false }
        return CharacterCount.exceeds(limit, utf8: bytes)
    }

    /// Scalars of valid UTF-8: the bytes that are not continuation bytes
    /// (10xxxxxx: the high bit set, the next one clear), counted a word at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 == 0x80 { continuations &+= 1 }
            offset += 1
        }
        return bytes.count - continuations
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
