@testable import Crawl
import DataFile
import Fetch
import Foundation
import HTML
import SiteServer
import TestSupport
import XCTest

/// The stylesheets and images of a proving page, fetched over real HTTP after the crawl and
/// kept in the target's WARC within the budget, on the portal's hosts, as robots.txt allows.
final class EvidenceAssetsTests: XCTestCase {
    let policy = try! URLPolicy.bundled()

    static let proof = """
        <!DOCTYPE html><html><head><title>Giới thiệu</title><link rel="stylesheet" href="/css/site.css">\
        <link rel="icon" href="/favicon.ico"><style>.dau { background: url("/anh/dau.png") }</style></head><body>\
        <img src="/anh/logo.png" srcset="/anh/logo-2x.png 2x, data:image/png;base64,AAAA 3x">\
        <div style="background:url(&quot;/anh/nen.png&quot;)">Cơ cấu tổ chức</div>\
        <img src="http://cdn.example/ngoai.png"><img src="/cam/bi-mat.png"><img src="/anh/mat.png"></body></html>
        """

    static func image(_ size: Int) -> SiteResponse {
        SiteResponse(headers: [("Content-Type", "image/png")], body: .bytes([UInt8](repeating: 7, count: size)))
    }

    func makeSite() throws -> FixtureSite {
        try FixtureSite(routes: [
            "/robots.txt": .text("User-agent: *\nDisallow: /cam/\n"),
            "/": .html(Self.proof),
            "/css/site.css": .text("@import \"in.css\";\nbody { background: url(../anh/css-nen.png) }", type: "text/css"),
            "/css/in.css": .text(".x { color: #a1161b }", type: "text/css"),
            "/anh/dau.png": Self.image(10), "/anh/logo.png": Self.image(100), "/anh/logo-2x.png": Self.image(200),
            "/anh/nen.png": Self.image(300), "/anh/css-nen.png": Self.image(400), "/cam/bi-mat.png": Self.image(5),
        ])
    }

    func testReferencesOfAPageAndOfAStylesheetInTheirOrder() {
        let document = HTMLDocument(html: Self.proof, url: "http://p.example/gioi-thieu/")
        XCTAssertEqual(PageAssets.references(in: document), [
            "http://p.example/css/site.css", "http://p.example/anh/dau.png", "http://p.example/anh/logo.png", "http://p.example/anh/logo-2x.png",
            "http://p.example/anh/nen.png", "http://cdn.example/ngoai.png", "http://p.example/cam/bi-mat.png", "http://p.example/anh/mat.png",
        ], "stylesheets and images only (no icon), data: left out")
        XCTAssertEqual(PageAssets.references(inCSS: "@import 'a.css'; @import url(b.css); x { background: url( \"../c.png#k\" ) }",
                                             base: "http://p.example/css/site.css"),
                       ["http://p.example/css/a.css", "http://p.example/css/b.css", "http://p.example/c.png"])
    }

    /// Crawls the site with evidence, then captures the assets of its home page.
    private func crawlAndCapture(_ site: FixtureSite, budget: EvidenceAssetBudget) async throws -> (AssetCaptureOutcome, [String]) {
        let folder = makeTemporaryFolder("assets")
        let writer = try WARCWriter(url: folder.appendingPathComponent("t.warc.gz"), software: "test")
        let target = CrawlTarget(id: "t", name: "T", tier: .province, portal: site.base + "/")
        let observer = RecordingObserver()
        let kept = try await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let outcome = await CrawlEngine(fetcher: fetcher, settings: fastSettings(), policy: policy).crawl(target, evidence: writer, observer: observer)
            let home = try XCTUnwrap(observer.pages.first { $0.url == site.base + "/" })
            let proving = ProvingPage(url: home.url, file: writer.url, offset: try XCTUnwrap(home.warc).offset)
            return await AssetCapture(budget: budget, fetcher: fetcher).capture(for: [proving], target: target, outcome: outcome, into: writer)
        }
        try writer.close()
        let index = try String(contentsOf: folder.appendingPathComponent("t.cdxj"), encoding: .utf8)
        let assets = index.split(separator: "\n").compactMap { line -> String? in
            guard let json = line.firstIndex(of: "{"),
                  let entry = try? JSONSerialization.jsonObject(with: Data(line[json...].utf8)) as? [String: String],
                  let mime = entry["mime"], mime.hasPrefix("text/css") || mime.hasPrefix("image/") else { return nil }
            return entry["url"].map { $0.replacingOccurrences(of: site.base, with: "") }
        }
        return (kept, assets.sorted())
    }

    func testTheProvingPagesAssetsAreKeptWithinTheBudgetOnThePortalAsRobotsAllows() async throws {
        let site = try makeSite()
        let (kept, assets) = try await crawlAndCapture(site, budget: EvidenceAssetBudget(maxAssets: 20, maxBytes: 100_000, contentTypes: ["text/css", "image/"]))
        XCTAssertEqual(assets, ["/anh/css-nen.png", "/anh/dau.png", "/anh/logo-2x.png", "/anh/logo.png", "/anh/nen.png", "/css/in.css", "/css/site.css"])
        XCTAssertEqual(kept.captured, 7)
        XCTAssertEqual(kept.leftOut, 3, "off the portal, refused by robots.txt, missing (404)")
        XCTAssertFalse(site.requestLog.contains("/cam/bi-mat.png"), "robots.txt is obeyed after the crawl too")
        XCTAssertTrue(site.requestLog.contains("/anh/mat.png"))
    }

    func testTheBudgetCutsInReferenceOrder() async throws {
        let (byCount, countAssets) = try await crawlAndCapture(try makeSite(), budget: EvidenceAssetBudget(maxAssets: 2, maxBytes: 100_000, contentTypes: ["text/css", "image/"]))
        XCTAssertEqual(countAssets, ["/anh/dau.png", "/css/site.css"])
        XCTAssertEqual(byCount.captured, 2)
        // site.css (62 bytes), dau.png (10), logo.png (100) and in.css (21) fit in 200 bytes;
        // logo-2x.png (200), nen.png (300) and css-nen.png (400) would pass it.
        let site = try makeSite()
        let (byBytes, byteAssets) = try await crawlAndCapture(site, budget: EvidenceAssetBudget(maxAssets: 20, maxBytes: 200, contentTypes: ["text/css", "image/"]))
        XCTAssertEqual(byteAssets, ["/anh/dau.png", "/anh/logo.png", "/css/in.css", "/css/site.css"])
        XCTAssertLessThanOrEqual(byBytes.bytes, 200)
        let (none, noAssets) = try await crawlAndCapture(try makeSite(), budget: EvidenceAssetBudget(maxAssets: 20, maxBytes: 100_000, contentTypes: []))
        XCTAssertEqual(noAssets, [])
        XCTAssertEqual(none.captured, 0)
    }

    func testTheBundledBudgetIsReadAndBadOnesAreRefusedWithTheirLine() throws {
        let budget = try EvidenceAssetBudget.standard()
        XCTAssertGreaterThan(budget.maxAssets, 0)
        XCTAssertTrue(budget.contentTypes.contains("text/css"))
        let folder = makeTemporaryFolder("assets-yaml")
        let file = folder.appendingPathComponent("evidence.yaml")
        try Data("gzipLevel: 1\nassets:\n  maxAssetsPerTarget: 4\n  maxBytesPerTarget: -1\n  contentTypes: [image/]\n".utf8).write(to: file)
        XCTAssertThrowsError(try EvidenceSettings.load(file: file)) { error in
            XCTAssertTrue("\(error)".contains("evidence.yaml:4"), "\(error)")
        }
    }
}
