import Crawl
import Foundation
import TestSupport
import XCTest

/// The 2026 commune snapshots scored through the real binary with the criteria set
/// criteria/by-year.yaml gives for 2025 (son-la-2026.yaml; no `--criteria` given, and the
/// 2019 set has no commune tier): `audit` ranks them in the commune tier's own table,
/// `score` on the night's measurements agrees, and `rank` on the totals prints the same Bảng.
final class CommuneRankingTests: XCTestCase {
    static let folder = packageRoot.appendingPathComponent("snapshots-2026")
    static let targetsFile = folder.appendingPathComponent("targets.yaml")
    static let reported = packageRoot.appendingPathComponent("reported/2025").path
    static let caption = "Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của UBND các xã, phường"

    func testCommunesAreRankedInTheirOwnTable() throws {
        let temporary = makeTemporaryFolder("commune-ranking")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let targets = try TargetList.load(Self.targetsFile)
        let (servers, lock) = try serveRecordedSites(folder: Self.folder, targets: targets)
        defer {
            servers.forEach { $0.stop() }
            lock.release()
        }
        let runs = temporary.appendingPathComponent("runs")
        let audit = try runPortalAudit(["audit", "--targets", Self.targetsFile.path, "--year", "2025",
                                        "--reported", Self.reported, "--runs", runs.path, "--db", runs.appendingPathComponent("a.sqlite").path,
                                        "--delay-ms", "0", "--per-host", "4"])
        XCTAssertTrue([0, 1].contains(audit.status), audit.stderr)
        XCTAssertTrue(audit.stdout.contains("Đã chấm 5 cơ quan: 0 chưa báo cáo, 0 không kiểm tra được cổng"), audit.stdout)
        let run = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: runs, includingPropertiesForKeys: nil)
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("bao-cao.json").path) })

        // The night's report: one table, the commune tier's, worded by the criteria file.
        let model = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("bao-cao.json"))) as? [String: Any])
        let tables = try XCTUnwrap(model["rankings"] as? [[String: Any]])
        XCTAssertEqual(tables.map { $0["tier"] as? String }, ["commune"])
        XCTAssertEqual(tables[0]["tierLabel"] as? String, "UBND cấp xã")
        XCTAssertEqual(tables[0]["caption"] as? String, Self.caption)
        let rows = try XCTUnwrap(tables[0]["rows"] as? [[String: Any]])
        XCTAssertEqual(Set(rows.compactMap { $0["id"] as? String }), Set(targets.map(\.id)))
        XCTAssertEqual((model["levelShares"] as? [[String: Any]])?.map { $0["tierLabel"] as? String }, ["UBND cấp xã"])
        let averages = try XCTUnwrap(model["averages"] as? [[String: Any]])
        XCTAssertEqual(averages.map { $0["label"] as? String }, ["UBND cấp xã", "Toàn tỉnh Sơn La"])
        // One tier present: the overall average is that tier's.
        XCTAssertEqual(averages[0]["average"] as? Double, averages[1]["average"] as? Double)
        XCTAssertEqual(Set((model["agencies"] as? [[String: Any]])?.compactMap { $0["tierLabel"] as? String } ?? []), ["UBND cấp xã"])
        let markdown = try String(contentsOf: run.appendingPathComponent("bao-cao.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("*\(Self.caption)*"), markdown)
        XCTAssertFalse(markdown.contains("Bảng 2"), markdown)
        let html = try String(contentsOf: run.appendingPathComponent("bao-cao.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<caption>\(Self.caption)</caption>"), html)

        // `score` on the same measurements gives the same totals, and sees the news Ngọc Chiến over-reports.
        let out = temporary.appendingPathComponent("cham-diem")
        let score = try runPortalAudit(["score", "--reported", Self.reported, "--targets", Self.targetsFile.path,
                                        "--measurements", run.appendingPathComponent("measurements.json").path, "--out", out.path])
        XCTAssertEqual(score.status, 0, score.stderr)
        let totalsFile = out.appendingPathComponent("tong-diem-2025.csv")
        let totals = String(decoding: try Data(contentsOf: totalsFile), as: UTF8.self)
        for row in rows {
            let id = try XCTUnwrap(row["id"] as? String), value = try XCTUnwrap(row["score"] as? Double)
            let printed = String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
            XCTAssertTrue(totals.contains("\(id),\(row["name"] as? String ?? ""),commune,\"\(printed)\""), "\(id) \(printed)\n\(totals)")
        }
        let discrepancies = try String(contentsOf: out.appendingPathComponent("sai-lech.csv"), encoding: .utf8)
        let ngocChien = try XCTUnwrap(discrepancies.components(separatedBy: "\r\n").first { $0.contains("xa-ngoc-chien") && $0.contains("tin-bai-xa") },
                                      discrepancies)
        XCTAssertTrue(ngocChien.contains(",40,4,"), ngocChien)
        let scored = try String(contentsOf: out.appendingPathComponent("xep-hang.md"), encoding: .utf8)

        // `rank` on those totals prints the same table.
        let rank = try runPortalAudit(["rank", "--totals", totalsFile.path, "--format", "markdown"])
        XCTAssertEqual(rank.status, 0, rank.stderr)
        let table = try XCTUnwrap(rank.stdout.components(separatedBy: "\n\n").first)
        XCTAssertTrue(table.hasPrefix("| STT | Tên cơ quan | Năm 2025 |"), rank.stdout)
        XCTAssertEqual(table.split(separator: "\n").count, 2 + targets.count, table)
        XCTAssertTrue(scored.hasPrefix(table), scored)
        XCTAssertTrue(rank.stdout.contains("*\(Self.caption)*\n\n"), rank.stdout)
        XCTAssertTrue(rank.stdout.contains("+ Điểm trung bình của khối UBND cấp xã là "), rank.stdout)
        XCTAssertFalse(rank.stdout.contains("Bảng 2"), rank.stdout)
    }

    /// The 2019 criteria rank provinces and districts only: a scored night of communes
    /// under them stops before crawling, naming the first commune's tier line.
    func testAScoredAuditRefusesATierTheCriteriaDoNotDeclare() throws {
        let temporary = makeTemporaryFolder("commune-tier")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let runs = temporary.appendingPathComponent("runs")
        let result = try runPortalAudit(["audit", "--targets", Self.targetsFile.path, "--year", "2025",
                                         "--criteria", packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml").path,
                                         "--reported", Self.reported, "--runs", runs.path, "--db", runs.appendingPathComponent("a.sqlite").path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(Self.targetsFile.path):6:11: unknown tier `commune` (expected province or district: the tiers "),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runs.path))
    }
}
