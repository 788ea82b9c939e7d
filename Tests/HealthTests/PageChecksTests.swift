import Fetch
@testable import Health
import HTML
import SiteServer
import XCTest

/// The page checks over real HTTP: fixture pages served on loopback, fetched
/// with libcurl, parsed with libxml2, read by the portal health builder.
final class PageChecksTests: XCTestCase {
    private var server: SiteServer!
    private var configuration = FetchConfiguration()
    private let night = Date()

    override func setUpWithError() throws {
        let site = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/site", withExtension: nil))
        server = try SiteServer.start(handler: try StaticSite(root: site).handler)
        configuration.perHostDelayMilliseconds = 0
        configuration.perHostConnections = 4
    }

    override func tearDown() {
        server.stop()
    }

    private func health(of pages: [String], year: Int = 2025) async throws -> PortalHealth {
        let builder = PortalHealthBuilder(rules: try HealthRules.standard(), portalHosts: ["127.0.0.1"], auditYear: year, night: night)
        try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            for page in pages {
                let response = try await fetcher.fetch(FetchRequest(url: "\(server.baseURL)/\(page)")).get()
                builder.consume(HTMLDocument(html: try XCTUnwrap(response.text), url: response.url), at: response.fetchedAt)
            }
        }
        return PortalHealth.assemble(builder.finish(portalReachable: true), probe: nil, rules: try HealthRules.standard())
    }

    func testEveryHidingWayIsFoundWithPageTextAndWay() async throws {
        let expected: [(page: String, way: HidingWay, kind: InjectedHit.Kind, term: String?)] = [
            ("an-display-none.html", .displayNone, .vocabulary, "nổ hũ"),
            ("an-visibility.html", .visibilityHidden, .vocabulary, "tài xỉu"),
            ("an-offscreen.html", .offscreen, .vocabulary, "lô đề"),
            ("an-zero-size.html", .zeroSize, .vocabulary, "slot game"),
            ("an-same-colour.html", .sameColour, .vocabulary, "casino"),
            ("an-class-rule.html", .displayNone, .vocabulary, "cá cược"),
            ("an-link-farm.html", .hiddenAttribute, .linkFarm, nil),
            ("an-spam-host.html", .visible, .spamHost, nil),
            ("an-visible.html", .visible, .vocabulary, "nhà cái"),
        ]
        for item in expected {
            let result = try await health(of: [item.page]).injectedContent
            XCTAssertEqual(result.state, .critical, item.page)
            let hit = try XCTUnwrap(result.hits.first { $0.kind == item.kind && (item.term == nil || $0.term == item.term) }, item.page)
            XCTAssertEqual(hit.hiding, item.way, item.page)
            XCTAssertTrue(hit.url.hasSuffix(item.page), hit.url)
            XCTAssertFalse(hit.text.isEmpty, item.page)
            XCTAssertFalse(hit.how.isEmpty, item.page)
        }
    }

    /// A class rule and an inline style repeated on several elements hide each
    /// of them: the scanner reads each distinct value once and must not lose the later ones.
    func testRepeatedClassesAndStylesHideEveryElement() async throws {
        let hits = try await health(of: ["an-lap-lai.html"]).injectedContent.hits
        let found = hits.filter { $0.kind == .vocabulary }.map { "\($0.term ?? "") \($0.hiding.rawValue)" }
        XCTAssertEqual(Set(found), ["cá cược display-none", "nổ hũ display-none", "đổi thưởng display-none", "lô đề offscreen", "tài xỉu offscreen"])
    }

    /// One scanner reads a portal's pages in turn and remembers their style
    /// sheets and hosts: each page still shows what it shows read alone, with
    /// sheets that change, come back, or are missing from page to page.
    func testPagesReadInTurnFindWhatEachPageFindsAlone() async throws {
        let pages = ["an-class-rule.html", "sach-class-rule.html", "an-class-rule.html", "an-lap-lai.html", "an-display-none.html",
                     "an-lap-lai.html", "an-spam-host.html", "an-link-farm.html", "an-spam-host.html", "kho-truy-cap.html", "an-visible.html"]
        let rules = try HealthRules.standard()
        let documents = try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            var documents: [(HTMLDocument, Date)] = []
            for page in pages {
                let response = try await fetcher.fetch(FetchRequest(url: "\(server.baseURL)/\(page)")).get()
                documents.append((HTMLDocument(html: try XCTUnwrap(response.text), url: response.url), response.fetchedAt))
            }
            return documents
        }
        func checks(_ documents: ArraySlice<(HTMLDocument, Date)>) -> PortalHealth {
            let builder = PortalHealthBuilder(rules: rules, portalHosts: ["127.0.0.1"], auditYear: 2025, night: night)
            for (document, time) in documents { builder.consume(document, at: time) }
            return PortalHealth.assemble(builder.finish(portalReachable: true), probe: nil, rules: rules)
        }
        let inTurn = checks(documents[...])
        let alone = documents.indices.map { checks(documents[$0...$0]) }
        XCTAssertEqual(inTurn.injectedContent.hits, alone.flatMap(\.injectedContent.hits))
        XCTAssertEqual(inTurn.injectedContent.hitCount, alone.map(\.injectedContent.hitCount).reduce(0, +))
        XCTAssertEqual(inTurn.accessibility.counts.total, alone.map(\.accessibility.counts.total).reduce(0, +))
        XCTAssertGreaterThan(inTurn.injectedContent.hitCount, 10)
    }

    func testTheSpamHostAndTheLinkFarmNameTheirLinks() async throws {
        let spam = try await health(of: ["an-spam-host.html"]).injectedContent.hits
        XCTAssertEqual(spam.first?.link, "https://www.fb88-vn.example/")
        let farm = try await health(of: ["an-link-farm.html"]).injectedContent.hits
        XCTAssertTrue(farm.first?.text.hasPrefix("6 liên kết ẩn") ?? false, farm.first?.text ?? "")
    }

    func testCleanTwinsStayClean() async throws {
        let clean = ["sach-display-none.html", "sach-visibility.html", "sach-offscreen.html", "sach-zero-size.html",
                     "sach-same-colour.html", "sach-class-rule.html"]
        let result = try await health(of: clean).injectedContent
        XCTAssertEqual(result.hits, [])
        XCTAssertEqual(result.state, .ok)
        XCTAssertEqual(result.pagesScanned, 6)
    }

    func testAccessibilityCountsAndWorstPage() async throws {
        let result = try await health(of: ["kho-truy-cap.html", "de-truy-cap.html"]).accessibility
        let expected = AccessibilityCounts(pagesWithoutLang: 1, pagesWithoutTitle: 1, imagesWithoutAlt: 2, fieldsWithoutLabel: 3,
                                           emptyLinks: 2, emptyButtons: 1, headingSkips: 2)
        XCTAssertEqual(result.counts, expected)
        XCTAssertEqual(result.worstPages.map(\.url), ["\(server.baseURL)/kho-truy-cap.html"])
        XCTAssertEqual(result.state, .warning)
        XCTAssertTrue(result.notChecked.contains("bàn phím"))
    }

    func testFreshnessIsMeasuredAtTheEndOfAPastAuditYear() async throws {
        // Fixture pages are dated 12/11/2025; tin-tuc pages are news.
        let builder = PortalHealthBuilder(rules: try HealthRules.standard(), portalHosts: ["127.0.0.1"], auditYear: 2025, night: night)
        let response = try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            try await fetcher.fetch(FetchRequest(url: "\(server.baseURL)/tin-tuc/")).get()
        }
        builder.consume(HTMLDocument(html: try XCTUnwrap(response.text), url: response.url), at: night)
        let freshness = PortalHealth.assemble(builder.finish(portalReachable: true), probe: nil, rules: try HealthRules.standard()).freshness
        XCTAssertEqual(freshness.referenceDate, "2025-12-31")
        let news = try XCTUnwrap(freshness.sections.first { $0.section == "tin-tuc" })
        XCTAssertEqual(news.newestDate, "2025-11-12")
        XCTAssertEqual(news.daysSince, 49)
        XCTAssertTrue(news.stale)
        XCTAssertEqual(freshness.state, .warning)
    }

    func testAHundredThousandHiddenLinksStayBounded() async throws {
        let links = (0..<100_000).map { "<a href=\"https://h\($0 % 50).example.org/p\($0)\">nổ hũ \($0)</a>" }.joined()
        let html = "<html lang=\"vi\"><head><title>x</title></head><body><div style=\"display:none\">\(links)</div></body></html>"
        let rules = try HealthRules.standard()
        let builder = PortalHealthBuilder(rules: rules, portalHosts: ["127.0.0.1"], auditYear: 2025, night: night)
        builder.consume(HTMLDocument(html: html, url: "http://127.0.0.1/"), at: night)
        let result = PortalHealth.assemble(builder.finish(portalReachable: true), probe: nil, rules: try HealthRules.standard()).injectedContent
        XCTAssertEqual(result.anchorsNotExamined, 100_000 - rules.injectedContent.maxAnchorsPerPage)
        XCTAssertLessThanOrEqual(result.hits.count, rules.injectedContent.maxHitsPerPage)
        XCTAssertEqual(result.state, .critical)
        XCTAssertTrue(result.hits.contains { $0.kind == .linkFarm })
    }
}
