import Audit
import Crawl
import Foundation
import SiteServer
import SnapshotServer
import Store
import TestSupport
import XCTest
import Yams

/// Nights of `portal-audit audit` over copies of the bundled snapshots served on
/// loopback, edited between nights the way portals change.
///
/// Each test serves its own copy on the agencies' own addresses (127.0.0.N) but on a
/// free port, with the copies' absolute links moved to that port: the nights never
/// depend on port 8043 being free, and test processes never share a site.
final class NightlyAuditTests: XCTestCase {
    static let year = "2020"

    // MARK: Changes, flags, exit codes and conditional requests over three nights

    func testNightsRecordExactlyTheChangesAndFlagsAndAskUnchangedPagesConditionally() throws {
        let sites = try ServedSnapshots(agencies: ["so-noi-vu", "ban-dan-toc", "so-tai-chinh"])
        defer { sites.stop() }
        let runs = sites.folder.appendingPathComponent("runs")
        let db = runs.appendingPathComponent("audit.sqlite")

        let night1 = try audit(sites, runs: runs, db: db)
        XCTAssertEqual(night1.status, 0, "no flag can hold after one night\n" + night1.stderr)
        let run1 = try XCTUnwrap(latestRunID(db))
        XCTAssertTrue(night1.stdout.contains(runs.appendingPathComponent("\(run1)/bao-cao.html").path), night1.stdout)
        for name in ["measurements.json", "bao-cao.html", "bao-cao.csv", "bao-cao.json", "bao-cao.md", "evidence/so-noi-vu.warc.gz"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: runs.appendingPathComponent("\(run1)/\(name)").path), name)
        }
        let measured1 = try measurements(runs, run1)
        let news1 = try XCTUnwrap((measured1["ban-dan-toc"]?["news"] as? [String: Any])?["count"] as? Int)

        // Between the nights: Sở Nội vụ drops its work schedule, Ban Dân tộc publishes one more article.
        try sites.removeWorkSchedule(of: "so-noi-vu")
        try sites.addArticle(to: "ban-dan-toc")

        let night2 = try audit(sites, runs: runs, db: db)
        XCTAssertEqual(night2.status, 1, "the items absent on both nights are flagged\n" + night2.stderr)
        let store = try Store.open(path: db.path)
        let run2 = try XCTUnwrap(latestRunID(db))
        XCTAssertEqual(try store.changes(run: run2).map { "\($0.agency) \($0.kind.rawValue) \($0.subject) \($0.before ?? "") \($0.after ?? "")" }.sorted(), [
            "ban-dan-toc countChanged news \(news1) \(news1 + 1)",
            "so-noi-vu itemDisappeared chi-dao-dieu-hanh.lich-cong-tac present absent",
        ])
        let absentFromTheStart = try sites.expectedAbsentItems()
        XCTAssertFalse(absentFromTheStart.isEmpty)
        // Sections whose newest entry was too old on both nights (portal health) are flagged too.
        let staleOnBothNights = Self.staleSections(measured1).intersection(Self.staleSections(try measurements(runs, run2)))
        XCTAssertEqual(Set(try store.newFlags(run: run2).map { "\($0.agency) \($0.kind.rawValue) \($0.subject)" }),
                       Set(absentFromTheStart.map { "\($0.agency) missing \($0.item)" }).union(staleOnBothNights),
                       "a disappeared item is not flagged after one absent night")

        // Each night keeps the stylesheets and images its proving pages reference and the
        // portal serves (the snapshots' images are missing: 404, not kept).
        let measured2 = try measurements(runs, run2)
        let referenced = try referencedAssets(runs, run1, agency: "so-tai-chinh", measured: measured1)
        let served = referenced.filter { sites.serves($0, agency: "so-tai-chinh") }
        XCTAssertFalse(served.isEmpty, "the proving pages link the portal's stylesheet")
        XCTAssertEqual(try assetURLs(runs, run1, agency: "so-tai-chinh"), served)
        XCTAssertEqual(try assetURLs(runs, run2, agency: "so-tai-chinh"), served)

        // The unchanged agency: asked conditionally, answered 304 for every page, measured the same.
        let revisited = try revisitURLs(runs, run2, agency: "so-tai-chinh")
        XCTAssertFalse(revisited.isEmpty)
        XCTAssertEqual(revisited, try responseURLs(runs, run1, agency: "so-tai-chinh")
            .subtracting(try crawlFiles(runs, run1, agency: "so-tai-chinh")).subtracting(served))
        XCTAssertEqual(try responseURLs(runs, run2, agency: "so-tai-chinh"), try crawlFiles(runs, run2, agency: "so-tai-chinh").union(served),
                       "only robots.txt, sitemaps and the proving pages' assets, asked unconditionally, come in full")
        XCTAssertEqual(try findingsText(measured2["so-tai-chinh"]), try findingsText(measured1["so-tai-chinh"]))
        // The changed pages were answered in full, the others by 304.
        let noiVuRevisits = try revisitURLs(runs, run2, agency: "so-noi-vu")
        let noiVuFull = try responseURLs(runs, run2, agency: "so-noi-vu")
        XCTAssertFalse(noiVuRevisits.isEmpty)
        for page in ["/web/guest/so-do-cong", "/web/guest/trang-chu"] {
            XCTAssertTrue(noiVuFull.contains { $0.hasSuffix(page) }, page)
            XCTAssertFalse(noiVuRevisits.contains { $0.hasSuffix(page) }, page)
        }

        let night3 = try audit(sites, runs: runs, db: db)
        XCTAssertEqual(night3.status, 1, "the schedule is absent a second night\n" + night3.stderr)
        let run3 = try XCTUnwrap(latestRunID(db))
        XCTAssertEqual(try store.changes(run: run3), [])
        XCTAssertEqual(try store.newFlags(run: run3).map { "\($0.agency) \($0.kind.rawValue) \($0.subject)" },
                       ["so-noi-vu missing chi-dao-dieu-hanh.lich-cong-tac"])
        let measured3 = try measurements(runs, run3)
        for agency in ["so-noi-vu", "ban-dan-toc", "so-tai-chinh"] {
            XCTAssertEqual(try findingsText(measured3[agency]), try findingsText(measured2[agency]), "\(agency): revisits measure as full fetches")
        }

        let history = try runPortalAudit(["history", "--agency", "ban-dan-toc", "--db", db.path])
        XCTAssertEqual(history.status, 0, history.stderr)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, history.stdout)
        XCTAssertTrue(lines[0].hasPrefix("Đêm kiểm tra"), history.stdout)
        XCTAssertTrue(lines[3].contains("Số tin bài: \(news1) → \(news1 + 1) (+1)"), history.stdout)
        let flags = try runPortalAudit(["flags", "--open", "--agency", "so-noi-vu", "--db", db.path])
        XCTAssertEqual(flags.status, 0, flags.stderr)
        XCTAssertTrue(flags.stdout.contains("Thiếu mục Lịch công tác"), flags.stdout)

        let markdown = sites.folder.appendingPathComponent("night2.md")
        let report = try runPortalAudit(["report", "--run", run2, "--format", "md", "--out", markdown.path, "--db", db.path, "--runs", runs.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(try Data(contentsOf: markdown), try Data(contentsOf: runs.appendingPathComponent("\(run2)/bao-cao.md")))
    }

    // MARK: An interrupted night

    func testAKilledRunIsRestartedWithoutCountingAnythingTwice() throws {
        let sites = try ServedSnapshots(agencies: ["so-noi-vu", "ban-dan-toc"])
        defer { sites.stop() }
        let interrupted = sites.folder.appendingPathComponent("interrupted")
        let plain = sites.folder.appendingPathComponent("plain")
        let night1 = try audit(sites, runs: interrupted, db: interrupted.appendingPathComponent("audit.sqlite"))
        XCTAssertEqual(night1.status, 0, night1.stderr)
        try FileManager.default.copyItem(at: interrupted, to: plain)

        // The second night dies midway (as on a power cut), then runs again: the sites answer
        // 30 requests and hold the next, so the kill lands while the night is surely crawling.
        let hold = sites.hold(passing: 30)
        let killed = try startPortalAudit(auditArguments(sites, runs: interrupted, db: interrupted.appendingPathComponent("audit.sqlite")))
        XCTAssertTrue(hold.waitUntilHolding(seconds: 120), "the second night never got that far")
        XCTAssertEqual(try runFolders(interrupted).count, 2, "the second night has its folder")
        XCTAssertTrue(killed.isRunning, "a night waiting for a page is still running")
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        sites.release()
        let rerun = try audit(sites, runs: interrupted, db: interrupted.appendingPathComponent("audit.sqlite"))
        let uninterrupted = try audit(sites, runs: plain, db: plain.appendingPathComponent("audit.sqlite"))
        XCTAssertEqual(rerun.status, uninterrupted.status, rerun.stderr + uninterrupted.stderr)

        XCTAssertEqual(try runFolders(interrupted).count, 2, "the killed night's folder is gone")
        let a = try Store.open(path: interrupted.appendingPathComponent("audit.sqlite").path)
        let b = try Store.open(path: plain.appendingPathComponent("audit.sqlite").path)
        for agency in ["so-noi-vu", "ban-dan-toc"] {
            let left = try a.history(agency: agency, limit: 10), right = try b.history(agency: agency, limit: 10)
            XCTAssertEqual(left.count, 2)
            XCTAssertEqual(left.map(Self.comparable), right.map(Self.comparable), agency)
        }
        XCTAssertEqual(try a.allFlags().map(Self.comparable).sorted(), try b.allFlags().map(Self.comparable).sorted())
        XCTAssertFalse(try a.allFlags().isEmpty)
    }

    // MARK: The run lock

    func testASecondAuditExitsThreeAtOnceWhileTheFirstHoldsTheLockThenAScoredNightRuns() throws {
        let sites = try ServedSnapshots(agencies: ["so-noi-vu"])
        defer { sites.stop() }
        let runs = sites.folder.appendingPathComponent("runs")
        let db = runs.appendingPathComponent("audit.sqlite")
        // The first night's requests are held, so it holds the lock for as long as the test needs.
        let hold = sites.hold(passing: 0)
        let first = try startPortalAudit(auditArguments(sites, runs: runs, db: db))
        XCTAssertTrue(hold.waitUntilHolding(seconds: 120), "the first run never asked for a page")
        XCTAssertTrue(Self.isLocked(db.path + ".lock"), "a crawling night holds the lock")
        let second = try audit(sites, runs: runs, db: db)
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stderr.contains("another audit holds the lock"), second.stderr)
        XCTAssertTrue(first.isRunning, "the lock was tested after the first run ended")
        sites.release()
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(try runFolders(runs).count, 1, "the refused run wrote nothing")
        // The lock is free again; this night is scored from Sở Nội vụ's row of the 2020 self-reports
        // (rows must name the targets audited).
        let reportLines = try String(contentsOf: packageRoot.appendingPathComponent("reported/2020/bao-cao-2020.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").enumerated().filter { $0.offset < 3 || $0.element.hasPrefix("so-noi-vu,") }.map(\.element)
        let reported = sites.folder.appendingPathComponent("bao-cao-2020.csv")
        try reportLines.joined(separator: "\r\n").write(to: reported, atomically: true, encoding: .utf8)
        let third = try runPortalAudit(auditArguments(sites, runs: runs, db: db) + ["--reported", reported.path])
        XCTAssertEqual(third.status, 1, "reported counts the crawl contradicts are flagged\n" + third.stderr)
        let run = try XCTUnwrap(latestRunID(db))
        let ranking = try String(contentsOf: runs.appendingPathComponent("\(run)/bao-cao-xep-hang.csv"), encoding: .utf8)
        XCTAssertTrue(ranking.contains("CQNN cấp tỉnh,1,so-noi-vu,Sở Nội vụ,\"01 ("), ranking)
        let store = try Store.open(path: db.path)
        XCTAssertNotNil(try store.history(agency: "so-noi-vu", limit: 1).last?.score)
        XCTAssertTrue(try store.newFlags(run: run).contains { $0.kind == .discrepancy && $0.subject == "tin-bai" })
    }

    func testBadInputExitsTwoAndWritesNothing() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reported = folder.appendingPathComponent("bao-cao.csv")
        try "id,name,tier,khong-co-cot-nay\nso-noi-vu,Sở Nội vụ,province,1\n".write(to: reported, atomically: true, encoding: .utf8)
        let runs = folder.appendingPathComponent("runs")
        let result = try runPortalAudit(["audit", "--targets", SnapshotAuditTests.snapshots.appendingPathComponent("targets.yaml").path, "--year", "2020",
                                         "--reported", reported.path, "--runs", runs.path, "--db", runs.appendingPathComponent("a.sqlite").path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(reported.path):1:4:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runs.path))
    }

    // MARK: Helpers

    private func auditArguments(_ sites: ServedSnapshots, runs: URL, db: URL) -> [String] {
        ["audit", "--targets", sites.targetsFile.path, "--year", Self.year, "--runs", runs.path, "--db", db.path,
         "--delay-ms", "0", "--per-host", "4"]
    }

    private func audit(_ sites: ServedSnapshots, runs: URL, db: URL) throws -> CommandResult {
        try runPortalAudit(auditArguments(sites, runs: runs, db: db))
    }

    private func startPortalAudit(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = portalAuditBinary()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    private static func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    private func latestRunID(_ db: URL) throws -> String? {
        let store = try Store.open(path: db.path)
        defer { try? store.close() }
        return try store.latestRun()?.id
    }

    private func runFolders(_ runs: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: runs.path).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: runs.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// "agency stale-section section" for every section measurements.json calls stale.
    private static func staleSections(_ measured: [String: [String: Any]]) -> Set<String> {
        Set(measured.flatMap { id, target -> [String] in
            let sections = ((target["health"] as? [String: Any])?["freshness"] as? [String: Any])?["sections"] as? [[String: Any]] ?? []
            return sections.filter { $0["stale"] as? Bool == true }.map { "\(id) stale-section \($0["section"] as? String ?? "")" }
        })
    }

    private func measurements(_ runs: URL, _ run: String) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: runs.appendingPathComponent("\(run)/measurements.json"))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Dictionary(uniqueKeysWithValues: (json["targets"] as? [[String: Any]] ?? []).map { ($0["id"] as! String, $0) })
    }

    /// What a night concluded for an agency, without when and from which record.
    private func findingsText(_ target: [String: Any]?) throws -> String {
        let target = try XCTUnwrap(target)
        let sections = (target["sections"] as? [[String: Any]] ?? []).map { "\($0["item"]!)=\($0["state"]!)@\($0["url"] ?? "")" }
        let news = target["news"] as? [String: Any] ?? [:], documents = target["documents"] as? [String: Any] ?? [:]
        let services = target["services"] as? [String: Any] ?? [:]
        return ([target["status"].map { "\($0)" } ?? ""] + sections + [
            "news \(news["count"] ?? "") \(news["undated"] ?? "") \(news["partial"] ?? "")",
            "documents \(documents["count"] ?? "")",
            "services \(services["level3"] ?? "") \(services["level4"] ?? "") \(services["total"] ?? "")",
        ]).joined(separator: "\n")
    }

    /// Index lines of a night's WARC (`<surt> <timestamp> {json}`).
    private func indexEntries(_ runs: URL, _ run: String, agency: String) throws -> [[String: String]] {
        let text = try String(contentsOf: runs.appendingPathComponent("\(run)/evidence/\(agency).cdxj"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let json = line[line.firstIndex(of: "{")!...]
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        }
    }

    private func revisitURLs(_ runs: URL, _ run: String, agency: String) throws -> Set<String> {
        Set(try indexEntries(runs, run, agency: agency).filter { $0["mime"] == "warc/revisit" && $0["status"] == "304" }.compactMap { $0["url"] })
    }

    private func responseURLs(_ runs: URL, _ run: String, agency: String) throws -> Set<String> {
        Set(try indexEntries(runs, run, agency: agency).filter { $0["status"] == "200" }.compactMap { $0["url"] })
    }

    /// Stylesheets and images kept in a night's evidence.
    private func assetURLs(_ runs: URL, _ run: String, agency: String) throws -> Set<String> {
        Set(try indexEntries(runs, run, agency: agency).filter { entry in
            entry["status"] == "200" && ["text/css", "image/"].contains { entry["mime"]?.hasPrefix($0) == true }
        }.compactMap { $0["url"] })
    }

    /// The stylesheets and images the night's proving pages (the pages its present items cite)
    /// reference, read from their archived bodies.
    private func referencedAssets(_ runs: URL, _ run: String, agency: String, measured: [String: [String: Any]]) throws -> Set<String> {
        let evidence = runs.appendingPathComponent("\(run)/evidence")
        let proofs = Set((measured[agency]?["sections"] as? [[String: Any]] ?? []).filter { $0["state"] as? String == "present" }.compactMap { $0["url"] as? String })
        let reference = try NSRegularExpression(pattern: #"<link\b[^>]*\bhref="([^"]+)"[^>]*rel="stylesheet"|<link\b[^>]*rel="stylesheet"[^>]*\bhref="([^"]+)"|<img\b[^>]*\bsrc="([^"]+)""#)
        var found = Set<String>()
        for proof in proofs {
            let entry = try XCTUnwrap(try CDXJReader.entries(for: proof, in: evidence.appendingPathComponent("\(agency).cdxj")).last { $0.status == 200 }, proof)
            let html = String(decoding: try WARCRecordReader.response(in: evidence.appendingPathComponent(entry.filename), at: entry.offset).body, as: UTF8.self)
            for match in reference.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = (1...3).lazy.compactMap({ Range(match.range(at: $0), in: html) }).first,
                      let url = URL(string: String(html[range]), relativeTo: URL(string: proof)) else { continue }
                found.insert(url.absoluteString)
            }
        }
        return found
    }

    /// robots.txt and sitemaps: read before the crawl, never conditionally.
    private func crawlFiles(_ runs: URL, _ run: String, agency: String) throws -> Set<String> {
        try responseURLs(runs, run, agency: agency).filter { $0.hasSuffix("/robots.txt") || $0.contains("sitemap") && $0.hasSuffix(".xml") }
    }

    private static func comparable(_ row: AgencyHistoryRow) -> String {
        "\(row.status) \(row.itemsPresent) \(row.news ?? -1) \(row.documents ?? -1) \(row.level3 ?? -1) \(row.level4 ?? -1) "
            + row.changes.map { "\($0.reason)" }.joined(separator: "; ")
    }

    private static func comparable(_ flag: Flag) -> String {
        "\(flag.agency) \(flag.kind.rawValue) \(flag.subject) \(flag.reason) \(flag.isOpen)"
    }
}

