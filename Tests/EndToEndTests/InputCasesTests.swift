import Foundation
import TestSupport
import XCTest

/// The self-reports agencies really send and the mistakes people really make
/// (issue «Figures an appraiser can defend»), each run through the built binary:
/// exit code, a message naming file and line, and nothing written on refusal.
final class InputCasesTests: XCTestCase {
    static let criteria = packageRoot.appendingPathComponent("testdata/scoring-mini/tieu-chi.yaml").path
    var folder: URL!

    override func setUp() { folder = makeTemporaryFolder() }
    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    // The mini criteria set's columns (testdata/scoring-mini/tieu-chi.yaml).
    static let heads = "Mã cơ quan;Tên cơ quan;Khối;Có LAN;Số máy tính;Số CBCC;Băng thông;Số tin bài;Số mục;Tỷ lệ thực hiện kế hoạch\n"
    static let keys = "id;name;tier;lan;may;cbcc;bang-thong;tin;muc;ke-hoach\n"

    /// measurements.json as `crawl` writes it (only what scoring reads): so-noi-vu crawled,
    /// so-y-te crawled with a news count the crawler marks partial, huyen-van-ho unreachable.
    func writeMeasurements(newsNoiVu: Int = 1_200, newsYTe: Int = 11) throws -> String {
        let json = """
            {"targets": [
              {"id": "so-noi-vu", "name": "Sở Nội vụ", "tier": "province", "status": "ok", "pagesFetched": 40,
               "sections": [{"item": "tin-tuc", "state": "present", "url": "http://noivu.test/tin-tuc"},
                            {"item": "van-ban", "state": "present", "url": "http://noivu.test/van-ban"}],
               "news": {"count": \(newsNoiVu), "partial": false}},
              {"id": "so-y-te", "name": "Sở Y tế", "tier": "province", "status": "ok", "pagesFetched": 30,
               "sections": [{"item": "tin-tuc", "state": "present", "url": "http://yte.test/tin"},
                            {"item": "van-ban", "state": "present", "url": "http://yte.test/van-ban"}],
               "news": {"count": \(newsYTe), "partial": true}},
              {"id": "huyen-van-ho", "name": "UBND huyện Vân Hồ", "tier": "province", "status": "unreachable",
               "reason": "không truy cập được cổng (refused)", "pagesFetched": 0, "sections": []}
            ]}
            """
        return try write(json, "measurements.json")
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func write(_ data: Data, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func score(_ reported: String, measurements: String? = nil, out: String? = nil) throws -> CommandResult {
        try runPortalAudit(["score", "--reported", reported, "--measurements", try measurements ?? writeMeasurements(),
                            "--criteria", Self.criteria, "--out", out ?? folder.appendingPathComponent("out").path, "--year", "2020"])
    }

    func output(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
    }

    var outWritten: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path) }

