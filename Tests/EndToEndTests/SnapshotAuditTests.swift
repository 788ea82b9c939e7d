import Audit
import Crawl
import Foundation
import SiteServer
import TestSupport
import XCTest
import Yams

/// Serves every bundled snapshot over HTTP on loopback, audits them with the
/// real binary, and requires the result to equal each `expected.yaml`.
final class SnapshotAuditTests: XCTestCase {
    static let snapshots = packageRoot.appendingPathComponent("snapshots")

    func testEverySnapshotMeasuresAsExpected() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let (result, _) = try crawlRecordedSites(folder: Self.snapshots, targetsFile: Self.snapshots.appendingPathComponent("targets.yaml"),
                                                 year: 2020, out: out)
        XCTAssertEqual(result.status, 0, result.stderr)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("measurements.json"))) as! [String: Any]
        let measured = Dictionary(uniqueKeysWithValues: (json["targets"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        var mismatches = [String]()
        let ids = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots.path).filter {
            FileManager.default.fileExists(atPath: Self.snapshots.appendingPathComponent("\($0)/expected.yaml").path)
        }.sorted()
        XCTAssertEqual(ids.count, 32)
        for id in ids {
            let expected = try Yams.load(yaml: String(contentsOf: Self.snapshots.appendingPathComponent("\(id)/expected.yaml"), encoding: .utf8)) as! [String: Any]
            guard let target = measured[id] else {
                mismatches.append("\(id): not measured")
                continue
            }
            mismatches += Self.compare(id: id, expected: expected, measured: target)
        }
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) mismatches:\n" + mismatches.joined(separator: "\n"))
    }

    static func compare(id: String, expected: [String: Any], measured: [String: Any]) -> [String] {
        var problems = [String]()
        func check(_ what: String, _ want: Any?, _ got: Any?) {
            let wantText = want.map { "\($0)" } ?? "nil"
            let gotText = got.map { "\($0)" } ?? "nil"
            if wantText != gotText { problems.append("\(id): \(what) expected \(wantText), measured \(gotText)") }
        }
        check("status", expected["status"], measured["status"])
        let sections = Dictionary((measured["sections"] as? [[String: Any]] ?? []).map { ($0["item"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        for (item, state) in (expected["sections"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let finding = sections[item]
            if "\(state)" != "\(finding?["state"] ?? "missing")" {
                problems.append("\(id): \(item) expected \(state), measured \(finding?["state"] ?? "missing") \(finding?["url"] ?? "") \(finding?["reason"] ?? "")")
            }
        }
        let news = expected["news"] as? [String: Any] ?? [:]
        let measuredNews = measured["news"] as? [String: Any] ?? [:]
        check("news.count", news["count"], measuredNews["count"])
        if let partial = news["partial"] { check("news.partial", partial as? Bool == true ? 1 : 0, (measuredNews["partial"] as? Bool ?? false) ? 1 : 0) }
        check("documents.count", (expected["documents"] as? [String: Any])?["count"], (measured["documents"] as? [String: Any])?["count"])
        if let documents = expected["documents"] as? [String: Any], documents.keys.contains("own") {
            // null in expected.yaml and in measurements.json alike: the issuer cannot be told.
            func own(_ value: Any?) -> Any { value.flatMap { $0 is NSNull ? nil : $0 } ?? "null" }
            check("documents.own", own(documents["own"]), own((measured["documents"] as? [String: Any])?["own"]))
        }
        let services = expected["services"] as? [String: Any] ?? [:]
        let measuredServices = measured["services"] as? [String: Any] ?? [:]
        for key in ["level3", "level4", "total"] where services[key] != nil {
            check("services.\(key)", services[key], measuredServices[key])
        }
        return problems
    }

    func testABrokenTargetsFileExitsTwoAndWritesNothing() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = folder.appendingPathComponent("targets.yaml")
        try "targets:\n  - id: so-noi-vu\n    name: Sở Nội vụ\n    tier: tinh\n    portal: http://127.0.0.1:9/\n".write(to: targets, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try runPortalAudit(["crawl", "--targets", targets.path, "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("targets.yaml:4:11: unknown tier `tinh`"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
