import DataFile
import Foundation
@testable import Scoring
import Spreadsheet
import Vocabulary
import XCTest

/// Paths of the project's data files and a scratch folder per test.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let criteria = root.appendingPathComponent("criteria/son-la-1535-2019.yaml")
    static let decision = root.appendingPathComponent("testdata/decision-2793-2020")

    static func rules() throws -> RankingRules { try RankingRules.load(criteria) }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scoring-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: decision.appendingPathComponent(name), encoding: .utf8)
    }

    /// Scores from "id:tier:95,3" strings; the name is the id.
    static func scores(_ specs: [String], decimals: Int = 1) -> [AgencyScore] {
        specs.map { spec in
            let parts = spec.split(separator: ":").map(String.init)
            return AgencyScore(id: parts[0], name: parts.count > 3 ? parts[3] : parts[0], tier: Tier(rawValue: parts[1])!,
                               units: DecimalText.units(DecimalText.parse(parts[2])!, decimals: decimals))
        }
    }
}

/// Asserts that `body` throws a DataFileError located at `file` (its last path component) and `line`.
func XCTAssertDataFileError(_ body: @autoclosure () throws -> Any, file expectedFile: String, line expectedLine: Int,
                         column expectedColumn: Int? = nil, containing text: String? = nil,
                         sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
    do {
        _ = try body()
        XCTFail("no error thrown", file: sourceFile, line: sourceLine)
    } catch let error as DataFileError {
        XCTAssertEqual(URL(fileURLWithPath: error.file).lastPathComponent, expectedFile, "\(error)", file: sourceFile, line: sourceLine)
        XCTAssertEqual(error.line, expectedLine, "\(error)", file: sourceFile, line: sourceLine)
        if let expectedColumn { XCTAssertEqual(error.column, expectedColumn, "\(error)", file: sourceFile, line: sourceLine) }
        if let text { XCTAssertTrue(error.message.contains(text), "\(error)", file: sourceFile, line: sourceLine) }
    } catch {
        XCTFail("unexpected error \(error)", file: sourceFile, line: sourceLine)
    }
}
