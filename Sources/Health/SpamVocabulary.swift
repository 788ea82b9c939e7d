import Foundation
import TextNormalization

/// The gambling, adult and SEO-spam words and hosts of health.yaml, matched at word
/// boundaries on lower-cased NFC text.
struct SpamVocabulary {
    struct Match {
        var term: String
        var snippet: String
    }

    /// Which of the terms a search looks for.
    enum Terms {
        /// Strong terms only: a hit wherever they appear.
        case strong
        /// Strong and weak terms: hidden content, link text and off-portal addresses.
        case all
    }

    let strong: [String]
    let weak: [String]
    /// `strong + weak`, and their bytes: the automaton's term indices.
    private let terms: [String]
    private let termBytes: [[UInt8]]
    private let automaton: TermAutomaton
    /// Terms the automaton cannot vouch for, searched on every lowered text:
    /// those holding a scalar that only a lower case of several scalars
    /// writes (`CaseVariants.tails`).
    private let alwaysSearched: [Bool]
    private let hostPatterns: [NSRegularExpression]
    private let trustedSuffixes: [String]

    init(_ rules: HealthRules.InjectedContent) {
        strong = rules.strong
        weak = rules.weak
        terms = rules.strong + rules.weak
        termBytes = terms.map { Array($0.utf8) }
        automaton = TermAutomaton(terms)
        alwaysSearched = terms.map { !CaseVariants.tails.isDisjoint(with: $0.unicodeScalars) }
        hostPatterns = rules.hostPatterns.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        trustedSuffixes = rules.trustedHostSuffixes.map { $0.lowercased() }
    }

    /// The first occurrence of each term in the lower case of `text`, at word boundaries, in list order.
    func matches(in text: String, terms: Terms) -> [Match] {
        var text = text
        return text.withUTF8 { matches(utf8: $0, terms: terms) }
    }

    /// `matches` of a text's valid UTF-8 bytes.
    func matches(utf8 text: [UInt8], terms: Terms) -> [Match] {
        text.withUnsafeBufferPointer { matches(utf8: $0, terms: terms) }
    }

    /// `matches` of valid UTF-8 as written. One pass of the automaton over
    /// it names the terms its lower case may hold; only then is it lowered
    /// (`LowercaseTable`) and those terms searched at word boundaries, with
    /// memchr and memcmp.
    func matches(utf8 text: UnsafeBufferPointer<UInt8>, terms selection: Terms) -> [Match] {
        guard !text.isEmpty else { return [] }
        let occurring = automaton.occurring(in: text)
        let searched = (0..<(selection == .strong ? strong.count : terms.count)).filter { occurring[$0] || alwaysSearched[$0] }
        guard !searched.isEmpty else { return [] }
        let bytes = LowercaseTable.shared.lowercased(utf8: text)
        var found: [Match] = []
        bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return }
            for index in searched {
                let wanted = termBytes[index]
                guard let first = wanted.first, wanted.count <= haystack.count else { continue }
                let last = haystack.count - wanted.count
                var offset = 0
                while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                    let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + start, wanted, wanted.count) == 0,
                       Self.isBoundary(bytes, before: start), Self.isBoundary(bytes, at: start + wanted.count) {
                        found.append(Match(term: terms[index], snippet: Self.snippet(bytes, start: start, end: start + wanted.count)))
                        break
                    }
                    offset = start + 1
                }
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

    /// Whether the scalar starting at `index` is a letter or digit.
    private static func isWord(_ bytes: [UInt8], scalarAt index: Int) -> Bool {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        guard index > 0 else { return true }
        var start = index - 1
        // Step back over continuation bytes to the previous scalar's first byte.
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isWord(bytes, scalarAt: start)
    }

    private static func isBoundary(_ bytes: [UInt8], at index: Int) -> Bool {
        index >= bytes.count || !isWord(bytes, scalarAt: index)
    }

    /// About 60 bytes on each side (whole scalars), on one line.
    static func snippet(_ bytes: [UInt8], start: Int, end: Int) -> String {
        var from = max(0, start - 60)
        while from > 0, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        var to = min(bytes.count, end + 60)
        while to < bytes.count, bytes[to] & 0xC0 == 0x80 { to += 1 }
        return String(decoding: bytes[from..<to], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
