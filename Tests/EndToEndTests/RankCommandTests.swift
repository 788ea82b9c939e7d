import Foundation
import XCTest

/// Runs the built `portal-audit rank` on the decision's totals.
final class RankCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let decision = root.appendingPathComponent("testdata/decision-2793-2020")

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    /// The binary next to the test bundle (…/.build/debug/portal-audit), which `swift build --build-tests` builds.
    static func binary() throws -> URL {
        let starts = [Bundle.main.bundleURL, Bundle(for: RankCommandTests.self).bundleURL,
                      root.appendingPathComponent(".build/debug/portal-audit.xctest")]
        for start in starts {
            var directory = start
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("portal-audit")
                if FileManager.default.isExecutableFile(atPath: candidate.path) && !candidate.hasDirectoryPath {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        throw XCTSkip("portal-audit not built next to the test bundle (\(starts.map(\.path))); run `swift build --build-tests`")
    }

    func run(_ arguments: [String], in directory: URL = root) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the tool.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func decisionFile(_ name: String) -> String { Self.decision.appendingPathComponent(name).path }

    func testMarkdownReproducesTheDecision() throws {
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for name in ["bang-1.md", "bang-2.md", "ty-le-muc-do.md", "diem-trung-binh.md"] {
            let expected = try String(contentsOfFile: decisionFile(name), encoding: .utf8).trimmingCharacters(in: .newlines)
            XCTAssertTrue(result.stdout.contains(expected), "\(name) not reproduced:\n\(result.stdout)")
        }
    }

    func testJSONRowsCarryRankChangeAndLevel() throws {
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
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
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"), "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let row = try XCTUnwrap(((json["tiers"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])?.first)
        XCTAssertTrue(row.keys.contains("change"))
        XCTAssertTrue(row["change"] is NSNull)
        XCTAssertEqual(row["rank"] as? Int, 1)
    }

    func testCSVHasBOMAndVietnameseHeaders() throws {
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
                              "--previous", decisionFile("tong-diem-2019.csv"), "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}Khối,STT,Mã cơ quan,Tên cơ quan,Điểm năm 2020"), result.stdout)
        XCTAssertTrue(result.stdout.contains("CQNN cấp tỉnh,14,so-nong-nghiep-va-phat-trien-nong-thon,Sở Nông nghiệp và Phát triển nông thôn,\"82,7\",14,Khá,\"82,7\",09,-5\r\n"),
                      result.stdout)
    }

    func testConventionOptionsChangeTheArithmetic() throws {
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"),
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
        let result = try run(["rank", "--totals", bad.path, "--format", "json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(bad.path):3:4:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testDefaultCriteriaAreFoundFromAnotherWorkingDirectory() throws {
        let result = try run(["rank", "--totals", decisionFile("tong-diem-2020.csv"), "--format", "markdown"],
                             in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("| 1 | Sở Nội vụ | 01 (95,3) |"), result.stdout)
    }
}
