import XCTest
@testable import TextNormalization

/// Counted on bytes, or declined: never a count that differs from `String.count`.
final class CharacterCountTests: XCTestCase {
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        var bytes = text
        for limit in 0...(text.utf8.count + 1) {
            let answer = bytes.withUTF8 { CharacterCount.exceeds(limit, utf8: $0) }
            if let answer { XCTAssertEqual(answer, text.count > limit, "\(text) > \(limit)", file: file, line: line) }
        }
    }

    private func isCounted(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8 { CharacterCount.exceeds(1_000, utf8: $0) } != nil
    }

    func testPrecomposedVietnameseAndPunctuationAreCountedOnBytes() {
        let text = "ĐẢNG ỦY — “Lịch công tác” tuần 12/2020…\u{00A0}x\u{200B}y ß Ơ ư"
        XCTAssertTrue(isCounted(text))
        check(text)
        check("")
        check("abc")
    }

    func testTextThatJoinsScalarsIsDeclined() {
        for text in ["Trích yếu".decomposedStringWithCanonicalMapping, "a\r\nb", "x\u{200D}y", "👨‍👩‍👧", "☃\u{FE0F}", "한국어", "🇻🇳"] {
            XCTAssertFalse(isCounted(text), text)
        }
    }

    func testInvalidUTF8RepairedByStringIsCountedLikeString() {
        check(String(decoding: [0x41, 0xC3, 0x28, 0xE1, 0xBB, 0x41, 0xFF, 0xC4, 0x90], as: UTF8.self))
    }
}
