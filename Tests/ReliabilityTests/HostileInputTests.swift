import Audit
import Crawl
import Detect
import Fetch
import Foundation
import HTML
import Measure
import Report
import SiteServer
import TestSupport
import XCTest

/// Hostile pages over real HTTP through the whole measurement run, and the
/// HTML layer alone at full size: no crash, bounded memory and time.
final class HostileInputTests: XCTestCase {
    static let memoryBoundMegabytes = 600.0

    func testHostilePortalsAreMeasuredWithinBoundedMemoryAndTime() async throws {
        let pages: [(id: String, response: SiteResponse)] = [
            ("huge", SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: .bytes(HostilePages.huge))),
            ("nested", .html(HostilePages.nested(depth: 100_000))),
            ("gzip-bomb", SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                       body: .bytes([UInt8](HostilePages.gzipBomb)))),
            ("million-links", .html(HostilePages.links(count: 1_000_000))),
            ("long-urls", .html(HostilePages.longURLs(length: 100_000))),
            ("broken-encoding", SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: .bytes(HostilePages.brokenEncoding))),
            ("markup-in-text", .html(HostilePages.markupInText)),
        ]
        var servers: [SiteServer] = []
        defer { servers.forEach { $0.stop() } }
        var targets: [CrawlTarget] = []
        for page in pages {
            let response = page.response
            let server = try SiteServer.start { request in
                request.path == "/" ? response : .html("<html><body><p>\(request.path.prefix(40))</p></body></html>")
            }
            servers.append(server)
            targets.append(CrawlTarget(id: page.id, name: "Cổng \(page.id)", tier: .province, portal: server.baseURL + "/"))
        }
        var options = MeasurementRun.Options(year: 2020)
        options.fetch.perHostDelayMilliseconds = 0
        // A 1 MB cap (10 MB by default) keeps the debug build's analysis of the cut link flood short.
        options.fetch.maxBodyBytes = 1_000_000
        options.settings.delayMilliseconds = 0
        options.settings.maxPages = 40
        options.settings.targetTimeBoxSeconds = 90
        options.parallelTargets = pages.count
        let out = makeTemporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = MeasurementRun(options: options, rules: try RuleSet.load(named: "nd-43-2011"), policy: try URLPolicy.bundled(), log: { _ in })
        let started = Date()
        let file = try await run.measure(targets, out: out, keepingPages: false).file
        let seconds = Date().timeIntervalSince(started)

        let measured = Dictionary(uniqueKeysWithValues: file.targets.map { ($0.id, $0) })
        for page in pages {
            let target = try XCTUnwrap(measured[page.id])
            // The link flood fills the page budget: partial, as it should say.
            XCTAssertEqual(target.status, page.id == "million-links" ? .partial : .ok, "\(page.id): \(target.reason ?? "")")
            XCTAssertGreaterThanOrEqual(target.pagesFetched, 1, page.id)
        }
        XCTAssertEqual(measured["huge"]?.fetch.truncatedBodies, 1, "the 50 MB page is cut at the body cap")
        XCTAssertEqual(measured["gzip-bomb"]?.fetch.truncatedBodies, 1, "the bomb is stopped at the body cap")
        XCTAssertLessThanOrEqual(measured["gzip-bomb"]?.fetch.bytes ?? .max, options.fetch.maxBodyBytes + 1_000_000)
        XCTAssertEqual(measured["million-links"]?.fetch.truncatedBodies, 1)
        XCTAssertGreaterThan(measured["million-links"]?.fetch.skipped[.budget] ?? 0, 20_000, "the flood is refused by the budget")
        XCTAssertGreaterThanOrEqual(measured["long-urls"]?.fetch.skipped[.tooLong] ?? 0, 2, "endless URLs are not fetched")
        XCTAssertEqual(measured["nested"]?.pagesFetched, 2, "the link at the bottom of 100 000 divs was found and followed")
        // Evidence of the run is intact despite what it holds.
        for target in file.targets {
            let scan = try WARCRecovery.scan(out.appendingPathComponent("evidence/\(target.id).warc.gz"))
            XCTAssertFalse(scan.hasTruncatedTail, target.id)
        }
        let peak = peakResidentMegabytes()
        print("hostile portals: \(Int(seconds)) s, peak RSS \(Int(peak)) MB")
        XCTAssertLessThan(peak, Self.memoryBoundMegabytes)
        XCTAssertLessThan(seconds, 150)
    }

    func testDeepNestingNeitherOverflowsTheStackNorLosesTheContent() {
        let document = HTMLDocument(html: HostilePages.nested(depth: 100_000), url: "http://127.0.0.1/")
        XCTAssertEqual(document.links().map(\.url), ["http://127.0.0.1/day-sau"])
        XCTAssertEqual(document.visibleText(), "Đáy sâu")
    }

    func testInvalidUTF8AndNULBytesBecomeCleanText() {
        let text = String(decoding: HostilePages.brokenEncoding, as: UTF8.self)
        let document = HTMLDocument(html: text, url: "http://127.0.0.1/")
        let title = document.title ?? ""
        XCTAssertFalse(title.unicodeScalars.contains("\0"))
        XCTAssertTrue(title.hasPrefix("Ti"), title)
        XCTAssertEqual(document.links().count, 1)
        XCTAssertFalse(document.visibleText().unicodeScalars.contains("\0"))
    }

    /// What a portal writes as text (titles, anchors, URLs) reaches the
    /// report as text: the real renderer escapes it.
    func testMarkupFromAPortalShowsAsTextInTheReport() async throws {
        let server = try SiteServer.start { request in
            request.path == "/" ? .html(HostilePages.markupInText) : .html("<html><body>trang</body></html>")
        }
        defer { server.stop() }
        var configuration = FetchConfiguration()
        configuration.perHostDelayMilliseconds = 0
        try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            var settings = CrawlSettings()
            settings.delayMilliseconds = 0
            let engine = CrawlEngine(fetcher: fetcher, settings: settings, policy: try URLPolicy.bundled())
            let observer = PageTexts()
            let target = CrawlTarget(id: "markup", name: "Cổng markup", tier: .province, portal: server.baseURL + "/")
            _ = await engine.crawl(target, evidence: nil, observer: observer)
            let title = try XCTUnwrap(observer.titles.first)
            XCTAssertTrue(title.contains("<script>alert('xss')</script>"), title)
            let anchor = try XCTUnwrap(observer.anchors.first { $0.contains("onerror") })
            let hostileURL = try XCTUnwrap(observer.urls.first { $0.contains("script") })

            let agency = AgencyReport(id: "markup", name: title, tierLabel: "Cấp tỉnh", portal: hostileURL, status: .ok, statusReason: anchor,
                                      checklist: [ChecklistRow(item: "tin-tuc", label: anchor, state: .present, evidenceURL: hostileURL)],
                                      figures: [], trend: [], openFlags: [FlagRow(message: anchor, since: Date())])
            let model = ReportModel(title: title, run: RunSummary(id: "night-1", startedAt: Date(), year: 2020, rules: "Nghị định 43/2011/NĐ-CP"),
                                    rankings: [], levelShares: [], averages: [], agencies: [agency])
            let html = HTMLReport.render(model)
            let rendered = HTMLDocument(html: html, url: "file:///report.html")
            XCTAssertEqual(rendered.nodes("//script").count, 0, "no script element may come from a portal")
            XCTAssertEqual(rendered.nodes("//img").count, 0)
            XCTAssertEqual(rendered.nodes("//*[@onerror]").count, 0)
            XCTAssertTrue(rendered.visibleText().contains(HostilePages.scriptInText), "the hostile text is shown as written")
        }
    }
}

/// Collects what pages say about themselves.
final class PageTexts: CrawlObserver {
    var titles: [String] = []
    var anchors: [String] = []
    var urls: [String] = []

    func crawled(_ page: CrawledPage) {
        if let title = page.document?.title { titles.append(title) }
        for link in page.document?.links() ?? [] {
            anchors.append(link.text)
            urls.append(link.url)
        }
    }

    func link(_ event: LinkEvent) {}
}
