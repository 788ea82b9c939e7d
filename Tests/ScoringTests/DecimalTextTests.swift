import Spreadsheet
import XCTest

/// The one number reader: Vietnamese groups thousands with "." and marks decimals with ",".
final class DecimalTextTests: XCTestCase {
    func testVietnameseNumbersAndUnambiguousPointDecimals() throws {
        let cases: [(String, Double)] = [("1.234", 1234), ("95,3", 95.3), ("1.234,5", 1234.5), ("12.500.000", 12_500_000),
                                         ("95.3", 95.3), ("0.85", 0.85), ("1234.5", 1234.5), (" 7 ", 7), ("0", 0), ("-2,5", -2.5)]
        for (text, value) in cases { XCTAssertEqual(try DecimalText.read(text), value, accuracy: 1e-9, text) }
        XCTAssertEqual(try DecimalText.read("85%", percent: true), 85)
        XCTAssertEqual(try DecimalText.read("85,5 %", percent: true), 85.5)
    }

    func testAmbiguousAndMalformedNumbersAreRefusedWithAReason() {
        for text in ["1,234.5", "1,234,567", "1.23.4", "12.34.567", "abc", "", ",5", "5,", "1.234,5.6", "85%", "1 234"] {
            XCTAssertThrowsError(try DecimalText.read(text), text) { error in
                XCTAssertEqual((error as? DecimalText.Refusal)?.text, text)
                XCTAssertFalse((error as? DecimalText.Refusal)?.reason.isEmpty ?? true)
            }
        }
    }

    func testFormattingUsesTheDecimalComma() {
        XCTAssertEqual(DecimalText.fixed(95.25, digits: 1), "95,3")
        XCTAssertEqual(DecimalText.figure(12), "12")
        XCTAssertEqual(DecimalText.figure(4.5), "4,5")
        XCTAssertEqual(DecimalText.plain(0.855), "0,855")
    }
}
