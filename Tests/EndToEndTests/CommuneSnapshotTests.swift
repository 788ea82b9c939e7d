import Audit
import Crawl
import Foundation
import SiteServer
import TestSupport
import XCTest
import Yams

/// Serves the commune sub-sites of snapshots-2026 (one shared host, a path per
/// commune), audits them for 2025 with the real binary and compares each
/// commune with its expected.yaml: counts, health, and a crawl that kept to
/// the commune's own path.
final class CommuneSnapshotTests: XCTestCase {
    static let folder = packageRoot.appendingPathComponent("snapshots-2026")

    func testEveryCommuneMeasuresAsExpected() throws {
        let temporary = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: temporary) }
        let targetsFile = Self.folder.appendingPathComponent("targets.yaml")
        let targets = try TargetList.load(targetsFile)
        XCTAssertEqual(Set(targets.map(\.tier)), [.commune])
        let out = temporary.appendingPathComponent("run")
        let (result, servers) = try crawlRecordedSites(folder: Self.folder, targetsFile: targetsFile, year: 2025, out: out)
        XCTAssertEqual(servers, 1, "the communes share one platform host")
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("measurements.json"))) as! [String: Any]
        let measured = Dictionary(uniqueKeysWithValues: (json["targets"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })

        var problems: [String] = []
        for target in targets {
            let expected = try Yams.load(yaml: String(contentsOf: Self.folder.appendingPathComponent("\(target.id)/expected.yaml"),
                                                      encoding: .utf8)) as! [String: Any]
            guard let got = measured[target.id] else {
                problems.append("\(target.id): not measured")
                continue
            }
            func check(_ what: String, _ want: Any?, _ have: Any?) {
                let wantText = want.map { "\($0)" } ?? "nil", haveText = have.map { "\($0)" } ?? "nil"
                if wantText != haveText { problems.append("\(target.id): \(what) expected \(wantText), measured \(haveText)") }
            }
            check("status", expected["status"], got["status"])
            check("news.count", (expected["news"] as? [String: Any])?["count"], (got["news"] as? [String: Any])?["count"])
            check("documents.count", (expected["documents"] as? [String: Any])?["count"], (got["documents"] as? [String: Any])?["count"])

            let want = expected["health"] as! [String: Any]
            let health = got["health"] as! [String: Any]
            let injected = health["injectedContent"] as! [String: Any]
            let hits = injected["hits"] as! [[String: Any]]
            check("injectedContent", want["injectedContent"], injected["state"])
            check("hiding", (want["hiding"] as? [String] ?? []).sorted(), Set(hits.map { $0["hiding"] as! String }).sorted())
            let freshness = (health["freshness"] as! [String: Any])["sections"] as! [[String: Any]]
            check("staleSections", (want["staleSections"] as? [String] ?? []).sorted(),
                  freshness.filter { $0["stale"] as? Bool == true }.map { $0["section"] as! String }.sorted())
            check("brokenLinks", want["brokenLinks"], (health["links"] as! [String: Any])["failed"])

            // Every URL the evidence holds is the commune's own, or the host's robots.txt and sitemap.
            let scope = expected["scope"] as! String
            let index = try String(contentsOf: out.appendingPathComponent("evidence/\(target.id).cdxj"), encoding: .utf8)
            let urls = index.split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: "\"url\": \"") else { return nil }
                return String(line[start.upperBound...].prefix { $0 != "\"" })
            }
            XCTAssertFalse(urls.isEmpty, target.id)
            for url in urls {
                let path = URLComponents(string: url)?.path ?? ""
                if !(path.hasPrefix(scope) || path == "/robots.txt" || path == "/sitemap.xml") {
                    problems.append("\(target.id): crawled outside its path: \(url)")
                }
            }
        }
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n"))
    }
}
