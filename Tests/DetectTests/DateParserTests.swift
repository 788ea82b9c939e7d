import XCTest
@testable import Detect
import TextNormalization

final class DateParserTests: XCTestCase {
    func parse(_ text: String) -> DateComponents? { DateParser.parse(text) }

    func check(_ text: String, _ year: Int, _ month: Int, _ day: Int, hour: Int? = nil, minute: Int? = nil,
               file: StaticString = #filePath, line: UInt = #line) {
        guard let found = parse(text) else { return XCTFail("no date in \(text)", file: file, line: line) }
        XCTAssertEqual([found.year, found.month, found.day], [year, month, day], text, file: file, line: line)
        XCTAssertEqual(found.hour, hour, "hour of \(text)", file: file, line: line)
        XCTAssertEqual(found.minute, minute, "minute of \(text)", file: file, line: line)
    }

    func testListingAndArticleFormats() {
        check("27/07/2022 | 04:04 PM", 2022, 7, 27, hour: 16, minute: 4)
        check("13/05/2016 | 4:59 PM", 2016, 5, 13, hour: 16, minute: 59)
        check("11/07/2022 | 9:15 AM", 2022, 7, 11, hour: 9, minute: 15)
        check("12/07/2022 | 12:30 AM", 2022, 7, 12, hour: 0, minute: 30)
    }

    func testVietnameseMarkers() {
        check("Ngày đăng: 24/04/2018", 2018, 4, 24)
        check("(Ngày đăng :01/10/2013 12:00:00 SA)", 2013, 10, 1, hour: 0, minute: 0)
        check("(Ngày đăng :25/09/2013 02:30:00 CH)", 2013, 9, 25, hour: 14, minute: 30)
        check("Hỏi: Chính sách …? (04/08/2016 08:32)", 2016, 8, 4, hour: 8, minute: 32)
        check("18/04/2025 Sáng ngày 18/4, UBND huyện tổ chức", 2025, 4, 18)
        check("Sơn La, ngày 15 tháng 12 năm 2020", 2020, 12, 15)
        check("NGÀY 5 THÁNG 3 NĂM 2021", 2021, 3, 5)
    }

    func testNumericVariants() {
        check("5/3/2020", 2020, 3, 5)
        check("05-03-2020", 2020, 3, 5)
        check("05.03.2020", 2020, 3, 5)
        check("2020-12-15", 2020, 12, 15)
        check("<lastmod>2022-07-27T16:04:00+07:00</lastmod>", 2022, 7, 27, hour: 16, minute: 4)
        check("Cập nhật lúc 29/02/2020", 2020, 2, 29)
    }

    func testNotDates() {
        XCTAssertNil(parse("31/02/2021"))
        XCTAssertNil(parse("29/02/2021"))
        XCTAssertNil(parse("43/2011/NĐ-CP"))
        XCTAssertNil(parse("06/2013/TT-BTTTT"))
        XCTAssertNil(parse("Hiển thị 1 - 15 of 1.442 kết quả"))
        XCTAssertNil(parse("Lượt xem: 245"))
        XCTAssertNil(parse("18/4"))
        XCTAssertNil(parse("12/12/12345"))
        XCTAssertNil(parse("1/2/2020/3"))
        XCTAssertNil(parse(""))
    }

    /// The date corpus: every real string of Fixtures/dates/corpus.tsv reads as its row says.
    func testDateCorpus() throws {
        var rows = 0
        for (number, line) in Fixture.text("dates/corpus.tsv").split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.hasPrefix("#") && !line.isEmpty {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(columns.count, 3, "corpus.tsv:\(number + 1) needs three columns")
            guard columns.count == 3 else { continue }
            rows += 1
            let found = DateParser.standard.all(in: columns[0]).first
            XCTAssertEqual(found?.iso ?? "-", columns[1], "corpus.tsv:\(number + 1) \(columns[0])")
            let time = found.flatMap { date in date.hour.map { String(format: "%02d:%02d", $0, date.minute ?? 0) } } ?? "-"
            XCTAssertEqual(time, columns[2], "time, corpus.tsv:\(number + 1) \(columns[0])")
        }
        XCTAssertGreaterThan(rows, 60)
    }

    func testDatesInTheOrderTheyAreWrittenWhateverTheirForm() {
        let dates = DateParser.standard.all(in: "Ngày 3 tháng 2 năm 2021, sửa đổi 05/06/2021 và April 7, 2021")
        XCTAssertEqual(dates.map(\.iso), ["2021-02-03", "2021-06-05", "2021-04-07"])
    }

    func testAllDatesInOrderAndAsDate() {
        let dates = DateParser.standard.all(in: "27/07/2022, 11/07/2022; 2/7/2022 và 08/06/2022")
        XCTAssertEqual(dates.map(\.iso), ["2022-07-27", "2022-07-11", "2022-07-02", "2022-06-08"])
        let date = DateParser.date("01/01/2020 | 07:00 AM")
        XCTAssertEqual(date?.timeIntervalSince1970, 1_577_836_800, "07:00 in UTC+7 is midnight UTC")
    }

    /// Texts without an ASCII digit are not folded: the answer must be the one
    /// the full path (fold, then scan) gives, on real and adversarial text.
    func testTextsWithoutDigitsAnswerAsTheFoldedScanDoes() throws {
        var texts = [
            "", " ", "Tin tức - Sự kiện", "TIN TỨC SỰ KIỆN", "Thứ Hai, ngày mười lăm tháng mười hai",
            "Ngày đăng: 24/04/2018", "Sơn La, ngày 15 tháng 12 năm 2020", "April 12, 2021", "2020-12-15T08:00:00+07:00",
            "Tin\u{200B}tức\u{200B}15/12/2020", "Ngày\u{00A0}đăng\u{2007}",
            "Nga\u{0300}y 1\u{0301}5/12/2020", "Thu\u{031B}\u{0301} Hai",  // NFD, and a digit under a combining mark
            "２０２０年１２月１５日", "¹²/⁰³/²⁰²⁰", "١٥/١٢/٢٠٢٠", "Ⅻ tháng Ⅲ", "½ ¼",  // digits that are not ASCII
            "ĐIỀU 5. Ngày 0", "K\u{212A}ELVIN İSTANBUL ǅ",  // letters whose lower case is ASCII
        ]
        // Invalid UTF-8 as the decoder repairs it, with and without a date beside it.
        texts.append(String(decoding: [0x4E, 0xC3, 0x28, 0xE1, 0xBB, 0x20, 0xFF, 0x31, 0x35, 0x2F, 0x31, 0x32, 0x2F, 0x32, 0x30, 0x32, 0x30], as: UTF8.self))
        texts.append(String(decoding: [0xC3, 0x28, 0xE1, 0xBB, 0xFF, 0x80], as: UTF8.self))
        for line in Fixture.text("dates/corpus.tsv").split(separator: "\n") where !line.hasPrefix("#") {
            texts.append(String(line.split(separator: "\t", omittingEmptySubsequences: false)[0]))
        }
        let parser = DateParser.standard
        for text in texts {
            let folded = VietnameseText.fold(text)
            XCTAssertEqual(parser.all(in: text), parser.all(in: text, folded: folded), text)
            XCTAssertEqual(text.containsASCIIDigit, text.unicodeScalars.contains { ("0"..."9").contains($0) }, text)
            XCTAssertEqual(text.containsASCIIDigit, folded.containsASCIIDigit, "folding keeps the ASCII digits of \(text)")
        }
    }
}
