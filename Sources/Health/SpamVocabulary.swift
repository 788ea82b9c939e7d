import Foundation

/// The gambling, adult and SEO-spam words and hosts of health.yaml, matched at word
/// boundaries on lower-cased NFC text.
struct SpamVocabulary {
    struct Match {
        var term: String
        var snippet: String
    }

    let strong: [String]
    let weak: [String]
    private let hostPatterns: [NSRegularExpression]
    private let trustedSuffixes: [String]

    init(_ rules: HealthRules.InjectedContent) {
        strong = rules.strong
        weak = rules.weak
        hostPatterns = rules.hostPatterns.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        trustedSuffixes = rules.trustedHostSuffixes.map { $0.lowercased() }
    }

    /// The first occurrence of each term in `text`, at word boundaries.
    func matches(in text: String, terms: [String]) -> [Match] {
        guard !text.isEmpty else { return [] }
        let lowered = text.lowercased()
        var found: [Match] = []
        for term in terms {
            var searchStart = lowered.startIndex
            while let range = lowered.range(of: term, range: searchStart..<lowered.endIndex) {
                if Self.isBoundary(lowered, before: range.lowerBound), Self.isBoundary(lowered, after: range.upperBound) {
                    found.append(Match(term: term, snippet: Self.snippet(lowered, around: range)))
                    break
                }
                searchStart = range.upperBound
            }
        }
        return found
    }

    func isSpamHost(_ host: String) -> Bool {
        let range = NSRange(host.startIndex..., in: host)
        return hostPatterns.contains { $0.firstMatch(in: host, range: range) != nil }
    }

    func isTrusted(_ host: String) -> Bool {
        trustedSuffixes.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isBoundary(_ text: String, before index: String.Index) -> Bool {
        index == text.startIndex || !isWordCharacter(text[text.index(before: index)])
    }

    private static func isBoundary(_ text: String, after index: String.Index) -> Bool {
        index == text.endIndex || !isWordCharacter(text[index])
    }

    /// About 60 characters on each side, on one line.
    static func snippet(_ text: String, around range: Range<String.Index>) -> String {
        let start = text.index(range.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
        return text[start..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
