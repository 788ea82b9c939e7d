import Synchronization
import XCTest
@testable import HTML

final class HTMLDocumentTests: XCTestCase {
    let page = """
    <!DOCTYPE html>
    <html class="aui ltr"><head>
      <meta charset="utf-8">
      <title>  Sở Nội vụ   tỉnh Sơn La </title>
      <style>.x { color: red }</style>
      <script>var menu = "Tin tức ẩn";</script>
    </head>
    <body>
      <div id="menu"><ul>
        <li><a href="/web/guest/gioi-thieu">Giới thiệu</a></li>
        <li><a href="/web/guest/tin-tuc">TH&Ocirc;NG TIN</a></li>
      </ul></div>
      <h1>Trang chủ</h1>
      <div class="portlet"><h2 class="portlet-title-text">Văn bản m&#7899;i</h2>
        <table class="docs"><tr><th>Số/Ký hiệu</th><th>Trích yếu</th></tr>
          <tr><td>2793/QĐ-UBND</td><td>Về việc&nbsp;phê duyệt</td></tr>
          <tr><td>125/TTr-STTTT</td><td>Tờ trình</td></tr></table>
      </div>
      <noscript>Bật JavaScript</noscript>
      <template><p>Mẫu</p></template>
      <h3>Liên <b>hệ</b></h3>
      <p>Địa chỉ: Tô Hiệu<br>Điện thoại: 0212 3852 000</p>
    </body></html>
    """

