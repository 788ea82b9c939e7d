import Foundation
import XCTest
@testable import Health

/// The search on bytes lowered through the table finds what a search per term
/// on the lower-cased String finds: each term's first occurrence at word
/// boundaries, in list order.
final class SpamVocabularyTests: XCTestCase {
    private func vocabulary() throws -> SpamVocabulary {
        SpamVocabulary(try HealthRules.standard().injectedContent)
    }

    /// The String path: lower-case, then each term's first range with no letter or digit beside it.
    private func byString(_ text: String, _ terms: [String]) -> [String] {
        let lowered = text.lowercased()
        func isWord(_ scalar: Unicode.Scalar?) -> Bool {
            scalar.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        }
        return terms.filter { term in
            let scalars = Array(lowered.unicodeScalars), wanted = Array(term.unicodeScalars)
            guard !wanted.isEmpty, wanted.count <= scalars.count else { return false }
            return (0...(scalars.count - wanted.count)).contains { start in
                Array(scalars[start..<(start + wanted.count)]) == wanted
                    && !isWord(start > 0 ? scalars[start - 1] : nil)
                    && !isWord(start + wanted.count < scalars.count ? scalars[start + wanted.count] : nil)
            }
        }
    }

    func testMatchesTheStringSearch() throws {
        let vocabulary = try vocabulary()
        let samples = [
            "Chơi NỔ HŨ và ĐỔI THƯỞNG tại nhà cái uy tín, CASINO trực tuyến",
            "casinos, xcasino, casino2 và Cá Cược không phải cá cược?",
            "nổ\u{200B}hũ, nổ\u{00A0}hũ, Tài Xỉu".decomposedStringWithCanonicalMapping,
            "Đổi thưởng đổi thưởng Game Bài W88 fb88 188BET",
            String(decoding: [0x4E, 0xE1, 0xBB, 0x94, 0x20, 0x48, 0xC5, 0xA8, 0xFF, 0x20, 0x70, 0x6F, 0x6B, 0x65, 0x72], as: UTF8.self),
            "Tin tức sự kiện của Sở Thông tin và Truyền thông",
        ]
        for text in samples {
            XCTAssertEqual(vocabulary.matches(in: text, terms: .all).map(\.term), byString(text, vocabulary.strong + vocabulary.weak), text)
            XCTAssertEqual(vocabulary.matches(utf8: Array(text.utf8), terms: .strong).map(\.term), byString(text, vocabulary.strong), text)
        }
        let found = vocabulary.matches(in: samples[0], terms: .strong).map(\.term)
        XCTAssertTrue(found.contains("nổ hũ") && found.contains("đổi thưởng") && found.contains("casino"), "\(found)")
    }

    /// Texts made of pieces of the terms, overlapping prefixes (the automaton's
    /// fallbacks), case, NFD, zero-width and no-break spaces, percent-escapes,
    /// letters and digits glued to the terms: the one-pass automaton with the
    /// exact search behind it finds what the String search finds.
    func testRandomTextsOfTermPiecesMatchTheStringSearch() throws {
        let vocabulary = try vocabulary()
        var pieces = vocabulary.strong + vocabulary.weak
        pieces += pieces.map { $0.uppercased() } + pieces.map { String($0.prefix(3)) } + pieces.map { String($0.dropFirst(2)) }
        pieces += [" ", " ", "\u{200B}", "\u{00A0}", "-", "%20", "x", "9", "ệ", "Đ", "\u{0301}", "\n", "sbo", "bet365", "nổ", "Hũ"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if Bool.random(using: &generator) { text = text.decomposedStringWithCanonicalMapping }
            XCTAssertEqual(vocabulary.matches(in: text, terms: .all).map(\.term), byString(text, vocabulary.strong + vocabulary.weak), text)
            XCTAssertEqual(vocabulary.matches(in: text, terms: .strong).map(\.term), byString(text, vocabulary.strong), text)
        }
    }

    /// The automaton alone: every term found wherever it occurs, boundaries or not,
    /// including terms that are suffixes or infixes of others.
    func testAutomatonNamesEveryOccurringTerm() {
        let terms = ["he", "she", "his", "hers", "slot", "slot game", "lo", "lô đề", "ô"].map { Array($0.utf8) }
        let automaton = TermAutomaton(terms)
        for text in ["ushers", "xslot gamex", "lô đềlo", "his", "h", "", "ôô", "s h e"] {
            let bytes = Array(text.utf8)
            let expected = terms.map { term in
                bytes.count >= term.count && (0...(bytes.count - term.count)).contains { Array(bytes[$0..<($0 + term.count)]) == term }
            }
            XCTAssertEqual(bytes.withUnsafeBufferPointer(automaton.occurring(in:)), expected, text)
        }
    }
}
