import XCTest
import Foundation
@testable import Detect

/// The byte-level shortcuts of Detect must answer as the String paths they replace.
final class TextBytesTests: XCTestCase {
    /// Realistic and adversarial text: Vietnamese NFC and NFD, zero-width and
    /// other spaces, CR LF, emoji, uppercase, empty.
    private let samples: [String] = [
        "", " ", "\t", "a", "Giới thiệu", "GIỚI THIỆU CHUNG", "Gio\u{301}i thie\u{323}\u{302}u", "Sở Nội vụ tỉnh Sơn La",
        "Thủ tục hành chính: Mức độ 4", "Mức độ:\u{A0}Toàn trình", "Hỏi\u{200B}đáp", "Tin tức\r\nSự kiện", "e\u{301}\u{301}\u{301}",
        "👨‍👩‍👧‍👦 gia đình", "\u{3000}Liên hệ\u{2003}", "\u{1680}x\u{205F}", "- Trang chủ -", "Trang chủ » Tin tức › Hoạt động",
        ">\u{338} ≯ |", "–—", "a:\u{301}b", ":", "Số ký hiệu: 12/2020/QĐ-UBND", "\u{FEFF}BOM", "Đường dây nóng: 0212.3852.000",
        String(repeating: "Ủy ban nhân dân tỉnh Sơn La ban hành kế hoạch ", count: 12),
        String(repeating: "e\u{301}", count: 200), String(repeating: "x", count: 400), String(repeating: "\r\n", count: 150),
    ]

    func testIsLongerCountsCharacters() {
        for text in samples {
            for limit in [0, 1, 2, 5, 60, 80, 120, 159, 300, 399] {
                XCTAssertEqual(text.isLonger(than: limit), text.count > limit, "\(text.debugDescription) > \(limit)")
                XCTAssertEqual(text[...].isLonger(than: limit), text.count > limit, "\(text.debugDescription) > \(limit)")
            }
        }
    }

    func testScalarCountCountsLeadBytes() {
        for text in samples {
            var copy = text
            XCTAssertEqual(copy.withUTF8(TextLength.scalarCount), text.unicodeScalars.count, text.debugDescription)
        }
    }

    func testContainsByteFindsTheByte() {
        for text in samples + ["a:b", "短い:", "\u{0}:"] {
            for byte: UInt8 in [0x3A, 0x0D, 0x20, 0x00, 0xCC] {
                XCTAssertEqual(text.containsByte(byte), text.utf8.contains(byte), "\(text.debugDescription) \(byte)")
            }
        }
    }

    func testTrimmingWhitespaceTrimsAsFoundation() {
        let edges = ["", " ", "\t", "\u{A0}", "\u{3000}", "\u{200B}", "\n", "\u{2009}\u{301}", " \u{301}", "\u{FEFF}", "\u{85}"]
        for text in samples {
            for edge in edges {
                for variant in [edge + text, text + edge, edge + text + edge, edge + edge + text + " "] {
                    XCTAssertEqual(variant.trimmingWhitespace(), variant.trimmingCharacters(in: .whitespaces), variant.debugDescription)
                    let sliced = ("x" + variant + "y").dropFirst().dropLast()
                    XCTAssertEqual(sliced.trimmingWhitespace(), sliced.trimmingCharacters(in: .whitespaces), variant.debugDescription)
                }
            }
        }
    }

