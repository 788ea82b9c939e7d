import Foundation
import XCTest
@testable import HTML

final class ElementSelectorTests: XCTestCase {
    let page = """
    <html class="title"><head><title>Trang</title></head>
    <body class="title">
      <div id="header"><a href="/">Logo</a></div>
      <div id="header-top"><a href="/top">Lên đầu</a></div>
      <div class="portlet-header"><span>Tin mới</span></div>
      <div class="box header wide"><a href="/box">Hộp</a></div>
      <div class="header\tx">Tab</div>
      <div class="Menu"><a href="/hoa">Chữ hoa</a></div>
      <ul class="main-menu"><li><a class="menu-link" href="/gioi-thieu">Giới thiệu</a></li>
        <li><div class="submenu"><a href="/lich">Lịch</a></div></li></ul>
      <a class="menu-item" href="/mot-minh">Một mình</a>
      <nav><p class="title">Điều hướng</p></nav>
      <h2 class="title">Văn bản</h2>
      <a class="tieu-de" href="/tieu-de">Không phải tiêu đề</a>
      <div class="module-tieude">Thông báo</div>
      <a name="neo">Neo</a>
    </body></html>
    """

    let menu = ElementSelector(tags: ["nav"], classContains: ["menu"], idContains: ["menu"])
    let header = ElementSelector(classWords: ["header"], idEquals: ["header"])
    let titles = ElementSelector(tags: ["h2"], classContains: ["title", "tieu-de", "tieude"], exceptTags: ["a", "html", "body"])

    private func describe(_ nodes: [HTMLNode]) -> [String] {
        nodes.map { node in
            [node.name, node.attribute("class").map { "." + $0 }, node.attribute("id").map { "#" + $0 }]
                .compactMap { $0 }.joined()
        }
    }

    func testClassSubstringClassWordAndId() {
        let scan = HTMLDocument(html: page, url: "http://a/").scan(SelectorSet([menu, header]))
        XCTAssertEqual(describe(scan.matches[0]), ["ul.main-menu", "a.menu-link", "div.submenu", "a.menu-item", "nav"],
                       "class substring, case-sensitive")
        XCTAssertEqual(describe(scan.matches[1]), ["div#header", "div.box header wide"],
                       "a whole class name between spaces, or the exact id: not header-top, portlet-header or a tab")
    }

    func testExceptedTagsAreNeverSelected() {
        let scan = HTMLDocument(html: page, url: "http://a/").scan(SelectorSet([titles]))
        XCTAssertEqual(describe(scan.matches[0]), ["p.title", "h2.title", "div.module-tieude"])
    }

    /// The selectors mean what the XPath expressions they replace meant.
    func testSameElementsAsTheXPath() {
        let document = HTMLDocument(html: page, url: "http://a/")
        let scan = document.scan(SelectorSet([menu, header, titles]))
        let xpaths = [
            "//nav|//*[contains(@class,'menu') or contains(@id,'menu')]",
            "//*[contains(concat(' ',@class,' '),' header ') or @id='header']",
            "//h2|//*[contains(@class,'title') or contains(@class,'tieu-de') or contains(@class,'tieude')][not(self::a)][not(self::html)][not(self::body)]",
        ]
        for (index, xpath) in xpaths.enumerated() {
            XCTAssertEqual(scan.matches[index], document.nodes(xpath), xpath)
        }
    }

    func testAnchorsKnowTheirBodyAndEnclosingRegions() {
        let document = HTMLDocument(html: page, url: "http://a/")
        let scan = document.scan(SelectorSet([menu, header]))
        XCTAssertEqual(scan.body?.name, "body")
        XCTAssertEqual(scan.anchors.map(\.node), document.nodes("//a[@href]"))
        XCTAssertTrue(scan.anchors.allSatisfy(\.inBody))
        let inMenu = scan.anchors.filter { $0.isInside(0) }.map(\.href)
        XCTAssertEqual(inMenu, ["/gioi-thieu", "/lich"], "an anchor that is itself a menu is not inside one")
        XCTAssertEqual(inMenu, document.nodes("(//nav|//*[contains(@class,'menu') or contains(@id,'menu')])//a[@href]")
            .map { $0.attribute("href") ?? "" })
        XCTAssertEqual(scan.anchors.filter { $0.isInside(1) }.map(\.href), ["/", "/box"])
    }

