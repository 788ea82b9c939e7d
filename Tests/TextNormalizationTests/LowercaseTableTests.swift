import XCTest
@testable import TextNormalization

/// The byte path must give exactly the bytes of `String.lowercased()`.
final class LowercaseTableTests: XCTestCase {
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(LowercaseTable.shared.lowercasedUTF8(text), Array(text.lowercased().utf8), text, file: file, line: line)
    }

    func testVietnameseUppercaseLetters() {
        let letters = "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
        check(letters)
        XCTAssertEqual(String(decoding: LowercaseTable.shared.lowercasedUTF8("NỔ HŨ ĐỔI THƯỞNG"), as: UTF8.self), "nổ hũ đổi thưởng")
        check("Đ đ ĐĐđ")
    }

    /// Every scalar of the two tables, alone, between ASCII and at the end of the text.
    func testEveryScalarOfTheTables() {
        let scalars = (UInt32(0x80)..<0x250).compactMap(Unicode.Scalar.init) + (UInt32(0x1E00)..<0x1F00).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            check(String(scalar))
            check("Sở \(scalar)x\(scalar)")
        }
        check(String(String.UnicodeScalarView(scalars)))
        check("Ủy ban nhân dân tỉnh Sơn La công bố thủ tục hành chính mới, sửa đổi lĩnh vực đất đai")
    }

    func testNFDInputKeepsItsCombiningMarks() {
        check("NỔ HŨ Tài Xỉu".decomposedStringWithCanonicalMapping)
    }

    func testZeroWidthAndOtherSpacesStayAsWritten() {
        check("Cá\u{200B}Cược\u{00A0}NHÀ\u{FEFF}CÁI\u{2009}x\u{200D}y")
    }

    func testScalarsLoweredToSeveralScalarsAndOtherScripts() {
        // U+0130 lowers to "i" + U+0307; Greek, Cyrillic, Armenian, full-width and emoji go by their properties.
        check("İSTANBUL ΣΟΦΙΑ МОСКВА ԱԲ ＡＢＣ 🎰 ᲐᲑ Ⅻ ⓐⒶ")
    }

    /// Invalid UTF-8 is repaired when it becomes a String, and lowered like any String.
    func testRepairedInvalidUTF8() {
        check(String(decoding: [0x41, 0xC3, 0x28, 0xE1, 0xBB, 0x41, 0xFF, 0xC4, 0x90], as: UTF8.self))
    }

    /// The output buffer is sized for a growth of half the input at most: every scalar keeps to it.
    func testNoScalarGrowsByMoreThanHalfWhenLowered() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let lowered = scalar.properties.lowercaseMapping.utf8.count
            XCTAssertLessThanOrEqual(2 * lowered, 3 * UTF8.width(scalar), "U+\(String(value, radix: 16))")
        }
        // Every upper-case letter of a page at once, as the biggest growth in a row.
        check(String(repeating: "İȺȾ", count: 1_000))
    }

    func testEveryScalarOfTheTablesAndTheirNeighbours() {
        var text = ""
        for value in UInt32(0)..<0x3000 { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        check(text)
    }

    /// Capitals at every offset of the eight-byte steps, between Vietnamese letters,
    /// and texts of capitals that grow when lowered: the bytes of `lowercased()`.
    func testWordStepsAndGrowth() {
        let pieces = ["A", "z", "Z", "@", "[", "`", "{", "ĐỔI", "ổ", " ", "\u{0130}", "\u{023A}", "ẞ", "Ω", "K", "12345678", "ABCDEFGH"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            check((0..<Int.random(in: 0..<24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        check(String(repeating: "\u{023A}", count: 100))
        check(String(repeating: "\u{0130}", count: 100))
    }
}
