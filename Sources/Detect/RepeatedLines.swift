import TextNormalization

/// Lines counted by the pages they appear on: a line that many pages share (a top
/// bar of links no class marks, a repeated notice, "Thứ Hai, 15/12/2025" in a today
/// bar above pages dated otherwise) is the site's chrome, not what a page says of itself.
/// Page lines are NFC, so a line is keyed by the hash of its bytes.
struct RepeatedLines {
    /// A line on at least this many pages is chrome.
    let minPages: Int
    /// Distinct lines remembered at most; past it, no more pages are noted.
    let maxLines: Int
    private var pages: [Int: Int] = [:]

    init(minPages: Int, maxLines: Int) {
        self.minPages = minPages
        self.maxLines = maxLines
    }

    static func key(_ line: String) -> Int { VietnameseText.hashOfNFC(line) }

    /// Notes the lines of one page (each once, however often it repeats there).
    mutating func note<S: Sequence>(_ lines: S) where S.Element == String {
        guard pages.count < maxLines else { return }
        for key in Set(lines.lazy.map(Self.key)) { pages[key, default: 0] += 1 }
    }

    func isChrome(key: Int) -> Bool {
        (pages[key] ?? 0) >= minPages
    }

    func isChrome(_ line: String) -> Bool {
        isChrome(key: Self.key(line))
    }
}