/// A copy of some agencies' snapshots, served on their addresses at a free port.
final class ServedSnapshots {
    let folder = makeTemporaryFolder()
    let targetsFile: URL
    let agencies: [String]
    private var servers: [SiteServer] = []
    private let holds = HoldSwitch()

    init(agencies: [String]) throws {
        self.agencies = agencies
        let port = try Self.freePort()
        let source = SnapshotAuditTests.snapshots
        let copy = folder.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for agency in agencies {
            try FileManager.default.copyItem(at: source.appendingPathComponent(agency), to: copy.appendingPathComponent(agency))
        }
        // Links, robots.txt and sitemaps name the portals with port 8043: they move with the sites.
        let enumerator = FileManager.default.enumerator(at: copy, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let data = try Data(contentsOf: file)
            guard let text = String(data: data, encoding: .utf8), text.contains(":8043") else { continue }
            try Data(text.replacingOccurrences(of: ":8043", with: ":\(port)").utf8).write(to: file)
        }
        let all = try TargetList.load(source.appendingPathComponent("targets.yaml"))
        let selected = all.filter { agencies.contains($0.id) }
        targetsFile = folder.appendingPathComponent("targets.yaml")
        let yaml = selected.map { target in
            var lines = ["  - id: \(target.id)", "    name: \(target.name)", "    tier: \(target.tier)",
                         "    portal: \(target.portal.replacingOccurrences(of: ":8043", with: ":\(port)"))"]
            if !target.services.isEmpty {
                lines.append("    services:")
                lines += target.services.map { "      - \($0.replacingOccurrences(of: ":8043", with: ":\(port)"))" }
            }
            return lines.joined(separator: "\n")
        }
        try ("targets:\n" + yaml.joined(separator: "\n") + "\n").write(to: targetsFile, atomically: true, encoding: .utf8)
        servers = try SnapshotSites.start(SnapshotSites.bindings(folder: copy, targets: try TargetList.load(targetsFile)), holds: holds)
    }

