import Foundation
import TextNormalization

/// The gambling, adult and SEO-spam words and hosts of health.yaml, matched at word
/// boundaries on lower-cased NFC text.
struct SpamVocabulary {
    struct Match {
        var term: String
        var snippet: String
    }

    let strongTerms: Terms
    /// The strong terms, then the weak ones.
    let allTerms: Terms
    private let hostPatterns: [NSRegularExpression]
    private let trustedSuffixes: [String]

    init(_ rules: HealthRules.InjectedContent) {
        strongTerms = Terms(rules.strong)
        allTerms = Terms(rules.strong + rules.weak)
        hostPatterns = rules.hostPatterns.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        trustedSuffixes = rules.trustedHostSuffixes.map { $0.lowercased() }
    }

    /// A list of terms indexed by first byte, built once: a page is searched
    /// in one pass for all of them, not once per term (most terms start with
    /// a common letter, so a search per term stopped on every "c" or "n").
    struct Terms {
        let terms: [String]
        fileprivate let bytes: [[UInt8]]
        /// Indices into `terms` sorted by first byte, and where each first
        /// byte's run starts (flat, so the scan touches no nested array).
        fileprivate let byFirstByte: [Int]
        fileprivate let runStart: [Int]

        init(_ terms: [String]) {
            let encoded = terms.map { Array($0.utf8) }
            let sorted = encoded.indices.filter { !encoded[$0].isEmpty }.sorted { (encoded[$0][0], $0) < (encoded[$1][0], $1) }
            self.terms = terms
            bytes = encoded
            byFirstByte = sorted
            runStart = (0...256).map { byte in sorted.firstIndex { Int(encoded[$0][0]) >= byte } ?? sorted.count }
        }
    }

    /// The first occurrence of each term in `text`, at word boundaries, in the
    /// order of `terms`. Searched on lower-cased UTF-8 bytes.
    func matches(in text: String, terms: Terms) -> [Match] {
        guard !text.isEmpty else { return [] }
        let bytes = LowercaseTable.shared.lowercasedUTF8(text)
        var firstAt = [Int?](repeating: nil, count: terms.bytes.count)
        var remaining = terms.byFirstByte.count
        bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress else { return }
            var start = 0
            while start < haystack.count, remaining > 0 {
                let first = Int(haystack[start])
                for run in terms.runStart[first]..<terms.runStart[first + 1] where firstAt[terms.byFirstByte[run]] == nil {
                    let position = terms.byFirstByte[run]
                    let wanted = terms.bytes[position]
                    if wanted.count <= haystack.count - start, memcmp(base + start, wanted, wanted.count) == 0,
                       Self.isBoundary(bytes, before: start), Self.isBoundary(bytes, at: start + wanted.count) {
                        firstAt[position] = start
                        remaining -= 1
                    }
                }
                start += 1
            }
        }
        return firstAt.enumerated().compactMap { position, start in
            start.map { Match(term: terms.terms[position], snippet: Self.snippet(bytes, start: $0, end: $0 + terms.bytes[position].count)) }
        }
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
