import XCTest
@testable import TextNormalization

/// Lines are built from bytes the collapser checked, without a second
/// validation: they must behave exactly as validated Strings of the same
/// bytes (the ASCII flag drives Character counting, UTF-16 views, hashing).
final class CheckedUTF8Tests: XCTestCase {
    private func assertBehavesAsValidated(_ built: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let validated = String(decoding: Array(built.utf8), as: UTF8.self)
        XCTAssertEqual(built, validated, message, file: file, line: line)
        XCTAssertEqual(built.count, validated.count, message, file: file, line: line)
        XCTAssertEqual(Array(built), Array(validated), message, file: file, line: line)
        XCTAssertEqual(built.utf16.count, validated.utf16.count, message, file: file, line: line)
        XCTAssertEqual(Array(built.utf16), Array(validated.utf16), message, file: file, line: line)
        XCTAssertEqual(built.hashValue, validated.hashValue, message, file: file, line: line)
        XCTAssertEqual(built.lowercased(), validated.lowercased(), message, file: file, line: line)
        XCTAssertEqual(built.uppercased(), validated.uppercased(), message, file: file, line: line)
        XCTAssertEqual(built.isContiguousUTF8, true, message, file: file, line: line)
    }

    func testStringsOfCheckedBytesBehaveAsValidatedOnes() {
        let samples = ["", "Tin tức", "ascii only line", String(repeating: "a", count: 15), String(repeating: "b", count: 16),
                       "Ủy ban nhân dân tỉnh Sơn La", "Giá trị 95,3 %", "\u{2003}", "đ", "x\u{1EA1}y"]
        for sample in samples {
            let bytes = Array(sample.utf8)
            let built = bytes.withUnsafeBufferPointer { CheckedUTF8.string($0, isASCII: bytes.allSatisfy { $0 < 0x80 }) }
            assertBehavesAsValidated(built, sample.debugDescription)
            XCTAssertEqual(Array(built.utf8), bytes)
        }
    }

    /// Every line the byte path cuts, ASCII or not, short (inline) or long,
    /// next to lines of the other kind in one text.
    func testCollapsedLinesBehaveAsValidatedStrings() {
        let texts = [
            "Sở Nội vụ\nabc\n\u{00A0}Lịch  công tác\t\nxyz 123\n" + String(repeating: "Ngày 15/12/2020 hội nghị ", count: 40),
            "ascii first\nrồi tiếng Việt\nascii again\u{200B}\n\u{FEFF}Điều 1.\u{0085}Phạm vi\n%C3%A1 ../a/./b?q=1#f",
            "IDN: xn--snv-sla.vn\nsở-nội-vụ.vn\n\u{2028}ĐÁNH GIÁ\n",
        ]
        for text in texts {
            let lines = Array(text.utf8).withUnsafeBufferPointer(VietnameseText.lines(utf8:))
            XCTAssertGreaterThan(lines.count, 2, text.debugDescription)
            for line in lines { assertBehavesAsValidated(line, line.debugDescription) }
            assertBehavesAsValidated(Array(text.utf8).withUnsafeBufferPointer(VietnameseText.joinedLines(utf8:)), text.debugDescription)
        }
    }
}
