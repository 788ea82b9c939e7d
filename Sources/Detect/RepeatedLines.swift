/// Lines counted by the pages they appear on: a line above the content that
/// many pages dated otherwise share ("Thứ Hai, 15/12/2025" in a today bar no
/// class marks) is the site's chrome, not what a page says of itself.
struct RepeatedLines {
    /// A line on at least this many pages is chrome.
    let minPages: Int
    private var pages: [Int: Int] = [:]
    private static let maxLines = 50_000

    init(minPages: Int) {
        self.minPages = minPages
    }

    /// Notes the lines of one page (each once, however often it repeats there).
    mutating func note<S: Sequence>(_ lines: S) where S.Element == String {
        guard pages.count < Self.maxLines else { return }
        for hash in Set(lines.lazy.map(\.hashValue)) { pages[hash, default: 0] += 1 }
    }

    func isChrome(_ lineHash: Int) -> Bool {
        (pages[lineHash] ?? 0) >= minPages
    }
}
