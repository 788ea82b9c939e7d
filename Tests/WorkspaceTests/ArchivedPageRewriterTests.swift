import Foundation
import XCTest
@testable import Workspace

/// The replayed page keeps its bytes (any charset) but cannot lead out of the archive.
final class ArchivedPageRewriterTests: XCTestCase {
    private func rewrite(_ body: Data, url: String = "http://portal.example/tin-tuc/bai-1.html") -> String {
        let page = ArchivedPage(url: url, runID: "r1", capturedAt: Date(), status: 200, contentType: "text/html", location: nil, body: body)
        let data = ArchivedPageRewriter.rewrite(page, banner: "B&#7843;n l&#432;u") { "/evidence/r1/t?url=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        return String(decoding: data, as: UTF8.self)
    }

    func testEveryAddressStaysInTheArchiveAndNothingNavigatesAway() {
        let html = """
            <html><head><base href="http://elsewhere.example/"><meta http-equiv="refresh" content="0; url=http://live.example/">\
            <link rel=stylesheet href=/css/site.css></head><body class="x">\
            <a href="../gioi-thieu.html">a</a><a href='http://portal.example/van-ban?id=1&amp;p=2'>b</a>\
            <a href="javascript:alert(1)">c</a><a href="#top">d</a><img src="anh.png"><form action="/tim-kiem"></form>
            </body></html>
            """
        let out = rewrite(Data(html.utf8))
        XCTAssertFalse(out.contains("<base"))
        XCTAssertFalse(out.lowercased().contains("refresh"))
        XCTAssertTrue(out.contains("<body class=\"x\"><div"), "the banner opens the body")
        XCTAssertTrue(out.contains("B&#7843;n l&#432;u"))
        let expected = ["http://portal.example/css/site.css", "http://portal.example/gioi-thieu.html",
                        "http://portal.example/van-ban?id=1&p=2", "http://portal.example/tin-tuc/anh.png", "http://portal.example/tim-kiem"]
        for address in expected {
            XCTAssertTrue(out.contains("\"/evidence/r1/t?url=" + address.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "\""), address)
        }
        XCTAssertTrue(out.contains("href=\"#\">c</a>"), "a script address goes nowhere")
        XCTAssertTrue(out.contains("href=\"#top\""))
        XCTAssertFalse(out.contains("http://elsewhere") || out.contains("live.example"))
    }

    func testBytesOfAPageInAnotherCharsetAreKept() {
        // "Tin tức" in windows-1258 bytes around a relative link: only the address changes.
        var body = Data("<p>".utf8) + Data([0x54, 0x69, 0x6E, 0x20, 0x74, 0xF6, 0xEC, 0x63]) + Data("</p><a href=\"x.html\">x</a>".utf8)
        body.append(0xFF)
        let page = ArchivedPage(url: "http://p.example/", runID: "r", capturedAt: Date(), status: 200, contentType: "text/html; charset=windows-1258",
                                location: nil, body: body)
        let out = ArchivedPageRewriter.rewrite(page, banner: "b") { _ in "/e" }
        XCTAssertTrue(out.range(of: Data([0x54, 0x69, 0x6E, 0x20, 0x74, 0xF6, 0xEC, 0x63])) != nil)
        XCTAssertEqual(out.last, 0xFF)
        XCTAssertTrue(String(decoding: out, as: UTF8.self).contains("href=\"/e\""))
    }
}
