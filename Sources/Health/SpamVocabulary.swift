import Foundation
import TextNormalization

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

    /// The first occurrence of each term in `text`, at word boundaries. Searched
    /// on UTF-8 bytes with memchr and memcmp: Foundation's search converts the text for every term.
    func matches(in text: String, terms: [String]) -> [Match] {
        guard !text.isEmpty else { return [] }
        let bytes = LowercaseTable.shared.lowercasedUTF8(text)
        var found: [Match] = []
        bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return }
            for term in terms {
                let wanted = Array(term.utf8)
                guard let first = wanted.first, wanted.count <= haystack.count else { continue }
                let last = haystack.count - wanted.count
                var offset = 0
                // memchr finds the candidates, memcmp confirms them: C speed in debug builds too.
                while offset <= last, let hit = memchr(base + offset, Int32(first), last - offset + 1) {
                    let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + start, wanted, wanted.count) == 0,
                       Self.isBoundary(bytes, before: start), Self.isBoundary(bytes, at: start + wanted.count) {
                        found.append(Match(term: term, snippet: Self.snippet(bytes, start: start, end: start + wanted.count)))
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
