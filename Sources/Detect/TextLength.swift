import TextNormalization

extension StringProtocol {
    /// `count > limit` without counting a long text to its end: Character
    /// counting walks grapheme clusters, costly on a whole page's text, so
    /// text whose scalars are all Characters is counted on its bytes.
    func isLonger(than limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        if let answer = utf8.withContiguousStorageIfAvailable({ CharacterCount.exceeds(limit, utf8: $0) }), let answer { return answer }
        guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex) else { return false }
        return end != endIndex
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `byte`, scanned in place: iterating the
    /// UTF-8 view costs several times more on every line of a page.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
