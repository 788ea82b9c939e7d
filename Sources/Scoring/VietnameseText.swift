import Foundation

enum VietnameseText {
    /// Lower case without diacritics, đ as d: "Có" → "co", "Sở Đầu tư" → "so dau tu".
    /// For comparing names and reading "có"/"không" however a clerk typed them.
    static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
