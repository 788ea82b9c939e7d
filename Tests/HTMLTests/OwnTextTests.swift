import XCTest
@testable import HTML

/// `ownText` is cut on bytes for plain Vietnamese text; it must read exactly
/// as splitting the text into Characters on whitespace would.
final class OwnTextTests: XCTestCase {
    private func ownTexts(_ body: String) -> [String] {
        let document = HTMLDocument(html: "<html><body>\(body)</body></html>", url: "http://example.vn/")
        return document.elements(named: ["p"]).map(\.ownText)
    }

    private func characterPath(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testVietnameseTextCollapsesLikeCharacters() {
        let texts = ["  Sở Thông tin\tvà\r\nTruyền   thông ", "Giá\u{A0}\u{A0}trị\u{2003}năm\u{3000}2020",
                     "\u{85}Điện thoại: (0212) 3856 600\u{202F}", "Lượt xem: 15", "   "]
        for (text, own) in zip(texts, ownTexts(texts.map { "<p>\($0)<b>bỏ qua</b> đuôi</p>" }.joined())) {
            XCTAssertEqual(own, characterPath(text + " đuôi"), text.debugDescription)
        }
    }

    func testScalarsThatJoinGraphemesTakeTheCharacterPath() {
        // A combining acute after a space makes one Character " ́": the space does not split there.
        let texts = ["Ho\u{300}a bi\u{300}nh", "a \u{301}b", "x\u{200D} y", "emoji 👩‍💻 ok", "a\u{0308} \u{1F1FB}\u{1F1F3}"]
        for (text, own) in zip(texts, ownTexts(texts.map { "<p>\($0)</p>" }.joined())) {
            XCTAssertEqual(own, characterPath(text), text.debugDescription)
        }
    }

    /// An element with one text child is cut in place; it must read as the copied text would.
    func testSingleTextChildReadsLikeTheCharacterPath() {
        let texts = ["Sở Nội vụ", "  \t Lịch\u{A0}công   tác\n ", "Thông báo".decomposedStringWithCanonicalMapping,
                     "Tin\u{200B}tức", "\u{2003}95,3\u{3000}%", "a \u{301}b", "👩‍💻 Ủy ban", "", "   \n  ",
                     String(repeating: "Ngày 15/12/2020 hội nghị ", count: 400)]
        let body = texts.map { "<p>\($0)</p>" }.joined()
        XCTAssertEqual(ownTexts(body), texts.map(characterPath))
    }

    func testOnlyElementsOwnTextIsRead() {
        XCTAssertEqual(ownTexts("<p> Văn bản <span>mới</span> ban hành </p>"), ["Văn bản ban hành"])
    }
}

extension OwnTextTests {
    /// The cut text is built from bytes checked while cutting: it must behave
    /// as a validated String (counts, UTF-16, case mapping trust its ASCII flag).
    func testCutTextBehavesAsAValidatedString() {
        let texts = ["Sở Nội vụ", "plain ascii", "  Lịch\u{A0}công   tác ", "\u{2003}95,3\u{3000}%", "ĐÁNH GIÁ"]
        for own in ownTexts(texts.map { "<p>\($0)</p>" }.joined()) {
            let validated = String(decoding: Array(own.utf8), as: UTF8.self)
            XCTAssertEqual(own.count, validated.count, own)
            XCTAssertEqual(Array(own.utf16), Array(validated.utf16), own)
            XCTAssertEqual(own.lowercased(), validated.lowercased(), own)
            XCTAssertEqual(own.hashValue, validated.hashValue, own)
        }
    }
}

extension OwnTextTests {
    /// Long runs of ASCII broken at every offset by a space, a control or a
    /// non-ASCII scalar must cut as the Character path does.
    func testLongASCIIRunsCollapseLikeCharacters() {
        let breaks = [" ", "\t", "\n", "\r\n", "\u{01}", "\u{0C}", "\u{A0}", "\u{2003}", "ễ", "Đ", "\u{301}", "\u{200B}", "\u{200D}"]
        for separator in breaks {
            for offset in 0..<17 {
                let run = String(repeating: "W", count: offset)
                let text = run + separator + "HTTPS://SOTTTT.SONLA.GOV.VN/tin-tuc?page=12345" + separator + run + "Sở"
                let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                var bytes = text
                if let cut = bytes.withUTF8(WhitespaceWords.joined(utf8:)) {
                    XCTAssertEqual(cut, expected, text.debugDescription)
                }
            }
        }
        var invalid: [UInt8] = Array("ABCDEFGHIJ".utf8) + [0xFF] + Array("KLMNOPQRSTUV".utf8)
        XCTAssertNil(invalid.withUnsafeBufferPointer(WhitespaceWords.joined(utf8:)))
        invalid = Array(repeating: 0x20, count: 9)
        XCTAssertEqual(invalid.withUnsafeBufferPointer(WhitespaceWords.joined(utf8:)), "")
    }
}
