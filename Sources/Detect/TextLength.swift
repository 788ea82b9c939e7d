extension StringProtocol {
    /// `count > limit` without counting a long text to its end: Character
    /// counting walks grapheme clusters, costly on a whole page's text.
    func isLonger(than limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        guard let end = index(startIndex, offsetBy: limit, limitedBy: endIndex) else { return false }
        return end != endIndex
    }
}
