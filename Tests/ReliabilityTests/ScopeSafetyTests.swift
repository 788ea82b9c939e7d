import Audit
import Crawl
import Detect
import Fetch
import Foundation
import Measure
import SiteServer
import TestSupport
import XCTest

/// Only http(s), never out of scope for counting, and (for public targets)
/// never into private or loopback addresses.
final class ScopeSafetyTests: XCTestCase {
    func testNonPublicAddressesAreRecognised() {
        for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                        "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::5", "fe80::1", "::ffff:127.0.0.1",
                        "::ffff:192.168.0.1", "ff02::1"] {
            XCTAssertTrue(AddressPolicy.isPrivate(address), address)
        }
        for address in ["203.113.131.2", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:ee0:4141::1", "::ffff:203.113.131.2", "sonla.gov.vn"] {
            XCTAssertFalse(AddressPolicy.isPrivate(address), address)
        }
    }

    func testRefusingPrivateAddressesStopsLoopbackTargetsByAddressAndByName() async throws {
        let server = try SiteServer.start(handler: FaultSite.healthy)
        defer { server.stop() }
        var configuration = FetchConfiguration()
        configuration.refusePrivateAddresses = true
        configuration.maxRetries = 0
        try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            // By name too: "localhost" resolves to loopback, checked when the socket opens.
            for url in [server.baseURL + "/", "http://localhost:\(server.port)/"] {
                guard case .failure(let error) = await fetcher.fetch(FetchRequest(url: url)) else { return XCTFail("\(url) must be refused") }
                XCTAssertEqual(error.kind, .refused, url)
                XCTAssertTrue(error.message.contains("non-public"), error.message)
            }
            // Off (the default), the same server answers: the refusal is the option's doing.
            let answered = await Fetcher.withFetcher { open in await open.fetch(FetchRequest(url: server.baseURL + "/")) }
            XCTAssertEqual(try answered.get().status, 200)
        }
    }

    func testPublicOnlyRunReportsTheRefusalPerTarget() async throws {
        let server = try SiteServer.start(handler: FaultSite.healthy)
        defer { server.stop() }
        var options = FaultSuiteTests.faultOptions(caPath: nil)
        options.fetch.refusePrivateAddresses = true
        let run = MeasurementRun(options: options, rules: try RuleSet.load(named: "nd-43-2011"), policy: try URLPolicy.bundled(), log: { _ in })
        let out = makeTemporaryFolder("public-only")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = try await run.measure([CrawlTarget(id: "noi-bo", name: "Cổng nội bộ", tier: .province, portal: server.baseURL + "/")], out: out, keepingPages: false).file
        let target = try XCTUnwrap(file.targets.first)
        XCTAssertEqual(target.status, .unreachable)
        XCTAssertEqual(target.reason, "không truy cập được cổng (refused)")
        XCTAssertTrue(target.findings.sections.allSatisfy { $0.state == .inconclusive })
    }

    func testRedirectsOutOfScopeAndOtherSchemesAreNotCounted() async throws {
        let elsewhere = try SiteServer.start(handler: FaultSite.healthy)
        defer { elsewhere.stop() }
        let portal = try SiteServer.start { request in
            switch request.path {
            case "/":
                return .html("""
                    <html><body><a href="/tin-tuc">Tin tức</a><a href="/ra-ngoai">Ra ngoài</a><a href="/tep">Tệp</a>
                    <a href="ftp://127.0.0.1/x">FTP</a><a href="file:///etc/passwd">Tệp hệ thống</a><a href="gopher://127.0.0.1/">Gopher</a>
                    <a href="\(elsewhere.baseURL)/gioi-thieu">Trang khác</a></body></html>
                    """)
            case "/tin-tuc": return .html("<html><body>Tin</body></html>")
            case "/ra-ngoai": return SiteResponse(status: 302, headers: [("Location", elsewhere.baseURL + "/")])
            case "/tep": return SiteResponse(status: 302, headers: [("Location", "file:///etc/passwd")])
            default: return .notFound
            }
        }
        defer { portal.stop() }
        var configuration = FetchConfiguration()
        configuration.perHostDelayMilliseconds = 0
        try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            var settings = CrawlSettings()
            settings.delayMilliseconds = 0
            let engine = CrawlEngine(fetcher: fetcher, settings: settings, policy: try URLPolicy.bundled())
            let pages = PageTexts()
            let target = CrawlTarget(id: "pham-vi", name: "Phạm vi", tier: .province, portal: portal.baseURL + "/")
            let outcome = await engine.crawl(target, evidence: nil, observer: pages)

            XCTAssertEqual(outcome.statistics.pages, 2, "only / and /tin-tuc count")
            XCTAssertEqual(outcome.statistics.skipped[.scope], 2, "the link to the other host and the redirect there")
            XCTAssertEqual(outcome.statistics.errors[.scheme], 1, "the redirect to file:// is refused")
            XCTAssertGreaterThanOrEqual(outcome.statistics.skipped[.scheme] ?? 0, 3, "ftp:, file: and gopher: links are not fetched")
            XCTAssertEqual(outcome.status, .ok)
            XCTAssertEqual(elsewhere.baseURL.isEmpty, false)
        }
    }
}
