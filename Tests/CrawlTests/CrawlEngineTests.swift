@testable import Crawl
import Fetch
import Foundation
import SiteServer
import XCTest

final class CrawlEngineTests: XCTestCase {
    let policy = try! URLPolicy.bundled()

    func crawl(_ site: FixtureSite, settings: CrawlSettings = fastSettings(), services: [String] = [],
               evidence: WARCWriter? = nil) async -> (CrawlOutcome, RecordingObserver) {
        await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let engine = CrawlEngine(fetcher: fetcher, settings: settings, policy: policy)
            let observer = RecordingObserver()
            let target = CrawlTarget(id: "so-thu", name: "Sở Thử", tier: .province, portal: site.base + "/", services: services)
            let outcome = await engine.crawl(target, evidence: evidence, observer: observer)
            return (outcome, observer)
        }
    }

    func testCrawlsThePortalBreadthFirstAndRecordsWhatItSkipped() async throws {
        let site = try FixtureSite(routes: [
            "/robots.txt": .text("User-agent: *\nDisallow: /quan-tri\n"),
            "/": page("Trang chủ", links: [("/gioi-thieu", "Giới thiệu"), ("/tin-tuc?utm_source=fb", "Tin tức"), ("/tin-tuc", "Tin tức - Sự kiện"),
                                           ("/quan-tri/", "Quản trị"), ("/van-ban/qd-125.pdf", "Quyết định 125/QĐ-UBND"),
                                           ("http://other.invalid/", "Liên kết"), ("/khong-co", "Hỏng"), ("javascript:void(0)", "JS")]),
            "/gioi-thieu": page("Giới thiệu", links: [("/", "Trang chủ"), ("./gioi-thieu/../lien-he", "Liên hệ")]),
            "/tin-tuc": page("Tin tức", links: [("/tin-tuc/bai-1-123456", "Bài 1")]),
            "/tin-tuc/bai-1-123456": page("Bài 1"),
            "/lien-he": page("Liên hệ"),
        ])
        let (outcome, observer) = await crawl(site)
        let base = site.base
        XCTAssertEqual(outcome.status, .ok, outcome.reason ?? "")
        XCTAssertTrue(outcome.complete)
        XCTAssertEqual(observer.urls, ["\(base)/", "\(base)/gioi-thieu", "\(base)/tin-tuc", "\(base)/tin-tuc/bai-1-123456", "\(base)/lien-he"])
        XCTAssertEqual(site.requestLog.filter { $0.hasPrefix("/tin-tuc") && !$0.contains("bai") }.count, 1, "the tracking duplicate is fetched once")
        XCTAssertFalse(site.requestLog.contains { $0.hasPrefix("/quan-tri") }, "robots.txt is obeyed")
        XCTAssertEqual(outcome.statistics.skipped[.robots], 1)
        XCTAssertEqual(outcome.statistics.skipped[.scope], 1)
        XCTAssertEqual(observer.documents.map(\.anchor), ["Quyết định 125/QĐ-UBND"])
        XCTAssertEqual(outcome.statistics.errors[.httpStatus], 1)
        XCTAssertTrue(observer.events.contains { if case .failed(let url, "Hỏng", .httpStatus, 404) = $0 { return url.hasSuffix("/khong-co") } else { return false } })
        XCTAssertEqual(observer.pages.first { $0.url.hasSuffix("/gioi-thieu") }?.anchors, ["Giới thiệu"])
        XCTAssertEqual(observer.pages.first { $0.url.hasSuffix("/gioi-thieu") }?.depth, 1)
    }

    /// The pages reach the detectors in the order their fetches started, not in
    /// the order the server answers: here later links answer first, and the
    /// observer still sees them in link order, so findings do not follow the network.
    func testPagesAreHandedOverInTheOrderTheirFetchesStarted() async throws {
        let sections = (1...8).map { "/muc-\($0)" }
        var routes: [String: SiteResponse] = ["/": page("Trang chủ", links: sections.map { ($0, "Mục \($0.dropFirst(5))") })]
        for (index, path) in sections.enumerated() {
            var answer = page("Mục \(index + 1)")
            answer.delayMilliseconds = (sections.count - index) * 40
            routes[path] = answer
        }
        let site = try FixtureSite(routes: routes)
        var settings = fastSettings()
        settings.perHostConnections = 8
        let (outcome, observer) = await crawl(site, settings: settings)
        XCTAssertEqual(outcome.status, .ok, outcome.reason ?? "")
        XCTAssertEqual(observer.pages.map(\.url), [site.base + "/"] + sections.map { site.base + $0 })
    }

    /// A 12-page "Trang sau" chain, a calendar stepping week by week and a
    /// /page/N/ archive, with a depth limit of 3: pager and calendar steps cost
    /// no depth, so every listing page and every article is reached and the
    /// crawl ends ok; a chain of ordinary links still stops at the limit.
    func testPagerAndCalendarStepsDoNotConsumeDepth() async throws {
        var routes: [String: SiteResponse] = [
            "/": page("Trang chủ", links: [("/tin-tuc", "Tin tức"), ("/lich-cong-tac?tuan=1", "Lịch công tác"), ("/chuyen-muc/thong-bao/", "Thông báo")]),
        ]
        for number in 1...12 {
            let listing = number == 1 ? "/tin-tuc" : "/tin-tuc?page=\(number)"
            var links = [("/tin-tuc/bai-viet-so-\(number)", "Bài viết số \(number) của chuyên mục tin tức")]
            if number < 12 { links.append(("/tin-tuc?page=\(number + 1)", "Trang sau")) }
            routes[listing] = page("Tin tức trang \(number)", links: links)
            routes["/tin-tuc/bai-viet-so-\(number)"] = page("Bài viết số \(number)")
        }
        for week in 1...6 {
            routes["/lich-cong-tac?tuan=\(week)"] = page("Lịch công tác tuần \(week)", links: [("/lich-cong-tac?tuan=\(week + 1)", "Tuần sau")])
        }
        for number in 1...5 {
            let path = number == 1 ? "/chuyen-muc/thong-bao/" : "/chuyen-muc/thong-bao/page/\(number)/"
            routes[path] = page("Thông báo trang \(number)", links: number < 5 ? [("/chuyen-muc/thong-bao/page/\(number + 1)/", "\(number + 1)")] : [])
        }
        let site = try FixtureSite(routes: routes)
        var settings = fastSettings()
        settings.maxDepth = 3
        let (outcome, observer) = await crawl(site, settings: settings)
        let base = site.base
        XCTAssertTrue(observer.urls.contains("\(base)/tin-tuc/bai-viet-so-12"), "the article on the 12th listing page")
        XCTAssertEqual(observer.pages.first { $0.url == "\(base)/tin-tuc?page=12" }?.depth, 1, "the 12th page is as far as the first")
        XCTAssertEqual(observer.pages.first { $0.url == "\(base)/tin-tuc/bai-viet-so-12" }?.depth, 2)
        XCTAssertTrue(observer.urls.contains("\(base)/chuyen-muc/thong-bao/page/5/"))
        XCTAssertEqual(observer.pages.filter { $0.url.contains("lich-cong-tac") }.count, 6, "every week, then the missing 7th")
        XCTAssertEqual(outcome.statistics.skipped[.depth], nil)
        XCTAssertEqual(outcome.status, .ok, outcome.reason ?? "")

        // Ordinary links nested four deep still stop at the limit.
        let deep = try FixtureSite(routes: [
            "/": page("Trang chủ", links: [("/a", "A")]), "/a": page("A", links: [("/a/b", "B")]),
            "/a/b": page("B", links: [("/a/b/c", "C")]), "/a/b/c": page("C", links: [("/a/b/c/d", "D")]), "/a/b/c/d": page("D"),
        ])
        let (cut, _) = await crawl(deep, settings: settings)
        XCTAssertEqual(cut.status, .partial)
        XCTAssertEqual(cut.statistics.skipped[.depth], 1)
    }

    func testSitemapURLsAreCrawledAfterTheLinks() async throws {
        let server = try SiteServer.start { request in
            let base = "http://\(request.header("Host") ?? "")"
            switch request.path {
            case "/robots.txt": return .text("User-agent: *\nAllow: /\nSitemap: \(base)/sitemap-index.xml\n")
            case "/sitemap-index.xml":
                return .text("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>\(base)/sitemap-tin.xml</loc></sitemap></sitemapindex>", type: "application/xml")
            case "/sitemap-tin.xml":
                return .text("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>\(base)/an-trang</loc></url><url><loc>\(base)/a</loc></url></urlset>", type: "application/xml")
            case "/": return page("Trang chủ", links: [("/a", "A")])
            case "/a", "/an-trang": return page(request.path)
            default: return .notFound
            }
        }
        defer { server.stop() }
        await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let engine = CrawlEngine(fetcher: fetcher, settings: fastSettings(), policy: policy)
            let observer = RecordingObserver()
            let outcome = await engine.crawl(CrawlTarget(id: "sm", name: "Sơ đồ", tier: .district, portal: server.baseURL + "/"), evidence: nil, observer: observer)
            XCTAssertEqual(outcome.status, .ok)
            XCTAssertEqual(observer.pages.filter { $0.source == .sitemap }.map { URL(string: $0.url)!.path }, ["/sitemap-index.xml", "/sitemap-tin.xml", "/an-trang"])
            let linked = observer.pages.filter { $0.source == .link }.map { URL(string: $0.url)!.path }
            XCTAssertEqual(linked, ["/", "/a"], "a URL both linked and in the sitemap is crawled once, as a link")
        }
    }

    func testBudgetStopsTheCrawlAndMakesItPartial() async throws {
        var routes: [String: SiteResponse] = [:]
        routes["/"] = page("Trang chủ", links: (1...50).map { ("/tin/\($0)", "Tin \($0)") })
        for index in 1...50 { routes["/tin/\(index)"] = page("Tin \(index)") }
        let site = try FixtureSite(routes: routes)
        let (outcome, observer) = await crawl(site, settings: fastSettings(maxPages: 10))
        XCTAssertEqual(outcome.status, .partial)
        XCTAssertFalse(outcome.complete)
        XCTAssertEqual(observer.pages.filter { $0.source == .link }.count, 10)
        XCTAssertEqual(outcome.statistics.skipped[.budget], 41)
    }

    func testCalendarTrapIsCutWithinBudgetAndSaysWhy() async throws {
        // Every day links to the next one, for ever.
        let server = try SiteServer.start { request in
            if request.path == "/" { return page("Trang chủ", links: [("/lich-cong-tac?ngay=2020-01-01", "Lịch công tác")]) }
            guard request.path == "/lich-cong-tac", let value = request.query?.split(separator: "=").last,
                  let date = ISO8601DateFormatter().date(from: "\(value)T00:00:00Z") else { return .notFound }
            let next = ISO8601DateFormatter().string(from: date.addingTimeInterval(86_400)).prefix(10)
            return page("Lịch \(value)", links: [("/lich-cong-tac?ngay=\(next)", "Ngày sau")])
        }
        defer { server.stop() }
        await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let engine = CrawlEngine(fetcher: fetcher, settings: fastSettings(maxPages: 500), policy: policy)
            let observer = RecordingObserver()
            let outcome = await engine.crawl(CrawlTarget(id: "lich", name: "Lịch", tier: .district, portal: server.baseURL + "/"), evidence: nil, observer: observer)
            XCTAssertEqual(outcome.statistics.skipped[.calendarTrap], 1)
            XCTAssertEqual(observer.pages.count, 1 + policy.traps.maxCalendarVariants)
            XCTAssertEqual(outcome.status, .ok)
        }
    }

    func testPortalStatusesBlockedAndUnreachable() async throws {
        let forbidden = try FixtureSite(routes: ["/": .html("<h1>Forbidden</h1>", status: 403)])
        let (blocked, _) = await crawl(forbidden)
        XCTAssertEqual(blocked.status, .blocked)

        let robots = try FixtureSite(routes: ["/robots.txt": .text("User-agent: *\nDisallow: /\n"), "/": page("Trang chủ")])
        let (robotsBlocked, _) = await crawl(robots)
        XCTAssertEqual(robotsBlocked.status, .blocked)
        XCTAssertFalse(robots.requestLog.contains("/"))

        // A port where nothing listens.
        let closed = try SiteServer.start { _ in .notFound }
        let address = closed.baseURL
        closed.stop()
        await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let engine = CrawlEngine(fetcher: fetcher, settings: fastSettings(), policy: policy)
            let outcome = await engine.crawl(CrawlTarget(id: "tat", name: "Tắt", tier: .district, portal: address + "/"), evidence: nil, observer: nil)
            XCTAssertEqual(outcome.status, .unreachable)
            XCTAssertFalse(outcome.complete)
            XCTAssertEqual(outcome.statistics.errors[.refused], 1)
        }
    }

    func testServicesHostIsInScope() async throws {
        let services = try FixtureSite(host: "127.0.0.3", routes: ["/dvc/": page("Dịch vụ công", links: [("/dvc/thu-tuc-1", "Thủ tục 1")]), "/dvc/thu-tuc-1": page("Thủ tục 1")])
        let portal = try FixtureSite(routes: ["/": page("Trang chủ", links: [(services.base + "/dvc/", "Dịch vụ công")])])
        let (outcome, observer) = await crawl(portal, services: [services.base + "/dvc/"])
        XCTAssertEqual(outcome.status, .ok)
        XCTAssertTrue(observer.urls.contains(services.base + "/dvc/thu-tuc-1"))
    }
}
