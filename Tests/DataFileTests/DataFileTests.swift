import DataFile
import Foundation
import XCTest

final class DataFileErrorTests: XCTestCase {
    func testLocationIsFileLineAndColumn() {
        XCTAssertEqual(DataFileError(file: "a.yaml", line: 3, column: 5, message: "bad").description, "a.yaml:3:5: bad")
        XCTAssertEqual(DataFileError(file: "a.csv", line: 3, message: "bad").description, "a.csv:3: bad")
    }

    func testNoLineOrLineZeroMeansTheWholeFile() {
        XCTAssertEqual(DataFileError(file: "a.csv", message: "cannot read").description, "a.csv: cannot read")
        XCTAssertEqual(DataFileError(file: "a.csv", line: 0, column: 2, message: "cannot read").description, "a.csv: cannot read")
    }

    func testAnUnreadableFileIsNamedWithoutALine() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).yaml")
        XCTAssertThrowsError(try YAMLFile.load(missing)) { error in
            let error = error as? DataFileError
            XCTAssertNil(error?.line, "\(String(describing: error))")
            XCTAssertEqual(error?.description.hasPrefix("\(missing.path): "), true, "\(String(describing: error))")
        }
    }
}

final class YAMLMappingErrorTests: XCTestCase {
    static let text = """
    name: Sở Nội vụ
    points:
      province: 4
      commune: 3
    """

    func testAnErrorAtAKeyPointsAtTheKey() throws {
        let points = try YAMLFile.parse(Self.text, file: "p.yaml").requireMapping().require("points").requireMapping()
        let error = points.error(atKey: "commune", "tier not allowed")
        XCTAssertEqual(error.description, "p.yaml:4:3: tier not allowed")
    }

    func testAnErrorAtAnAbsentKeyPointsAtTheMapping() throws {
        let points = try YAMLFile.parse(Self.text, file: "p.yaml").requireMapping().require("points").requireMapping()
        XCTAssertEqual(points.error(atKey: "district", "x").description, "p.yaml:3:3: x")
    }

    func testAnErrorAboutTheMappingPointsAtItsStart() throws {
        let root = try YAMLFile.parse(Self.text, file: "p.yaml").requireMapping()
        XCTAssertEqual(root.error("needs points for every tier").description, "p.yaml:1:1: needs points for every tier")
        XCTAssertThrowsError(try root.require("criteria")) { error in
            XCTAssertEqual((error as? DataFileError)?.description, "p.yaml:1:1: missing `criteria`")
        }
    }
}

final class YearTableTests: XCTestCase {
    private func table(_ text: String) throws -> YearTable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("year-table-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try YearTable.load(url, key: "criteria")
    }

    func testEachEntryAppliesFromItsYearUntilTheNext() throws {
        let years = try table("- {from: 2019, criteria: a.yaml}\n- {from: 2025, criteria: b.yaml}\n")
        XCTAssertNil(years.value(for: 2018))
        XCTAssertEqual(years.value(for: 2019), "a.yaml")
        XCTAssertEqual(years.value(for: 2024), "a.yaml")
        XCTAssertEqual(years.value(for: 2025), "b.yaml")
        XCTAssertEqual(years.value(for: 2030), "b.yaml")
    }

    func testYearsOutOfOrderAndUnknownKeysNameTheirLine() throws {
        XCTAssertThrowsError(try table("- {from: 2025, criteria: b.yaml}\n- {from: 2019, criteria: a.yaml}\n")) { error in
            XCTAssertEqual((error as? DataFileError)?.line, 2)
            XCTAssertTrue("\(error)".contains("years must increase"), "\(error)")
        }
        XCTAssertThrowsError(try table("- {from: 2019, rules: a.yaml}\n")) { error in
            XCTAssertEqual((error as? DataFileError)?.line, 1)
            XCTAssertTrue("\(error)".contains("unknown key `rules`"), "\(error)")
        }
    }
}
