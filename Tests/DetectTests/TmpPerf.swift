import XCTest
import HTML
@testable import Detect

final class TmpPerf: XCTestCase {
    func testPerf() {
        guard ProcessInfo.processInfo.environment["PERF"] != nil else { return }
        let html = Fixture.text("liferay/home.html")
        let big = html.replacingOccurrences(of: "</body>", with: String(repeating: "<div class='x'><ul>" + (0..<20).map { "<li><span class='date'>0\($0 % 9 + 1)/07/2022</span> <a href='/tin-tuc/a/bai-viet-so-\($0)-12345\($0 % 10)'>Bài viết số \($0) về cải cách hành chính</a></li>" }.joined() + "</ul></div>", count: 5) + "</body>")
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: "province", year: 2022, portalHosts: ["snv.sonla.gov.vn"])
        var t = Date()
        var docs: [HTMLDocument] = []
        for i in 0..<50 { docs.append(HTMLDocument(html: big, url: "https://snv.sonla.gov.vn/p\(i)")) }
        print("parse", Date().timeIntervalSince(t) / 50)
        t = Date()
        for (i, d) in docs.enumerated() { analyzer.consume(PageInput(url: "https://snv.sonla.gov.vn/p\(i)", document: d)) }
        print("consume", Date().timeIntervalSince(t) / 50)
        t = Date()
        for d in docs { _ = d.links() }
        print("links", Date().timeIntervalSince(t) / 50)
        t = Date()
        for d in docs { _ = d.visibleText() }
        print("text", Date().timeIntervalSince(t) / 50)
        t = Date()
        for d in docs { _ = VietnameseText.fold(d.visibleText()) }
        print("text+fold", Date().timeIntervalSince(t) / 50)
        t = Date()
        for d in docs { _ = d.nodes(Fixture.rules.pages.blockTitleXPath) }
        print("blockxpath", Date().timeIntervalSince(t) / 50)
        t = Date()
        for d in docs { _ = d.nodes(Fixture.rules.pages.boilerplateXPath) }
        print("boilerxpath", Date().timeIntervalSince(t) / 50)
    }
}