    func testWhitespaceIsFoundationsSet() {
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(WhitespaceTrim.isWhitespace(scalar), CharacterSet.whitespaces.contains(scalar), String(value, radix: 16))
        }
    }

    func testTitleSeparatorsSplitAsTheCharacterList() {
        for title in samples + ["Giới thiệu | Sở Nội vụ", "a-b–c—d:e»f>g", "-\u{301}|\u{20DD}", "::", "Tin tức >> Hoạt động"] {
            XCTAssertEqual(title.split(whereSeparator: SectionDetector.isTitleSeparator),
                           title.split(whereSeparator: { "|-–—:»>".contains($0) }), title.debugDescription)
        }
    }

    func testIndexSuffixIgnoresCaseAsLowercasing() {
        let paths = ["/", "/index.html", "/a/INDEX.HTML", "/a/Index.Htm", "/a/index.htm/", "index.html", "/xindex.html",
                     "/tin-tức/index.html", "/\u{600}/index.html", "/a/index.html\u{301}", "/a/\u{212A}index.htm", "/a/index.ht", ""]
        for path in paths {
            for suffix in ["/index.html", "/index.htm"] {
                XCTAssertEqual(URLKeyMaker.hasSuffixIgnoringCase(path, suffix), path.lowercased().hasSuffix(suffix), path.debugDescription)
            }
        }
        let keys = URLKeyMaker(trackingParameters: [])
        XCTAssertEqual(keys.key("http://www.snv.vn/Tin-Tuc/INDEX.HTML"), "snv.vn/Tin-Tuc")
        XCTAssertEqual(keys.key("http://snv.vn///"), "snv.vn/")
        XCTAssertEqual(keys.key("http://snv.vn/a/?b=1&a=2"), "snv.vn/a?a=2&b=1")
    }

    /// `PhraseIndex` looks ASCII words up by a hash of their bytes; the
    /// reference looks every word up as a String, as it did before.
    func testPhraseIndexFindsWhatStringLookupFinds() {
        let phrases = ["Giới thiệu", "Giới thiệu chung", "Hỏi đáp", "Hỏi - Đáp", "Liên hệ", "Sơ đồ cổng", "Cơ cấu tổ chức",
                       "Toàn trình", "Một phần", "Mức độ 4", "Tin tức", "tin", "Văn bản chỉ đạo", "Đường dây nóng", "k"]
        let index = PhraseIndex(phrases.enumerated().map { ($1, $0) })
        var reference: [Substring: [(words: [Substring], value: Int)]] = [:]
        for (value, phrase) in phrases.enumerated() {
            let words = Words.of(phrase)
            reference[words[0], default: []].append((words, value))
        }
        let texts = samples + [
            "Giới thiệu chung về Sở", "gioi thieu", "GIỚI THIỆU", "Hỏi\u{200B}đáp", "Hoi dap truc tuyen", "tin tin tức",
            "Thủ tục: Toàn trình; Một phần", "Mức độ 4 – Mức độ 3", "\u{212A}", "k K", "Liên hệ Liên hệ", "văn bản chỉ",
        ]
        for text in texts {
            for words in [Words.of(text), Words.ofFolded(text)] {
                var expected: [(Int, Int)] = []
                for (position, word) in words.enumerated() {
                    for entry in reference[word] ?? [] where position + entry.words.count <= words.count
                        && words[position..<(position + entry.words.count)].elementsEqual(entry.words) {
                        expected.append((entry.value, position))
                    }
                }
                let found = index.occurrences(in: words).map { ($0.entry.value, $0.at) }
                XCTAssertEqual(found.map(\.0), expected.map(\.0), text.debugDescription)
                XCTAssertEqual(found.map(\.1), expected.map(\.1), text.debugDescription)
            }
        }
        XCTAssertEqual(index.labels(of: Words.of("Giới thiệu chung"), maxExtraWords: 2).map(\.value).sorted(), [0, 1])
    }

    /// Words whose first phrase word is not ASCII go through String lookup.
    func testPhraseIndexWithNonASCIIPhrases() {
        let index = PhraseIndex([("Ω sigma", 0), ("東京", 1), ("tin", 2)])
        XCTAssertEqual(index.occurrences(in: Words.of("Ω sigma và tin")).map(\.entry.value), [0, 2])
        XCTAssertEqual(index.occurrences(in: Words.of("東京 tin")).map(\.entry.value), [1, 2])
        XCTAssertEqual(PhraseIndex<Int>.asciiHash("tin"), PhraseIndex<Int>.asciiHash("xtin".dropFirst()))
        XCTAssertNil(PhraseIndex<Int>.asciiHash("tín"))
    }
}