    func agencies(_ json: String) throws -> [String: [String: Any]] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try XCTUnwrap(object["agencies"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as! String, $0) })
    }

    func criterion(_ agency: [String: Any]?, _ id: String) -> [String: Any]? {
        (agency?["categories"] as? [[String: Any]])?.flatMap { $0["criteria"] as! [[String: Any]] }.first { $0["id"] as? String == id }
    }

    // MARK: 1. Numbers as Vietnamese files write them; 2. CSV as Excel writes it

    func testSemicolonSelfReportWithThousandsGroupsAndPercentsIsRead() throws {
        let reported = try write(Self.heads + Self.keys
            + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1.234;2;85,5%\n"
            + "so-y-te;Sở Y tế;province;không;5;10;50;80;2;60 %\n"
            + "huyen-van-ho;UBND huyện Vân Hồ;province;có;7;10;20;150;2;70\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 0, result.stderr)
        let sheet = try agencies(try output("ket-qua.json"))
        XCTAssertEqual(criterion(sheet["so-noi-vu"], "tin")?["reported"] as? Double, 1234, "1.234 is one thousand two hundred thirty-four")
        XCTAssertEqual(criterion(sheet["so-noi-vu"], "kh")?["reported"] as? Double, 0.855)
        XCTAssertEqual(criterion(sheet["so-y-te"], "kh")?["reported"] as? Double, 0.6)
    }

    func testUTF16TabSeparatedUnicodeTextFromExcelIsRead() throws {
        let text = (Self.heads + Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n"
                    + "so-y-te;Sở Y tế;province;không;5;10;50;80;2;60\n")
            .replacingOccurrences(of: ";", with: "\t").replacingOccurrences(of: "\n", with: "\r\n")
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        let result = try score(try write(data, "bao-cao.txt"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(criterion(try agencies(try output("ket-qua.json"))["so-noi-vu"], "tin")?["reported"] as? Double, 1200)
    }

    func testOldMacLineEndsAreRead() throws {
        let text = (Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n").replacingOccurrences(of: "\n", with: "\r")
        let result = try score(try write(text, "bao-cao.csv"))
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testAmbiguousNumberIsRefusedWithFileLineColumnAndValue() throws {
        let reported = try write(Self.heads + Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1,234.5;2;85\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported):3:8: '1,234.5'"), result.stderr)
        XCTAssertFalse(outWritten)
    }

    func testPercentOutOfRangeIsRefused() throws {
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;12;2;185%\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported):2:10:"), result.stderr)
        XCTAssertFalse(outWritten)
    }

    func testUnquotedDecimalCommaInACommaFileIsRefusedWithTheLine() throws {
        let reported = try write(Self.keys.replacingOccurrences(of: ";", with: ",")
            + "so-noi-vu,Sở Nội vụ,province,có,9,10,100,12,2,90,5\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported):2:11:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\"90,5\""), result.stderr)
        XCTAssertFalse(outWritten)
    }

    func testWindows1258SelfReportIsRefusedWithHowToSaveAsUTF8() throws {
        // "Sở Nội vụ" in Windows-1258: ơ = 0xF5, ộ = ô (0xF4) + combining dot below (0xF2).
        var data = Data((Self.keys + "so-noi-vu;S").utf8)
        data += Data([0xF5, 0xD2]) + Data(" N".utf8) + Data([0xF4, 0xF2]) + Data("i v".utf8) + Data([0xF9, 0xF2])
        data += Data(";province;có;9;10;100;12;2;85\n".utf8)
        let reported = try write(data, "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported):2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("CSV UTF-8"), result.stderr)
        XCTAssertFalse(outWritten)
    }

    func testTotalAboveTheScaleIsRefused() throws {
        let totals = try write("id,name,tier,score\nso-noi-vu,Sở Nội vụ,province,190\n", "tong-diem-2020.csv")
        let result = try runPortalAudit(["rank", "--totals", totals, "--format", "markdown"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(totals):2:4:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testUnquotedDecimalCommaInTotalsIsRefused() throws {
        let totals = try write("id,name,tier,score\nso-noi-vu,Sở Nội vụ,province,90,5\n", "tong-diem-2020.csv")
        let result = try runPortalAudit(["rank", "--totals", totals, "--format", "json"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(totals):2:5:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    // MARK: 3. Every agency accounted for

    func testMistypedAgencyIdIsRefusedWithTheClosestKnownIds() throws {
        let reported = try write(Self.keys + "so-noi-vuu;Sở Nội vụ;province;có;9;10;100;12;2;85\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported):2:1: mã cơ quan 'so-noi-vuu'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("gần nhất: so-noi-vu"), result.stderr)
        XCTAssertFalse(outWritten)
    }

    func testAgencyWithoutARowIsScoredAsNotReportedAndCounted() throws {
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n"
                                 + "huyen-van-ho;UBND huyện Vân Hồ;province;có;7;10;20;150;2;70\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Đã chấm 3 cơ quan (1 chưa báo cáo, 1 không kiểm tra được cổng)"), result.stdout)
        let sheet = try agencies(try output("ket-qua.json"))
        XCTAssertEqual(sheet["so-y-te"]?["reported"] as? Bool, false)
        // Measured criteria count from the crawl, reported ones 0.
        XCTAssertEqual(criterion(sheet["so-y-te"], "muc")?["source"] as? String, "measured")
        XCTAssertEqual(criterion(sheet["so-y-te"], "lan")?["points"] as? Double, 0)
        XCTAssertTrue(try output("xep-hang.md").contains("Sở Y tế (**)"))
    }

    func testTargetsFileGivesTheAgenciesToAccountFor() throws {
        let targets = try write("targets:\n  - {id: so-noi-vu, name: Sở Nội vụ, tier: province, portal: \"http://noivu.test/\"}\n"
                                + "  - {id: so-tai-chinh, name: Sở Tài chính, tier: province, portal: \"http://taichinh.test/\"}\n", "targets.yaml")
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n", "bao-cao.csv")
        let result = try runPortalAudit(["score", "--reported", reported, "--measurements", try writeMeasurements(), "--targets", targets,
                                         "--criteria", Self.criteria, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Sở Tài chính has neither a row nor a measurement: not reported, and not audited.
        XCTAssertTrue(result.stdout.contains("Đã chấm 2 cơ quan (1 chưa báo cáo, 1 không kiểm tra được cổng)"), result.stdout)
        XCTAssertTrue(try output("xep-hang.md").contains("Sở Tài chính (*) (**)"))
    }

    // MARK: 4. Unaudited portals marked

    func testUnreachablePortalIsMarkedInEveryRankingFormat() throws {
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n"
                                 + "so-y-te;Sở Y tế;province;không;5;10;50;11;2;60\n"
                                 + "huyen-van-ho;UBND huyện Vân Hồ;province;có;10;10;100;150;2;90\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try output("xep-hang.json").utf8)) as? [String: Any])
        let rows = ((json["tiers"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]) ?? []
        let vanHo = try XCTUnwrap(rows.first { $0["id"] as? String == "huyen-van-ho" })
        XCTAssertEqual(vanHo["audited"] as? Bool, false)
        XCTAssertEqual(vanHo["reason"] as? String, "unreachable")
        XCTAssertEqual(rows.first { $0["id"] as? String == "so-noi-vu" }?["audited"] as? Bool, true)
        for name in ["xep-hang.md", "xep-hang.csv"] {
            let text = try output(name)
            XCTAssertTrue(text.contains("UBND huyện Vân Hồ (*)"), "\(name): \(text)")
            XCTAssertTrue(text.contains("(*) Cổng/Trang TTĐT không kiểm tra được"), "\(name): \(text)")
            XCTAssertFalse(text.contains("Sở Nội vụ (*)"), name)
        }
    }

    // MARK: 5. Lower bounds stay lower bounds

    func testPartialNewsCountConfirmsUpToItsValueAndNeverReplacesAHigherFigure() throws {
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n"
                                 + "so-y-te;Sở Y tế;province;không;5;10;50;189;2;60\n", "bao-cao.csv")
        let result = try score(reported)
        XCTAssertEqual(result.status, 0, result.stderr)
        let tin = criterion(try agencies(try output("ket-qua.json"))["so-y-te"], "tin")
        XCTAssertEqual(tin?["used"] as? Double, 189, "11 seen of a pager not followed does not replace 189")
        XCTAssertEqual(tin?["measuredAtLeast"] as? Bool, true)
        XCTAssertTrue(try output("chi-tiet.csv").contains("ít nhất 11"))
        XCTAssertFalse(try output("sai-lech.csv").contains("Sai lệch,so-y-te"))
    }

    func testPartialCountAboveTheReportedFigureIsADiscrepancySayingAtLeast() throws {
        let reported = try write(Self.keys + "so-y-te;Sở Y tế;province;không;5;10;50;4;2;60\n", "bao-cao.csv")
        let result = try score(reported, measurements: try writeMeasurements(newsYTe: 40))
        XCTAssertEqual(result.status, 0, result.stderr)
        let discrepancies = try output("sai-lech.csv")
        XCTAssertTrue(discrepancies.contains("Sai lệch,so-y-te,Sở Y tế,tin,Tin bài,4,ít nhất 40"), discrepancies)
    }

    // MARK: 7. One path from error to exit code

    func testUnknownOptionAndBadValueExitTwo() throws {
        for arguments in [["rank", "--bogus"], ["rank", "--totals", "x.csv", "--format", "xml"], ["crawl", "--year", "abc", "--out", "x"],
                          ["flags", "--db"]] {
            let result = try runPortalAudit(arguments, in: folder)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("portal-audit: "), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
        XCTAssertEqual(try runPortalAudit(["rank", "--help"]).status, 0)
    }

    func testScoreIntoAFolderUnderAFileExitsThreeWithASentence() throws {
        let reported = try write(Self.keys + "so-noi-vu;Sở Nội vụ;province;có;9;10;100;1200;2;85\n", "bao-cao.csv")
        let blocker = try write("not a folder", "blocker")
        let result = try score(reported, out: blocker + "/out")
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(blocker)/out: không ghi được kết quả chấm điểm"), result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
    }

    func testAuditWithADatabaseThatCannotBeOpenedCreatesNothing() throws {
        let targets = try write("targets:\n  - {id: so-noi-vu, name: Sở Nội vụ, tier: province, portal: \"http://127.0.0.1:9/\"}\n", "targets.yaml")
        let database = try write("this is not a database, it is a note someone saved here\n", "history.sqlite")
        let runs = folder.appendingPathComponent("runs")
        let result = try runPortalAudit(["audit", "--targets", targets, "--year", "2020", "--db", database, "--runs", runs.path])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(database): không mở được cơ sở dữ liệu"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runs.path), "the runs folder was created")
        XCTAssertFalse(FileManager.default.fileExists(atPath: database + ".lock"))
    }

    // MARK: 8. Views that only read; 9. Defaults for the year audited

    func testViewsReadAHistoryTheUserMayNotWriteAndUnknownAgencyExitsTwo() throws {
        let targets = try write("targets:\n  - {id: so-noi-vu, name: Sở Nội vụ, tier: province, portal: \"http://127.0.0.1:9/\"}\n", "targets.yaml")
        let history = folder.appendingPathComponent("history")
        let runs = history.appendingPathComponent("runs")
        let database = history.appendingPathComponent("audit.sqlite").path
        let night = try runPortalAudit(["audit", "--targets", targets, "--year", "2020", "--delay-ms", "0", "--db", database, "--runs", runs.path])
        XCTAssertEqual(night.status, 0, night.stderr)
        // Made read-only for everyone, without the write-ahead log files a reader could not
        // create (the night folded them into the file), and read by another user.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: reports.path)
        for path in try FileManager.default.subpathsOfDirectory(atPath: history.path).map({ history.appendingPathComponent($0).path }) + [history.path] {
            var isFolder: ObjCBool = false
            XCTAssertTrue(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder))
            try FileManager.default.setAttributes([.posixPermissions: isFolder.boolValue ? 0o555 : 0o444], ofItemAtPath: path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: history.path) }
        let before = try FileManager.default.contentsOfDirectory(atPath: history.path).sorted()
        let asReader = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", portalAuditBinary().path]
        for arguments in [["history", "--agency", "so-noi-vu", "--db", database], ["flags", "--db", database],
                          ["report", "--run", "latest", "--format", "md", "--out", reports.appendingPathComponent("r.md").path,
                           "--db", database, "--runs", runs.path]] {
            let result = try runCommand(asReader + arguments, in: URL(fileURLWithPath: "/"))
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: history.path).sorted(), before, "a view wrote beside the history")
        let unknown = try runCommand(asReader + ["flags", "--agency", "so-noi-vuu", "--db", database], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("so-noi-vuu"), unknown.stderr)
    }

    func testDefaultYearIsThePreviousOneAndTheRuleSetFollowsIt() throws {
        let targets = try write("targets:\n  - {id: so-noi-vu, name: Sở Nội vụ, tier: province, portal: \"http://127.0.0.1:9/\"}\n", "targets.yaml")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        let current = try runPortalAudit(["crawl", "--targets", targets, "--delay-ms", "0", "--out", folder.appendingPathComponent("a").path])
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertTrue(current.stderr.contains("năm đánh giá \(year) (mặc định: năm trước); bộ quy tắc Nghị định 42/2022/NĐ-CP"), current.stderr)
        let measured = try String(contentsOf: folder.appendingPathComponent("a/measurements.json"), encoding: .utf8)
        XCTAssertTrue(measured.contains("\"year\" : \(year)"), measured)
        let old = try runPortalAudit(["crawl", "--targets", targets, "--year", "2020", "--delay-ms", "0", "--out", folder.appendingPathComponent("b").path])
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.stderr.contains("năm đánh giá 2020; bộ quy tắc Nghị định 43/2011/NĐ-CP"), old.stderr)
    }
}

/// One night over a served snapshot and a portal that refuses connections: the report
/// and the flags tell the same story (issue «Figures an appraiser can defend», 4–6, 10).
final class NightConsistencyTests: XCTestCase {
    func testFlagsFiguresAndMarksAgreeOnAScoredNight() throws {
        let sites = try ServedSnapshots(agencies: ["so-noi-vu"])
        defer { sites.stop() }
        // Vân Hồ's portal refuses connections and its address was never confirmed.
        let targets = sites.folder.appendingPathComponent("targets-night.yaml")
        try (String(contentsOf: sites.targetsFile, encoding: .utf8)
             + "  - id: huyen-van-ho\n    name: UBND huyện Vân Hồ\n    tier: district\n    portal: http://127.0.0.1:9/\n    verified: false\n")
            .write(to: targets, atomically: true, encoding: .utf8)
        let lines = try String(contentsOf: packageRoot.appendingPathComponent("reported/2020/bao-cao-2020.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").enumerated()
            .filter { $0.offset < 3 || $0.element.hasPrefix("so-noi-vu,") || $0.element.hasPrefix("huyen-van-ho,") }.map(\.element)
        let reported = sites.folder.appendingPathComponent("bao-cao-2020.csv")
        try lines.joined(separator: "\r\n").write(to: reported, atomically: true, encoding: .utf8)
        let runs = sites.folder.appendingPathComponent("runs")
        let result = try runPortalAudit(["audit", "--targets", targets.path, "--year", "2020", "--delay-ms", "0", "--reported", reported.path,
                                         "--runs", runs.path, "--db", runs.appendingPathComponent("audit.sqlite").path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let run = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasPrefix("20") })
        let folder = runs.appendingPathComponent(run)
        let model = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("bao-cao.json"))) as? [String: Any])
        let agencies = try XCTUnwrap(model["agencies"] as? [[String: Any]])
        let noiVu = try XCTUnwrap(agencies.first { $0["id"] as? String == "so-noi-vu" })
        let flagged = (noiVu["figures"] as? [[String: Any]] ?? []).filter { $0["discrepancy"] as? Bool == true }
        let discrepancyFlags = (noiVu["openFlags"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            .filter { $0.contains("báo cáo") && $0.contains("đo được") }
        // The deliberate discrepancy of the demo: 45 news reported, 28 measured; one flag, one marked row.
        XCTAssertEqual(discrepancyFlags.count, 1, "\(discrepancyFlags)")
        XCTAssertEqual(flagged.map { $0["key"] as? String }, ["news"])
        XCTAssertTrue(discrepancyFlags.first?.contains("báo cáo 45, đo được 28") == true, "\(discrepancyFlags)")
        // The unreachable portal is ranked on its self-report, marked, explained and flagged.
        let vanHo = try XCTUnwrap(agencies.first { $0["id"] as? String == "huyen-van-ho" })
        XCTAssertEqual(vanHo["rankedUnaudited"] as? Bool, true)
        XCTAssertEqual(vanHo["unconfirmedAddress"] as? Bool, true)
        XCTAssertTrue(result.stdout.contains("UBND huyện Vân Hồ: Cổng không truy cập được đêm nay"), result.stdout)
        let ranking = try String(contentsOf: folder.appendingPathComponent("bao-cao-xep-hang.csv"), encoding: .utf8)
        XCTAssertTrue(ranking.contains("CQNN cấp huyện,1,huyen-van-ho,UBND huyện Vân Hồ (*),"), ranking)
        let html = try String(contentsOf: folder.appendingPathComponent("bao-cao.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("địa chỉ cổng chưa được xác nhận"))
        XCTAssertTrue(html.contains("(*) Cổng/Trang TTĐT không kiểm tra được"))
        XCTAssertFalse(html.contains("(refused)"), "the crawler's English word reached the report")
        XCTAssertTrue(html.contains("size: A4"))
    }
}