    /// From now on the sites answer `passing` more requests, then hold the rest.
    func hold(passing: Int) -> RequestHold { holds.hold(passing: passing) }

    /// Sends what is held and answers freely again.
    func release() { holds.release() }

    func stop() {
        release()
        servers.forEach { $0.stop() }
        try? FileManager.default.removeItem(at: folder)
    }

    private func site(_ agency: String) -> URL {
        folder.appendingPathComponent("snapshots/\(agency)/site")
    }

    /// True when the agency's copy holds a file at the URL's path.
    func serves(_ url: String, agency: String) -> Bool {
        var isFolder: ObjCBool = false
        let path = URL(string: url)?.path ?? ""
        return FileManager.default.fileExists(atPath: site(agency).appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// The work schedule (Lịch công tác) leaves the portal: its page, its home block and its site-map link.
    func removeWorkSchedule(of agency: String) throws {
        let link = "<a href=\"/web/guest/lich-lam-viec\">"
        try edit(site(agency).appendingPathComponent("web/guest/trang-chu")) { try Self.removeEnclosing(link, open: "<section", close: "</section>", in: $0) }
        try edit(site(agency).appendingPathComponent("web/guest/so-do-cong")) { try Self.removeEnclosing(link, open: "<li>", close: "</li>", in: $0) }
        try FileManager.default.removeItem(at: site(agency).appendingPathComponent("web/guest/lich-lam-viec"))
    }

    /// One more 2020 article in "Tin hoạt động", listed first.
    func addArticle(to agency: String) throws {
        let listing = site(agency).appendingPathComponent("vi/news/tin-hoat-dong/index.html")
        let original = "nang-cao-hieu-qua-giam-ngheo-ben-vung-o-vung-cao-1921"
        let added = "tong-ket-cong-tac-dan-toc-thang-10-1999"
        let title = ("Nâng cao hiệu quả giảm nghèo bền vững ở vùng cao", "Tổng kết công tác dân tộc tháng 10")
        func renamed(_ text: String) -> String {
            text.replacingOccurrences(of: original, with: added).replacingOccurrences(of: title.0, with: title.1)
                .replacingOccurrences(of: "04/09/2020", with: "15/10/2020")
        }
        try edit(listing) { html in
            let marker = "<div class=\"news_column"
            let first = try XCTUnwrap(html.range(of: marker))
            let next = try XCTUnwrap(html.range(of: marker, range: first.upperBound..<html.endIndex))
            return html.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: renamed(String(html[first.lowerBound..<next.lowerBound])))
        }
        let article = site(agency).appendingPathComponent("vi/news/tin-hoat-dong/\(original).html")
        try renamed(try String(contentsOf: article, encoding: .utf8))
            .write(to: site(agency).appendingPathComponent("vi/news/tin-hoat-dong/\(added).html"), atomically: true, encoding: .utf8)
    }

    /// The items expected.yaml gives as absent, per agency.
    func expectedAbsentItems() throws -> [(agency: String, item: String)] {
        try agencies.flatMap { agency -> [(agency: String, item: String)] in
            let text = try String(contentsOf: SnapshotAuditTests.snapshots.appendingPathComponent("\(agency)/expected.yaml"), encoding: .utf8)
            let expected = try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any])
            let sections = expected["sections"] as? [String: String] ?? [:]
            return sections.filter { $0.value == "absent" }.map { (agency, $0.key) }
        }
    }

    private func edit(_ file: URL, _ change: (String) throws -> String) throws {
        let before = try String(contentsOf: file, encoding: .utf8)
        let after = try change(before)
        XCTAssertNotEqual(before, after, file.path)
        try after.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Every element `open…close` around an occurrence of `needle`.
    static func removeEnclosing(_ needle: String, open: String, close: String, in html: String) throws -> String {
        var text = html
        while let hit = text.range(of: needle) {
            let start = try XCTUnwrap(text.range(of: open, options: .backwards, range: text.startIndex..<hit.lowerBound))
            let end = try XCTUnwrap(text.range(of: close, range: hit.upperBound..<text.endIndex))
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text
    }

    private static func freePort() throws -> Int {
        let probe = try SiteServer.start(host: "127.0.0.1", port: 0) { _ in SiteResponse(status: 204, headers: []) }
        defer { probe.stop() }
        return probe.port
    }
}
