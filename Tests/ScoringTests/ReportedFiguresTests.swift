@testable import Scoring
import Vocabulary
import XCTest

final class ReportedFiguresTests: XCTestCase {
    var directory: URL!
    var criteria: CriteriaSet!

    override func setUpWithError() throws {
        directory = try Fixtures.scratch()
        criteria = try CriteriaSet.load(ScorerTests.mini.appendingPathComponent("tieu-chi.yaml"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func load(_ text: String) throws -> [SelfReport] {
        try ReportedFigures.load(Fixtures.write(text, "bao-cao.csv", in: directory), criteria: criteria)
    }

    static let keys = "id,name,tier,lan,may,cbcc,bang-thong,tin,muc,ke-hoach,xa\n"

    func testFiguresAreReadAfterTheHeaderRows() throws {
        let reports = try load("Nhóm,,\nMã,Tên,Khối\n" + Self.keys + "a,A,province,có,9,10,100,120,2,85%,\nh,H,district,không,1,2,3,4,5,\"6,5\",7\n")
        XCTAssertEqual(reports.map(\.id), ["a", "h"])
        XCTAssertEqual(reports[0].figures["lan"], 1)
        XCTAssertEqual(reports[0].figures["ke-hoach"], 85)
        XCTAssertNil(reports[0].figures["xa"])
        XCTAssertEqual(reports[1].figures["lan"], 0)
        XCTAssertEqual(reports[1].figures["ke-hoach"], 6.5)
        XCTAssertEqual(reports[1].line, 5)
    }

    func testAReportWithoutAgenciesIsRejected() {
        XCTAssertDataFileError(try load("Nhóm\n" + Self.keys), file: "bao-cao.csv", line: 2, containing: "no agencies")
    }

    func testUnknownColumnIsNamedWithLineAndColumn() {
        XCTAssertDataFileError(try load("Mã\nid,name,tier,lan,wan\n"), file: "bao-cao.csv", line: 2, column: 5, containing: "wan")
    }

    func testMissingColumnIsNamed() {
        XCTAssertDataFileError(try load("id,name,tier,lan,may,bang-thong,tin,muc,ke-hoach\na,A,province,có,1,1,1,1,1\n"),
                            file: "bao-cao.csv", line: 1, containing: "cbcc")
    }

    func testBadCellsAreNamedWithLineAndColumn() {
        XCTAssertDataFileError(try load(Self.keys + "a,A,province,có,9,10,100,120,2,85,\nb,B,province,chưa,9,10,100,120,2,85,\n"),
                            file: "bao-cao.csv", line: 3, column: 4, containing: "chưa")
        XCTAssertDataFileError(try load(Self.keys + "a,A,province,có,-9,10,100,120,2,85,\n"), file: "bao-cao.csv", line: 2, column: 5)
        XCTAssertDataFileError(try load(Self.keys + "a,A,province,có,9,10,100,120,2,85,\na,B,province,có,9,10,100,120,2,85,\n"),
                            file: "bao-cao.csv", line: 3, column: 1, containing: "dòng 2")
        XCTAssertDataFileError(try load(Self.keys + "a,A,huyen,có,9,10,100,120,2,85,\n"), file: "bao-cao.csv", line: 2, column: 3)
    }

    func testTheSampleReportLoadsForAll32Agencies() throws {
        let project = try CriteriaSet.load(Fixtures.criteria)
        let reports = try ReportedFigures.load(Fixtures.root.appendingPathComponent("reported/2020"), criteria: project)
        XCTAssertEqual(reports.count, 32)
        let targets = try TotalsFile.load(Fixtures.decision.appendingPathComponent("tong-diem-2020.csv"), rules: project.rules)
        XCTAssertEqual(reports.map(\.id), targets.map(\.id))
        let sheet = try Scorer.score(criteria: project, reports: reports, measurements: Measurements(targets: []), overrides: [])
        for agency in sheet.agencies {
            XCTAssertTrue((0...100).contains(agency.total), "\(agency.report.id): \(agency.total)")
            XCTAssertFalse(agency.categories.flatMap(\.criteria).contains { $0.source == .missing }, agency.report.id)
        }
        // Nothing was measured, so every web-verifiable criterion waits for a person.
        XCTAssertEqual(sheet.pending.count, 32 * 4)
    }

    func testTemplateRoundTrips() throws {
        let template = ReportedFigures.template(criteria, agencies: [("a", "Cơ quan A", .province)])
        let url = try Fixtures.write(template, "mau.csv", in: directory)
        let reports = try ReportedFigures.load(url, criteria: criteria)
        XCTAssertEqual(reports.map(\.id), ["a"])
        XCTAssertTrue(reports[0].figures.isEmpty)
        XCTAssertTrue(template.hasPrefix("\u{FEFF},,,I. Nhóm A,"), template)
        XCTAssertTrue(template.contains("\r\nMã cơ quan,Tên cơ quan,Khối,Có LAN,"), template)
    }

    func testMeasurementsAreReadLeniently() throws {
        let url = try Fixtures.write(#"{"targets": [{"id": "a", "new": 1}, {"id": "b", "services": {"level3": 4}}]}"#, "m.json", in: directory)
        let measurements = try Measurements.load(url)
        XCTAssertEqual(measurements.targets.map(\.id), ["a", "b"])
        XCTAssertEqual(measurements.target("b")?.services?.level3, 4)
        XCTAssertNil(measurements.target("b")?.services?.level4)
    }

    func testBrokenMeasurementsAreNamed() throws {
        let url = try Fixtures.write("{\"targets\": [\n{\"id\": \"a\",,}\n]}", "m.json", in: directory)
        XCTAssertDataFileError(try Measurements.load(url), file: "m.json", line: 2, containing: "JSON")
        let wrong = try Fixtures.write(#"{"targets": [{"status": "ok"}]}"#, "w.json", in: directory)
        XCTAssertDataFileError(try Measurements.load(wrong), file: "w.json", line: 1, containing: "targets.0")
    }
}
