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
        let words = ["he", "she", "his", "hers", "slot", "slot game", "lo", "lô đề", "ô"]
        let terms = words.map { Array($0.utf8) }
        let automaton = TermAutomaton(words)
        for text in ["ushers", "xslot gamex", "lô đềlo", "his", "h", "", "ôô", "s h e"] {
            let bytes = Array(text.utf8)
            let expected = terms.map { term in
                bytes.count >= term.count && (0...(bytes.count - term.count)).contains { Array(bytes[$0..<($0 + term.count)]) == term }
            }
            XCTAssertEqual(bytes.withUnsafeBufferPointer(automaton.occurring(in:)), expected, text)
        }
    }

    /// The automaton reads text as written and names the terms of its lower
    /// case: exactly the terms found by lowering every scalar to the first
    /// scalar of its lower case ("İ" → "i") and searching bytes, on texts of
    /// term pieces in every case, with the Kelvin sign, the Ångström sign,
    /// "İ", NFD, zero-width and no-break spaces.
    func testAutomatonReadsEveryCaseOfTheTerms() throws {
        let vocabulary = try vocabulary()
        let words = vocabulary.strong + vocabulary.weak + ["å", "ki", "bắn cá đổi thưởng"]
        let automaton = TermAutomaton(words)
        let termBytes = words.map { Array($0.utf8) }
        func folded(_ text: String) -> [UInt8] {
            Array(String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.lowercaseMapping.unicodeScalars.first! })).utf8)
        }
        var pieces = words + words.map { $0.uppercased() } + words.map { String($0.prefix(2)).uppercased() + $0.dropFirst(2) }
        pieces += [" ", "\u{200B}", "\u{00A0}", "\u{212A}", "\u{212B}", "\u{0130}", "I", "Å", "ǅ", "Σ", "ẞ", "x", "9", "Ổ", "ệ", "\u{0301}"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<1500 {
            var text = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if round % 3 == 0 { text = text.decomposedStringWithCanonicalMapping }
            let lowered = folded(text)
            let expected = termBytes.map { term in
                lowered.count >= term.count && (0...(lowered.count - term.count)).contains { Array(lowered[$0..<($0 + term.count)]) == term }
            }
            var bytes = text
            XCTAssertEqual(bytes.withUTF8(automaton.occurring(in:)), expected, text)
        }
    }

    /// A term holding the combining dot that only the lower case of "İ" writes
    /// is searched on every text: the automaton cannot see it in text as written.
    func testTermWithALoweredOnlyScalarIsStillFound() throws {
        var rules = try HealthRules.standard().injectedContent
        rules.strong = ["i\u{0307}zmir"]
        rules.weak = []
        let vocabulary = SpamVocabulary(rules)
        XCTAssertEqual(vocabulary.matches(in: "Tour \u{0130}ZMIR now", terms: .strong).map(\.term), ["i\u{0307}zmir"])
        XCTAssertEqual(vocabulary.matches(in: "Tour izmir now", terms: .strong).map(\.term), [])
    }

    /// Every scalar lower-cased to something else is a variant of the first
    /// scalar of its lower case, and the tails are those lower cases' other scalars.
    func testCaseVariantsCoverEveryScalarThatLowersToAnother() {
        var tails = Set<Unicode.Scalar>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            guard lower != [scalar] else { continue }
            XCTAssertTrue(CaseVariants.variants(of: lower[0]).contains(scalar), "U+\(String(value, radix: 16))")
            tails.formUnion(lower.dropFirst())
        }
        XCTAssertEqual(CaseVariants.tails, tails)
        XCTAssertEqual(CaseVariants.variants(of: "k"), ["K", "\u{212A}"])
        XCTAssertEqual(CaseVariants.variants(of: "ổ"), ["Ổ"])
        XCTAssertEqual(CaseVariants.variants(of: "i"), ["I", "\u{0130}"])
    }
}