    func testTitleIsCollapsedAndDecoded() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        XCTAssertEqual(doc.title, "Sở Nội vụ tỉnh Sơn La")
        XCTAssertNil(HTMLDocument(html: "<p>x</p>", url: "http://a/").title)
    }

    func testXPathAndRelativeXPath() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        let tables = doc.nodes("//table[@class='docs']")
        XCTAssertEqual(tables.count, 1)
        let rows = tables[0].nodes(".//tr")
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1].children.map(\.name), ["td", "td"])
        XCTAssertEqual(rows[1].children[0].text, "2793/QĐ-UBND")
        XCTAssertEqual(rows[1].children[1].text, "Về việc phê duyệt")
        XCTAssertEqual(rows[1].parent?.name, "table", "libxml2 adds no implied tbody")
        XCTAssertEqual(doc.nodes("//div[@class='portlet']/h2").first?.attribute("CLASS"), "portlet-title-text")
        XCTAssertNil(doc.nodes("//h1").first?.attribute("id"))
        XCTAssertTrue(doc.nodes("//[[bad xpath").isEmpty)
        XCTAssertNil(doc.root?.parent)
    }

    func testEntitiesAreDecoded() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        XCTAssertEqual(doc.nodes("//a")[1].text, "THÔNG TIN")
        XCTAssertEqual(doc.headings[1].text, "Văn bản mới")
        let attr = HTMLDocument(html: "<a title=\"L&#7883;ch c&ocirc;ng t&aacute;c\" href=\"x\">x</a>", url: "http://a/")
        XCTAssertEqual(attr.nodes("//a").first?.attribute("title"), "Lịch công tác")
    }

    func testHeadingsInOrder() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        XCTAssertEqual(doc.headings, [
            HTMLHeading(level: 1, text: "Trang chủ"),
            HTMLHeading(level: 2, text: "Văn bản mới"),
            HTMLHeading(level: 3, text: "Liên hệ"),
        ])
    }

    func testVisibleTextSkipsScriptStyleNoscriptTemplate() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        let text = doc.visibleText()
        XCTAssertFalse(text.contains("Tin tức ẩn"))
        XCTAssertFalse(text.contains("color"))
        XCTAssertFalse(text.contains("Bật JavaScript"))
        XCTAssertFalse(text.contains("Mẫu"))
        XCTAssertFalse(text.contains("Sở Nội vụ"), "title is not body text")
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("Liên hệ"))
        XCTAssertTrue(lines.contains("Địa chỉ: Tô Hiệu"))
        XCTAssertTrue(lines.contains("Điện thoại: 0212 3852 000"))
        XCTAssertTrue(lines.contains("Giới thiệu"))
        XCTAssertFalse(lines.contains(where: { $0.contains("  ") || $0.isEmpty }))
    }

    func testLinesSkippingMenusReadsOnlyTheRest() {
        let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/")
        let body = doc.nodes("//body")[0]
        let lines = body.lines(skipping: doc.nodes("//div[@id='menu']"))
        XCTAssertFalse(lines.contains("Giới thiệu"))
        XCTAssertEqual(lines.first, "Trang chủ")
    }

    func testFollowingAndPrecedingAreTheXPathAxes() {
        let html = """
        <!DOCTYPE html><html><head><title>T</title></head><body>
        <div class="breadcrumb"><a href="/">Trang chủ</a> / <span>Tin</span></div>
        <h1>Tiêu đề</h1><!-- note --><div class="meta"><span>12/02/2020</span> <i>6:49</i></div>
        <div class="body"><p>Một</p><p>Hai <a href="/x">x</a></p><ul><li>Ba</li><li><b>Bốn</b></li></ul></div>
        <div><table><tr><td>1</td><td>2</td></tr></table></div></body></html>
        """
        let doc = HTMLDocument(html: html, url: "http://a/")
        let elements = doc.nodes("//*")
        XCTAssertGreaterThan(elements.count, 20)
        for node in elements {
            for limit in [1, 4, 12, 100] {
                XCTAssertEqual(node.following(limit: limit), node.nodes("following::*[position() <= \(limit)]"), node.name)
                XCTAssertEqual(node.preceding(limit: limit), node.nodes("preceding::*[position() <= \(limit)]").reversed(),
                               node.name)
            }
            XCTAssertEqual(node.hasAncestor(named: "a"), !node.nodes("ancestor::a").isEmpty)
            XCTAssertEqual(node.descendants(named: ["a", "li"]), node.nodes(".//a|.//li"))
            XCTAssertEqual(node.children(named: ["td", "th", "blockquote"]), node.nodes("./td|./th|./blockquote"))
        }
        XCTAssertEqual(doc.elements(named: ["html", "span", "td"]), doc.nodes("//html|//span|//td"))
        XCTAssertEqual(doc.elements(named: ["title"]).map(\.text), ["T"])
    }

    func testNFDInputComesBackNFC() {
        let nfd = "<h1>L\u{1ECB}ch co\u{0302}ng ta\u{0301}c</h1><p>Lãnh đạo</p>".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.unicodeScalars), Array("Lịch công tác".unicodeScalars))
        let doc = HTMLDocument(html: "<html><body>\(nfd)</body></html>", url: "http://a/")
        let heading = doc.headings.first?.text ?? ""
        XCTAssertEqual(Array(heading.unicodeScalars), Array("Lịch công tác".unicodeScalars))
        XCTAssertEqual(Array(doc.visibleText().unicodeScalars), Array("Lịch công tác\nLãnh đạo".unicodeScalars))
    }

    func testMalformedMarkupIsRecovered() {
        let broken = "<html><body><div><p>Tin <b>tức<i> sự</b> kiện<p>Mục hai</div></span><table><tr><td>Ô 1<td>Ô 2</table>"
        let doc = HTMLDocument(html: broken, url: "http://a/")
        XCTAssertEqual(doc.nodes("//p").count, 2)
        XCTAssertEqual(doc.nodes("//td").map(\.text), ["Ô 1", "Ô 2"])
        XCTAssertTrue(doc.visibleText().contains("Tin tức sự kiện"))
    }

    func testHostileInputDoesNotCrash() {
        let deep = String(repeating: "<div>", count: 20_000) + "sâu" + String(repeating: "</div>", count: 20_000)
        let doc = HTMLDocument(html: deep, url: "http://a/")
        _ = doc.visibleText()
        _ = doc.links()
        let withNul = HTMLDocument(html: "<p>trước\u{0}sau</p><a href='/x'>liên kết</a>", url: "http://a/")
        XCTAssertTrue(withNul.visibleText().contains("trướcsau"))
        XCTAssertEqual(withNul.links().map(\.url), ["http://a/x"])
        let empty = HTMLDocument(html: "", url: "http://a/")
        XCTAssertEqual(empty.visibleText(), "")
        XCTAssertTrue(empty.links().isEmpty)
        XCTAssertNil(empty.title)
    }

    func testMetaCharsetDoesNotOverrideUTF8() {
        let html = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'></head><body><p>Hỏi đáp</p></body></html>"
        XCTAssertEqual(HTMLDocument(html: html, url: "http://a/").visibleText(), "Hỏi đáp")
    }

    func testNodesKeepTheirDocumentAlive() {
        var node: HTMLNode?
        do {
            let doc = HTMLDocument(html: "<ul><li>Một</li><li>Hai</li></ul>", url: "http://a/")
            node = doc.nodes("//li").last
        }
        XCTAssertEqual(node?.text, "Hai")
        XCTAssertEqual(node?.parent?.children.count, 2)
    }

    func testManyDocumentsCanBeCreatedAndFreed() {
        for index in 0..<2_000 {
            let doc = HTMLDocument(html: page, url: "https://snv.sonla.gov.vn/\(index)")
            XCTAssertEqual(doc.nodes("//tr").count, 3)
        }
    }

    /// A page parsed from its composed bytes is the page parsed from its String.
    func testComposedBytesParseAsTheString() {
        for (html, url) in [(page, "https://sonoivu.sonla.gov.vn/"), ("", "http://a/"), ("<p>chỉ một đoạn", "http://a/b")] {
            let fromString = HTMLDocument(html: html, url: url)
            let fromBytes = Array(html.utf8).withUnsafeBytes { HTMLDocument(composedUTF8: $0, url: url) }
            XCTAssertEqual(fromBytes.visibleText(), fromString.visibleText())
            XCTAssertEqual(fromBytes.title, fromString.title)
            XCTAssertEqual(fromBytes.links().map(\.url), fromString.links().map(\.url))
            XCTAssertEqual(fromBytes.elements(named: ["a", "td", "style", "script"]).map(\.rawText),
                           fromString.elements(named: ["a", "td", "style", "script"]).map(\.rawText))
            XCTAssertEqual(fromBytes.root?.name, fromString.root?.name)
        }
    }
}

final class ConcurrentParsingTests: XCTestCase {
    func testDocumentsParseOnSeveralThreadsAtOnce() {
        let html = "<html><body><h1>Tin tức</h1><a href='/a'>Liên hệ</a><p>Nội dung</p></body></html>"
        let results = Mutex([Int](repeating: 0, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            var links = 0
            for index in 0..<200 {
                links += HTMLDocument(html: html, url: "http://a/\(worker)/\(index)").links().count
            }
            results.withLock { $0[worker] = links }
        }
        XCTAssertEqual(results.withLock { $0 }, [Int](repeating: 200, count: 8))
    }
}
