/// A heading among a page's content names its section by its first phrase:
/// «Người phát ngôn, cung cấp thông tin» titles a "Người phát ngôn" section,
/// whatever it adds after the comma or dash.
enum HeadingPhrase {
    /// The text before the earliest of `ends`; nil when none occurs after some text.
    static func first(of text: String, ends: [String]) -> String? {
        var cut: String.Index?
        for end in ends {
            guard let range = text.range(of: end), range.lowerBound > text.startIndex else { continue }
            if cut.map({ range.lowerBound < $0 }) ?? true { cut = range.lowerBound }
        }
        return cut.map { String(text[..<$0]) }
    }
}