    func testAnchorsOutsideTheBody() {
        let document = HTMLDocument(html: "<html><head><title>x</title></head></html>", url: "http://a/")
        let scan = document.scan(SelectorSet([menu]))
        XCTAssertEqual(scan.body?.name, document.nodes("//body").first?.name ?? document.root?.name)
        XCTAssertTrue(scan.anchors.isEmpty)
        XCTAssertTrue(scan.matches[0].isEmpty)
    }

    func testDescendantsSkipBelowPrunedElements() {
        let document = HTMLDocument(html: page, url: "http://a/")
        let body = document.nodes("//body")[0]
        let menus = Set(document.nodes("//*[contains(@class,'menu')]"))
        let links = body.descendants(named: ["a"], notBelow: menus).map { $0.attribute("href") }
        XCTAssertEqual(links, ["/", "/top", "/box", "/hoa", "/mot-minh", "/tieu-de", nil],
                       "a pruned element itself still counts, its descendants do not")
        XCTAssertTrue(body.descendants(named: ["a"], notBelow: [body]).isEmpty)
        XCTAssertEqual(body.descendants(named: ["li", "span"]).map(\.name), ["span", "li", "li"])
        XCTAssertTrue(body.isAncestor(of: menus.first!))
        XCTAssertFalse(menus.first!.isAncestor(of: body))
    }

    func testDecodingValidatesTheSelector() throws {
        let decoder = JSONDecoder()
        let good = try decoder.decode(ElementSelector.self, from: Data(#"{"tags": ["nav"], "classWords": ["header"]}"#.utf8))
        XCTAssertEqual(good, ElementSelector(tags: ["nav"], classWords: ["header"]))
        let bad = [
            #"{"tags": ["nav"], "clasContains": ["menu"]}"#: "unknown key `clasContains`",
            #"{"tags": ["Nav"]}"#: "`Nav` is not a tag name",
            #"{"classContains": ["menu", ""]}"#: "empty pattern",
            #"{"classWords": ["site header"]}"#: "holds a space",
            #"{"tags": ["a"], "exceptTags": ["a"]}"#: "both listed",
            #"{"exceptTags": ["a"]}"#: "at least one of",
        ]
        for (json, expected) in bad {
            XCTAssertThrowsError(try decoder.decode(ElementSelector.self, from: Data(json.utf8)), json) { error in
                guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(context.debugDescription.contains(expected), context.debugDescription)
            }
        }
    }
}

extension ElementSelectorTests {
    /// Tags are looked up by packed name up to 8 bytes and by String past
    /// that: listed and excepted names on both sides of the limit, and an
    /// unlisted long name, select what the XPath selects.
    func testTagNamesOfEveryLengthMatchAsTheXPath() {
        let html = """
        <html><body>
          <blockquote class="note">Trích dẫn</blockquote><figcaption class="note">Chú thích</figcaption>
          <textarea class="note">Ô nhập</textarea><noscript>Không script</noscript><section class="note">Phần</section>
          <app-widget-element class="note">Thành phần</app-widget-element><b class="note">Đậm</b><a href="/x" class="note">X</a>
        </body></html>
        """
        let document = HTMLDocument(html: html, url: "http://a/")
        let listed = ElementSelector(tags: ["blockquote", "noscript", "b"])
        let excepting = ElementSelector(classContains: ["note"], exceptTags: ["figcaption", "textarea", "a"])
        let scan = document.scan(SelectorSet([listed, excepting]))
        XCTAssertEqual(scan.matches[0], document.nodes("//blockquote|//noscript|//b"))
        XCTAssertEqual(describe(scan.matches[1]), ["blockquote.note", "section.note", "app-widget-element.note", "b.note"])
        XCTAssertEqual(scan.matches[1], document.nodes(
            "//*[contains(@class,'note')][not(self::figcaption)][not(self::textarea)][not(self::a)]"))
        XCTAssertEqual(scan.anchors.map(\.href), ["/x"])
        XCTAssertEqual(scan.body?.name, "body")
    }
}
