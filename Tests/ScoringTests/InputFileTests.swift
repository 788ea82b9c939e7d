@testable import Scoring
import Spreadsheet
import Vocabulary
import XCTest

/// Reading totals, CSV and the ranking part of a criteria file; bad input names file and line.
final class InputFileTests: XCTestCase {
    var directory: URL!
    var rules: RankingRules!

    override func setUpWithError() throws {
        directory = try Fixtures.scratch()
        rules = try Fixtures.rules()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func totals(_ text: String) throws -> [AgencyScore] {
        try TotalsFile.load(Fixtures.write(text, "tong-diem.csv", in: directory), rules: rules)
    }

    func testCSVReadsExcelOutput() throws {
        let records = try CSVTable.parse("\u{FEFF}id;score\r\n\"a\";\"95,3\"\r\n\r\n\"b\"\"c\";\"line\nbreak\"\r\nd;7\r\n", file: "x.csv")
        XCTAssertEqual(records.map(\.cells), [["id", "score"], ["a", "95,3"], ["b\"c", "line\nbreak"], ["d", "7"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4, 6])
    }

    func testCSVUnterminatedQuoteIsLocated() {
        XCTAssertDataFileError(try CSVTable.parse("id,name\na,\"open\nb,c\n", file: "x.csv"), file: "x.csv", line: 2, containing: "quote")
    }

    func testCSVRenderQuotesAndStartsWithBOM() {
        XCTAssertEqual(CSVTable.render([["a,b", "c\"d", "e"]]), "\u{FEFF}\"a,b\",\"c\"\"d\",e\r\n")
    }

    func testDecimalCommaAndPointAreAccepted() throws {
        let scores = try totals("id,name,tier,score\na,A,province,\"95,3\"\nb,B,district,84.9\nc,C,province,90\n")
        XCTAssertEqual(scores.map(\.units), [953, 849, 900])
    }

    func testColumnsMayComeInAnyOrderWithExtraColumns() throws {
        let scores = try totals("score,note,tier,name,id\n70,x,district,Huyện A,huyen-a\n")
        XCTAssertEqual(scores, [AgencyScore(id: "huyen-a", name: "Huyện A", tier: .district, units: 700)])
    }

    func testMissingColumnIsReportedOnTheHeaderLine() {
        XCTAssertDataFileError(try totals("id,name,score\na,A,90\n"), file: "tong-diem.csv", line: 1, containing: "tier")
    }

    func testBadNumberIsReportedWithLineAndColumn() {
        XCTAssertDataFileError(try totals("id,name,tier,score\na,A,province,90\nb,B,province,9O\n"),
                            file: "tong-diem.csv", line: 3, column: 4, containing: "9O")
    }

    func testDuplicateIdIsReported() {
        XCTAssertDataFileError(try totals("id,name,tier,score\na,A,province,90\n\na,A2,province,80\n"),
                            file: "tong-diem.csv", line: 4, column: 1, containing: "dòng 2")
    }

    func testUnknownTierIsReported() {
        XCTAssertDataFileError(try totals("id,name,tier,score\na,A,commune,90\n"), file: "tong-diem.csv", line: 2, column: 3,
                            containing: "commune")
    }

    func testTotalsWithoutAgenciesAreRejected() {
        XCTAssertDataFileError(try totals("\u{FEFF}id,name,tier,score\r\n\r\n"), file: "tong-diem.csv", line: 1, containing: "no agencies")
    }

    func testNonSlugIdIsReported() {
        XCTAssertDataFileError(try totals("id,name,tier,score\nSở Nội vụ,A,province,90\n"), file: "tong-diem.csv", line: 2, column: 1)
    }

    func testBrokenYAMLIsLocated() throws {
        let url = try Fixtures.write("province: Sơn La\noutOf: 100\ntiers:\n  province: [label\n", "rules.yaml", in: directory)
        XCTAssertDataFileError(try RankingRules.load(url), file: "rules.yaml", line: 5, containing: "YAML")
    }

    func testLevelsMustGoDownAndKeysMustBeKnown() throws {
        let head = "province: Sơn La\noutOf: 100\ntiers:\n  province: {label: L, caption: C, averageLabel: A}\n"
        let unordered = try Fixtures.write(head + "levels:\n  - {name: Khá, min: 70}\n  - {name: Tốt, min: 85}\n", "a.yaml", in: directory)
        XCTAssertDataFileError(try RankingRules.load(unordered), file: "a.yaml", line: 7, containing: "levels")
        let typo = try Fixtures.write(head + "levels:\n  - {name: Tốt, mim: 85}\n", "b.yaml", in: directory)
        XCTAssertDataFileError(try RankingRules.load(typo), file: "b.yaml", line: 6, containing: "mim")
        let convention = try Fixtures.write(head + "levels:\n  - {name: Tốt, min: 85}\nconventions:\n  tieOrder: alphabet\n",
                                            "c.yaml", in: directory)
        XCTAssertDataFileError(try RankingRules.load(convention), file: "c.yaml", line: 8, containing: "previous-rank")
    }

    func testTheProjectCriteriaCarryTheDecisionsConventions() throws {
        XCTAssertEqual(rules.conventions, RankingConventions())
        XCTAssertEqual(rules.levels.levels.map(\.name), ["Tốt", "Khá", "Trung bình", "Yếu"])
        XCTAssertEqual(rules.tiers.map(\.id), [.province, .district])
    }
}
