import Foundation
@testable import Measure
import TestSupport
import XCTest

/// measurements.json assembled from the targets stored one by one must be the
/// very bytes the whole file encoded at once gives: its format is a contract.
final class MeasurementsSpoolTests: XCTestCase {
    func testAssembledFileEqualsTheWholeFileEncodedAtOnce() throws {
        // A name with the key's own text, a newline and slashes: escaped inside its string.
        var tricky = Fixtures.banDanToc
        tricky.id = "ban-thu-thach"
        tricky.name = "Ban \"targets\" : [ ]\n  xuống dòng / gạch chéo \u{200B}"
        let file = try Fixtures.measurements([Fixtures.soNoiVu, Fixtures.banDanToc, tricky])
        let folder = makeTemporaryFolder("spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try MeasurementsSpool(runFolder: folder)
        // Targets finish in any order; the file keeps the targets' order.
        for target in file.targets.reversed() { try spool.store(target) }
        let url = folder.appendingPathComponent("measurements.json")
        try spool.assemble(into: url, generatedAt: file.generatedAt, year: file.year, rules: file.rules, ids: file.targets.map(\.id))

        let whole = try MeasurementsFile.encoder().encode(file)
        let assembled = try Data(contentsOf: url)
        XCTAssertEqual(String(decoding: assembled, as: UTF8.self), String(decoding: whole, as: UTF8.self))
        XCTAssertEqual(assembled, whole)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["measurements.json"],
                       "the spool and the temporary file are gone")
    }

    func testARunWithNoTargetWritesTheEmptyFile() throws {
        let file = try Fixtures.measurements([])
        let folder = makeTemporaryFolder("spool-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("measurements.json")
        try MeasurementsSpool(runFolder: folder).assemble(into: url, generatedAt: file.generatedAt, year: file.year, rules: file.rules, ids: [])
        XCTAssertEqual(try Data(contentsOf: url), try MeasurementsFile.encoder().encode(file))
    }

    /// A target the spool never got (a run that failed half way) leaves no measurements.json, not half of one.
    func testAMissingTargetLeavesNoFile() throws {
        let file = try Fixtures.measurements([Fixtures.soNoiVu])
        let folder = makeTemporaryFolder("spool-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try MeasurementsSpool(runFolder: folder)
        try spool.store(file.targets[0])
        let url = folder.appendingPathComponent("measurements.json")
        XCTAssertThrowsError(try spool.assemble(into: url, generatedAt: file.generatedAt, year: file.year, rules: file.rules,
                                                ids: ["so-noi-vu", "so-vang-mat"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".measurements.json.partial").path))
    }
}
