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

    private static func archived(_ url: String) -> String {
        "/evidence/r1/t?url=" + url.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    func testStylesheetsImagesAndTheirCSSAddressesPointIntoTheArchive() {
        let html = """
            <html><head><style media="screen">body { background: url('nen.png') } @import "in.css";</style></head><body>\
            <img src="logo.png" srcset="logo-2x.png 2x, /anh/logo-3x.png 3x, data:image/png;base64,AA,BB 4x">\
            <div style="background-image:url(&quot;/anh/o.png&quot;); color: red">ô</div>\
            <p style='background:url(javascript:alert(1))'>x</p></body></html>
            """
        let out = rewrite(Data(html.utf8))
        XCTAssertTrue(out.contains("url(\"\(Self.archived("http://portal.example/tin-tuc/nen.png"))\")"), out)
        XCTAssertTrue(out.contains("@import \"\(Self.archived("http://portal.example/tin-tuc/in.css"))\""), out)
        XCTAssertTrue(out.contains("<style media=\"screen\">"), "the style element itself is kept")
        XCTAssertTrue(out.contains("srcset=\"\(Self.archived("http://portal.example/tin-tuc/logo-2x.png")) 2x, "
            + "\(Self.archived("http://portal.example/anh/logo-3x.png")) 3x, data:image/png;base64,AA,BB 4x\""), out)
        XCTAssertTrue(out.contains("style=\"background-image:url(&quot;\(Self.archived("http://portal.example/anh/o.png"))&quot;); color: red\""), out)
        XCTAssertTrue(out.contains("url(&quot;about:invalid&quot;)"), "a script address in CSS goes nowhere")
        XCTAssertFalse(out.contains("javascript"))
    }

    func testAnArchivedStylesheetsImportsAndURLsPointIntoTheArchive() {
        let css = "@import url(\"co-so.css\");\n@import 'in.css' print;\n.dau { background: url(../anh/dau.png) no-repeat } .o { background: url(data:image/gif;base64,R0) }"
        let sheet = ArchivedPage(url: "http://portal.example/css/site.css", runID: "r1", capturedAt: Date(), status: 200, contentType: "text/css",
                                 location: nil, body: Data(css.utf8))
        let out = String(decoding: ArchivedPageRewriter.rewriteStylesheet(sheet) { Self.archived($0) }, as: UTF8.self)
        XCTAssertEqual(out, "@import url(\"\(Self.archived("http://portal.example/css/co-so.css"))\");\n"
            + "@import \"\(Self.archived("http://portal.example/css/in.css"))\" print;\n"
            + ".dau { background: url(\"\(Self.archived("http://portal.example/anh/dau.png"))\") no-repeat } .o { background: url(\"data:image/gif;base64,R0\") }")
    }
}
