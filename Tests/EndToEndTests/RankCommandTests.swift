import Foundation
import TestSupport
import XCTest

/// Runs the built `portal-audit rank` on the decision's totals.
final class RankCommandTests: XCTestCase {
    static let root = packageRoot
    static let decision = root.appendingPathComponent("testdata/decision-2793-2020")

    func decisionFile(_ name: String) -> String { Self.decision.appendingPathComponent(name).path }

    func testMarkdownReproducesTheDecision() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["bang-1.md", "bang-2.md", "ty-le-muc-do.md", "diem-trung-binh.md"] {
            let expected = try String(contentsOfFile: decisionFile(name), encoding: .utf8).trimmingCharacters(in: .newlines)
            XCTAssertTrue(result.stdout.contains(expected), "\(name) not reproduced:\n\(result.stdout)")
        }
    }

    func testJSONRowsCarryRankChangeAndLevel() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tiers = try XCTUnwrap(json["tiers"] as? [[String: Any]])
        let rows = try XCTUnwrap(tiers.first?["rows"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        XCTAssertEqual(byId["so-nong-nghiep-va-phat-trien-nong-thon"]?["change"] as? Int, -5)
        XCTAssertEqual(byId["so-giao-thong-van-tai"]?["change"] as? Int, 5)
        XCTAssertEqual(byId["so-tai-chinh"]?["rank"] as? Int, 10)
        XCTAssertEqual(byId["so-ke-hoach-va-dau-tu"]?["rank"] as? Int, 12)
        XCTAssertEqual(byId["so-ke-hoach-va-dau-tu"]?["level"] as? String, "Khá")
        XCTAssertEqual(json["year"] as? Int, 2020)
        XCTAssertEqual((json["overall"] as? [String: Any])?["printed"] as? Int, 84)
    }

    func testJSONChangeIsNullWithoutPreviousYear() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"), "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let row = try XCTUnwrap(((json["tiers"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])?.first)
        XCTAssertTrue(row.keys.contains("change"))
        XCTAssertTrue(row["change"] is NSNull)
        XCTAssertEqual(row["rank"] as? Int, 1)
    }

    func testCSVHasBOMAndVietnameseHeaders() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}Khối,STT,Mã cơ quan,Tên cơ quan,Điểm năm 2020"), result.stdout)
        XCTAssertTrue(result.stdout.contains("CQNN cấp tỉnh,14,so-nong-nghiep-va-phat-trien-nong-thon,Sở Nông nghiệp và Phát triển nông thôn,\"82,7\",14,Khá,\"82,7\",09,-5\r\n"),
                      result.stdout)
    }

    func testConventionOptionsChangeTheArithmetic() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "markdown",
                              "--average-rounding", "nearest", "--overall-average", "mean-of-agencies"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("đạt mức Tốt với điểm trung bình là 85/100 điểm"), result.stdout)
        XCTAssertTrue(result.stdout.contains("khối cơ quan cấp huyện là 83/100 điểm (*tăng 9 điểm"), result.stdout)
    }

    func testBadTotalsExitWith2AndNameFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rank-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("tong-diem-2020.csv")
        try "id,name,tier,score\nso-noi-vu,Sở Nội vụ,province,\"95,3\"\nso-y-te,Sở Y tế,province,abc\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try runPortalAudit(["rank", "--totals", bad.path, "--format", "json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(bad.path):3:4:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// Three tiers, declared commune first: three tables in the criteria file's order, each
    /// with its own level shares and average, and the overall average the mean of the three
    /// tier means (85, 65, 40 → 63), not of the seven agencies (60).
    func testEveryDeclaredTierGetsItsTableInTheCriteriaOrder() throws {
        let directory = makeTemporaryFolder("rank-tiers")
        defer { try? FileManager.default.removeItem(at: directory) }
        let criteria = directory.appendingPathComponent("ba-khoi.yaml")
        try """
            province: Thử nghiệm
            outOf: 100
            tiers:
              commune: {label: UBND cấp xã, caption: Xếp hạng UBND các xã, averageLabel: khối UBND cấp xã}
              province: {label: CQNN cấp tỉnh, caption: Xếp hạng các CQNN cấp tỉnh, averageLabel: khối cơ quan cấp tỉnh}
              district: {label: CQNN cấp huyện, caption: Xếp hạng các CQNN cấp huyện, averageLabel: khối cơ quan cấp huyện}
            levels:
              - {name: Tốt, min: 85}
              - {name: Khá, min: 70}
              - {name: Trung bình, min: 50}
              - {name: Yếu, min: 0}

            """.write(to: criteria, atomically: true, encoding: .utf8)
        let totals = directory.appendingPathComponent("tong-diem-2025.csv")
        try """
            id,name,tier,score
            so-a,Sở A,province,90
            so-b,Sở B,province,80
            huyen-c,UBND huyện C,district,70
            huyen-d,UBND huyện D,district,60
            xa-e,UBND xã E,commune,50
            xa-f,UBND xã F,commune,40
            xa-g,UBND xã G,commune,30

            """.write(to: totals, atomically: true, encoding: .utf8)
        let markdown = try runPortalAudit(["rank", "--criteria", criteria.path, "--totals", totals.path, "--format", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        let out = markdown.stdout
        let captions = ["*Bảng 1. Xếp hạng UBND các xã*", "*Bảng 2. Xếp hạng các CQNN cấp tỉnh*", "*Bảng 3. Xếp hạng các CQNN cấp huyện*"]
        let positions = try captions.map { try XCTUnwrap(out.range(of: $0)?.lowerBound, "\($0)\n\(out)") }
        XCTAssertEqual(positions, positions.sorted(), out)
        XCTAssertTrue(out.contains("| 1 | UBND xã E | 01 (50,0) |\n| 2 | UBND xã F | 02 (40,0) |\n| 3 | UBND xã G | 03 (30,0) |"), out)
        XCTAssertTrue(out.contains("đạt mức Trung bình với điểm trung bình là 63/100 điểm, trong đó:"), out)
        XCTAssertTrue(out.contains("+ Điểm trung bình của khối UBND cấp xã là 40/100 điểm;"), out)
        XCTAssertTrue(out.contains("+ Điểm trung bình của khối cơ quan cấp huyện là 65/100 điểm."), out)
        XCTAssertTrue(out.contains("| Mức độ \\ Khối | UBND cấp xã | CQNN cấp tỉnh | CQNN cấp huyện |"), out)
        XCTAssertTrue(out.contains("| Mức Trung bình | 33% | 0% | 50% |"), out)

        let json = try runPortalAudit(["rank", "--criteria", criteria.path, "--totals", totals.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tiers = try XCTUnwrap(document["tiers"] as? [[String: Any]])
        XCTAssertEqual(tiers.map { $0["tier"] as? String }, ["commune", "province", "district"])
        XCTAssertEqual(tiers.map { ($0["average"] as? [String: Any])?["printed"] as? Int }, [40, 85, 65])
        XCTAssertEqual((document["overall"] as? [String: Any])?["printed"] as? Int, 63)

        let csv = try runPortalAudit(["rank", "--criteria", criteria.path, "--totals", totals.path, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").compactMap { $0.split(separator: ",").first.map(String.init) }
                        .filter { $0 != "\u{FEFF}Khối" }, ["UBND cấp xã", "UBND cấp xã", "UBND cấp xã", "CQNN cấp tỉnh", "CQNN cấp tỉnh",
                                                           "CQNN cấp huyện", "CQNN cấp huyện"], csv.stdout)

        // A tier the criteria do not declare is refused, naming the row: the set of 2020
        // (criteria/by-year.yaml) has no communes, the two-level set of 2025 no districts.
        let other = try runPortalAudit(["rank", "--totals", totals.path, "--year", "2020", "--format", "json"])
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(other.stderr.contains("\(totals.path):6:"), other.stderr)
        XCTAssertEqual(other.stdout, "")
        let twoLevel = try runPortalAudit(["rank", "--totals", totals.path, "--format", "json"])
        XCTAssertEqual(twoLevel.status, 2)
        XCTAssertTrue(twoLevel.stderr.contains("\(totals.path):4:3: khối 'district' không có trong bộ tiêu chí"), twoLevel.stderr)
        XCTAssertEqual(twoLevel.stdout, "")
    }

    func testDefaultCriteriaAreFoundFromAnotherWorkingDirectory() throws {
        let result = try runPortalAudit(["rank", "--totals", decisionFile("tong-diem-2020.csv"), "--format", "markdown"],
                             in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("| 1 | Sở Nội vụ | 01 (95,3) |"), result.stdout)
    }
}

/// Runs the built `portal-audit score` on the hand-worked case of testdata/scoring-mini.
final class ScoreCommandTests: XCTestCase {
    static let mini = RankCommandTests.root.appendingPathComponent("testdata/scoring-mini")
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("score-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func mini(_ name: String) -> String { Self.mini.appendingPathComponent(name).path }

    func score(_ extra: [String], out: URL) throws -> CommandResult {
        try runPortalAudit(["score", "--criteria", mini("tieu-chi.yaml"), "--reported", mini("bao-cao-2020.csv"),
                                    "--measurements", mini("measurements.json"), "--out", out.path] + extra)
    }

    func testWritesBreakdownDiscrepanciesOverridesAndRanking() throws {
        let out = directory.appendingPathComponent("ket-qua")
        let result = try score(["--overrides", mini("dieu-chinh.yaml")], out: out)
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(names, ["chi-tiet.csv", "dieu-chinh.csv", "ket-qua.json", "mau-bao-cao.csv", "sai-lech.csv", "tong-diem-2020.csv",
                               "xep-hang.csv", "xep-hang.json", "xep-hang.md"])
        // Decoded by hand: Foundation's String(contentsOf:) drops a BOM.
        let totals = String(decoding: try Data(contentsOf: out.appendingPathComponent("tong-diem-2020.csv")), as: UTF8.self)
        XCTAssertEqual(totals, "\u{FEFF}id,name,tier,score\r\na,Cơ quan A,province,\"9,8\"\r\nb,Cơ quan B,province,\"6,1\"\r\n"
                       + "c,Cơ quan C,province,\"6,1\"\r\nh,UBND huyện H,district,\"8,5\"\r\n")
        let ranking = try String(contentsOf: out.appendingPathComponent("xep-hang.md"), encoding: .utf8)
        // C's portal was unreachable: ranked on its self-report, and marked so.
        XCTAssertTrue(ranking.contains("| 2 | Cơ quan B | 02 (6,1) |\n| 3 | Cơ quan C (*) | 02 (6,1) |"), ranking)
        XCTAssertTrue(ranking.contains("- c, tin: Điều chỉnh số liệu thành 90 — Tổ thẩm định xác minh trực tiếp 90 tin bài (Nguyễn Văn A)"), ranking)
        XCTAssertTrue(ranking.contains("- Cơ quan A, Tin bài: báo cáo 120, đo được 100 (http://a.test/tin-tuc)"), ranking)
        let discrepancies = try String(contentsOf: out.appendingPathComponent("sai-lech.csv"), encoding: .utf8)
        XCTAssertTrue(discrepancies.contains("Sai lệch,a,Cơ quan A,tin,Tin bài,120,100,10%,,http://a.test/tin-tuc\r\n"), discrepancies)
        XCTAssertTrue(discrepancies.contains("Cần quyết định,c,Cơ quan C,muc,Mục thông tin,\"0,5\",chưa xác định,0,cổng không truy cập được (unreachable),"),
                      discrepancies)
        let breakdown = try String(contentsOf: out.appendingPathComponent("chi-tiet.csv"), encoding: .utf8)
        XCTAssertTrue(breakdown.contains("b,Cơ quan B,province,Hạng mục một,Kế hoạch,kh,2,\"0,6\",,\"0,6\",báo cáo,2,Điều chỉnh điểm thành 2"), breakdown)
        let rankingCSV = String(decoding: try Data(contentsOf: out.appendingPathComponent("xep-hang.csv")), as: UTF8.self)
        XCTAssertTrue(rankingCSV.contains(",So sánh,Điều chỉnh\r\n"), rankingCSV)
        XCTAssertTrue(rankingCSV.contains("kh: Điều chỉnh điểm thành 2 — Bổ sung minh chứng sau lần chấm thứ nhất (Trần Thị B)"), rankingCSV)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("ket-qua.json"))) as? [String: Any])
        XCTAssertEqual((json["overrides"] as? [Any])?.count, 2)
        // a's news, b's items, and b's news seen at least 500 times against the 80 reported.
        XCTAssertEqual((json["discrepancies"] as? [Any])?.count, 3)
    }

    func testBadInputExitsWith2AndWritesNothing() throws {
        let out = directory.appendingPathComponent("khong-ghi")
        let bad = directory.appendingPathComponent("bao-cao.csv")
        try "id,name,tier,lan,may,cbcc,bang-thong,tin,muc,ke-hoach,xa\na,A,province,có,9,10,100,mười,2,85,\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try runPortalAudit(["score", "--criteria", mini("tieu-chi.yaml"), "--reported", bad.path,
                                                 "--measurements", mini("measurements.json"), "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("portal-audit: \(bad.path):2:8: "), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let overrides = try score(["--overrides", mini("bad-overrides.yaml")], out: out)
        XCTAssertEqual(overrides.status, 2)
        XCTAssertTrue(overrides.stderr.hasPrefix("portal-audit: \(mini("bad-overrides.yaml")):7: "), overrides.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let brokenCriteria = directory.appendingPathComponent("tieu-chi.yaml")
        try "province: X\noutOf: [100\n".write(to: brokenCriteria, atomically: true, encoding: .utf8)
        let criteria = try runPortalAudit(["score", "--criteria", brokenCriteria.path, "--reported", mini("bao-cao-2020.csv"),
                                                   "--measurements", mini("measurements.json"), "--out", out.path])
        XCTAssertEqual(criteria.status, 2)
        XCTAssertTrue(criteria.stderr.hasPrefix("portal-audit: \(brokenCriteria.path):3:"), criteria.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testProjectCriteriaScoreTheSampleReport() throws {
        let out = directory.appendingPathComponent("mau")
        let root = RankCommandTests.root
        let result = try runPortalAudit([
            "score", "--reported", root.appendingPathComponent("reported/2020").path,
            "--measurements", mini("measurements.json"),
            "--overrides", root.appendingPathComponent("reported/2020/dieu-chinh.yaml").path,
            "--previous", RankCommandTests.decision.appendingPathComponent("tong-diem-2019.csv").path,
            "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let ranking = try String(contentsOf: out.appendingPathComponent("xep-hang.md"), encoding: .utf8)
        XCTAssertTrue(ranking.contains("| STT | Tên cơ quan | Năm 2020 | Năm 2019 | So sánh |"), ranking)
        XCTAssertTrue(ranking.contains("*Bảng 2. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp huyện*"), ranking)
    }
}
