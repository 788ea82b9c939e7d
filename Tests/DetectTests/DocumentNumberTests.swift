import XCTest
@testable import Detect

final class DocumentNumberTests: XCTestCase {
    func testNumbersOfEveryShape() throws {
        let decision = try XCTUnwrap(DocumentNumber.parse("2793/QĐ-UBND"))
        XCTAssertEqual(decision.number, 2793)
        XCTAssertNil(decision.year)
        XCTAssertEqual(decision.type, "QĐ")
        XCTAssertEqual(decision.issuer, "UBND")

        let decree = try XCTUnwrap(DocumentNumber.parse("Nghị định số 43/2011/NĐ-CP ngày 13/6/2011"))
        XCTAssertEqual(decree.text, "43/2011/NĐ-CP")
        XCTAssertEqual(decree.year, 2011)
        XCTAssertEqual(decree.type, "NĐ")
        XCTAssertEqual(decree.issuer, "CP")

        let circular = try XCTUnwrap(DocumentNumber.parse("06/2013/TT-BTTTT"))
        XCTAssertEqual([circular.number, circular.year], [6, 2013])
        XCTAssertEqual(circular.type, "TT")
        XCTAssertEqual(circular.issuer, "BTTTT")

        let submission = try XCTUnwrap(DocumentNumber.parse("Tờ trình số 125/TTr-STTTT"))
        XCTAssertEqual(submission.type, "TTr")
        XCTAssertEqual(submission.issuer, "STTTT")
        XCTAssertEqual(DocumentNumberScanner.standard.typeName(submission.type), "Tờ trình")

        let letter = try XCTUnwrap(DocumentNumber.parse("văn bản số 1240/STTTT-CNTT"))
        XCTAssertEqual(letter.type, "CV", "a number without a type code is an official letter")
        XCTAssertEqual(letter.issuer, "STTTT-CNTT")

        let spaced = try XCTUnwrap(DocumentNumber.parse("Quyết định số: 2798 /QĐ-UBND"))
        XCTAssertEqual(spaced.text, "2798/QĐ-UBND")

        let joint = try XCTUnwrap(DocumentNumber.parse("01/2020/TTLT-BTC-BTP"))
        XCTAssertEqual(joint.type, "TTLT")
        XCTAssertEqual(joint.issuer, "BTC-BTP")
    }

    func testKeysIgnoreDiacriticsAndCase() throws {
        let a = try XCTUnwrap(DocumentNumber.parse("2793/QĐ-UBND"))
        let b = try XCTUnwrap(DocumentNumber.parse("2793/QD-ubnd"))
        XCTAssertEqual(a.key, b.key)
        XCTAssertNotEqual(a.key, try XCTUnwrap(DocumentNumber.parse("2793/QĐ-STTTT")).key)
    }

    func testNotNumbers() {
        XCTAssertNil(DocumentNumber.parse("15/12/2020"))
        XCTAssertNil(DocumentNumber.parse("1.442 kết quả"))
        XCTAssertNil(DocumentNumber.parse("https://sonla.gov.vn/2020/tin"))
        XCTAssertNil(DocumentNumber.parse("abc123/QĐ-UBND"))
        XCTAssertNil(DocumentNumber.parse("trang 1/5"))
    }

    func testAllNumbersInText() {
        let text = "Căn cứ Nghị định số 64/2007/NĐ-CP; Quyết định số 1535/QĐ-UBND ngày 28/6/2019; Tờ trình số 125/TTr-STTTT"
        XCTAssertEqual(DocumentNumberScanner.standard.all(in: text).map(\.text),
                       ["64/2007/NĐ-CP", "1535/QĐ-UBND", "125/TTr-STTTT"])
    }
}
