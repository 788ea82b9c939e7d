import Foundation
import XCTest
@testable import Health

/// The byte scanner must find what the regular expressions it replaced found.
final class DateScannerTests: XCTestCase {
    private static let dayFirst = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?![0-9])")
    private static let yearFirst = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")

    private func byRegularExpressions(_ text: String) -> [[Int]] {
        let range = NSRange(text.startIndex..., in: text)
        // A digit that shares its Character with a combining mark is no date:
        // the String path cut such a number at the Character before it.
        func number(_ match: NSTextCheckingResult, _ group: Int) -> Int? {
            guard let range = Range(match.range(at: group), in: text), text[range].utf16.count == match.range(at: group).length
            else { return nil }
            return Int(text[range])
        }
        func date(_ match: NSTextCheckingResult, _ groups: [Int]) -> [Int]? {
            let numbers = groups.compactMap { number(match, $0) }
            return numbers.count == 3 ? numbers : nil
        }
        return Self.dayFirst.matches(in: text, range: range).compactMap { date($0, [3, 2, 1]) }
            + Self.yearFirst.matches(in: text, range: range).compactMap { date($0, [1, 2, 3]) }
    }

    private func byBytes(_ text: String) -> [[Int]] {
        var text = text
        return text.withUTF8 { DateScanner.dates(in: $0).map { [$0.0, $0.1, $0.2] } }
    }

    func testWrittenDates() {
        let samples = [
            "Ngày đăng: 05/11/2020 — cập nhật 5.11.2020, 2020-11-05 và 1-2-2019",
            "Số 123/4/2020, 12/345/2020, 1/2/20201, 12/05/2020/3/4/2021, 3/4/2021/",
            "2020-1-05 2020-01-5 12020-01-05 2020-01-055 2020-01-05-06 x2020-01-05y",
            "٣/٤/٢٠٢٠ ３/４/２０２０ 3／4／2020 Thứ hai, 07–12–2020 ngày 7/12/2020",
            "", "1", "1/", "1/2/", "1/2/202", "31.12.2019.", "9-9-9999-9-9-9999",
        ]
        for text in samples { XCTAssertEqual(byBytes(text), byRegularExpressions(text), text) }
    }

    /// Random text over digits, separators and Vietnamese letters: every
    /// boundary case the samples above may have missed.
    func testRandomTextOfDigitsAndSeparators() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "2", "9", "/", ".", "-", " ", "ệ", "a", "20", "12", "2020", "\u{0301}", "\u{0600}", "\u{200D}"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(byBytes(text), byRegularExpressions(text), text)
        }
    }

    /// The eight-byte skip lands on the first digit, whatever byte values
    /// (high bytes, the neighbours of "0" and "9") surround it and wherever it falls in a word.
    func testNextDigitFindsTheFirstDigitAcrossEveryByte() {
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x00, 0x7F, 0x80, 0xAF, 0xB0, 0xB9, 0xBA, 0xFF, 0x41, 0x20, 0xE1, 0xBB]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0..<30, using: &generator)).map { _ in
                Bool.random(using: &generator) ? pool.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let expected = bytes[start...].firstIndex { $0 >= 0x30 && $0 <= 0x39 } ?? bytes.count
            bytes.withUnsafeBufferPointer { XCTAssertEqual(DateScanner.nextDigit($0, from: start), expected, "\(bytes) from \(start)") }
        }
    }

    func testNewestIsTheLatestValidDateNotAfterTheReference() {
        let reference = DateComponents(year: 2020, month: 12, day: 31)
        let text = "01/01/2021 31/02/2020 2020-13-01 15.06.2020 2019-12-31 00/05/2020"
        XCTAssertEqual(DateScanner.newest(utf8: Array(text.utf8), notAfter: reference, earliestYear: 2000),
                       DateComponents(year: 2020, month: 6, day: 15))
        XCTAssertNil(DateScanner.newest(utf8: Array("05/06/1999".utf8), notAfter: reference, earliestYear: 2000))
    }
}
