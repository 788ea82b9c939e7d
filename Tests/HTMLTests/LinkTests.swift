import XCTest
@testable import HTML

final class LinkTests: XCTestCase {
    func testEveryKindOfLinkResolvedAgainstBase() {
        let html = """
        <html><head><base href="/web/guest/">
        <link rel="next" href="tin-tuc?page=2"><link rel="prev" href="tin-tuc?page=0">
        <link rel="stylesheet" href="main.css">
        <meta http-equiv="Refresh" content="5; URL='/trang-chu'">
        </head><body>
        <a href="gioi-thieu" title=" Giới   thiệu ">Giới <b>thiệu</b></a>
        <a href=" ../hoi-dap?x=1#top ">Hỏi đáp</a>
        <a href="//dichvucong.sonla.gov.vn/thu-tuc">DVC</a>
        <a href="?page=3" rel="next">»</a>
        <a href="#noi-dung">Truy cập nội dung luôn</a>
        <a href="javascript:__doPostBack('pager','2')">2</a>
        <a href="mailto:snv@sonla.gov.vn">Email</a><a href="tel:02123852000">Gọi</a>
        <a href="data:text/plain,x">d</a>
        <a href="/en/"><img src="en.png" alt="English"></a>
        <map><area href="so-do" alt="Sơ đồ"></map>
        <iframe src="https://maps.example.com/embed"></iframe>
        <frameset><frame src="menu.html"></frameset>
        <a href="#" onclick="loadPage(3)">3</a>
        </body></html>
        """
        let doc = HTMLDocument(html: html, url: "https://snv.sonla.gov.vn/home/index.html")
        XCTAssertEqual(doc.baseURL, "https://snv.sonla.gov.vn/web/guest/")
        let links = doc.links()
        func link(_ text: String) -> HTMLLink? { links.first { $0.text == text } }
        XCTAssertEqual(link("Giới thiệu")?.url, "https://snv.sonla.gov.vn/web/guest/gioi-thieu")
        XCTAssertEqual(link("Giới thiệu")?.title, "Giới thiệu")
        XCTAssertEqual(link("Hỏi đáp")?.url, "https://snv.sonla.gov.vn/web/hoi-dap?x=1#top")
        XCTAssertEqual(link("DVC")?.url, "https://dichvucong.sonla.gov.vn/thu-tuc")
        XCTAssertEqual(link("»")?.url, "https://snv.sonla.gov.vn/web/guest/?page=3")
        XCTAssertEqual(link("»")?.rel, "next")
        XCTAssertEqual(link("Truy cập nội dung luôn")?.url, "https://snv.sonla.gov.vn/web/guest/#noi-dung")
        XCTAssertEqual(link("English")?.url, "https://snv.sonla.gov.vn/en/")
        XCTAssertEqual(link("Sơ đồ")?.kind, .area)
        XCTAssertEqual(link("Sơ đồ")?.url, "https://snv.sonla.gov.vn/web/guest/so-do")
        XCTAssertEqual(links.filter { $0.kind == .frame }.map(\.url).sorted(),
                       ["https://maps.example.com/embed", "https://snv.sonla.gov.vn/web/guest/menu.html"])
        XCTAssertEqual(links.first { $0.kind == .next }?.url, "https://snv.sonla.gov.vn/web/guest/tin-tuc?page=2")
        XCTAssertEqual(links.first { $0.kind == .previous }?.url, "https://snv.sonla.gov.vn/web/guest/tin-tuc?page=0")
        XCTAssertEqual(links.first { $0.kind == .refresh }?.url, "https://snv.sonla.gov.vn/trang-chu")
        XCTAssertEqual(doc.metaRefresh, "https://snv.sonla.gov.vn/trang-chu")
        XCTAssertFalse(links.contains { $0.url.hasPrefix("javascript:") || $0.url.hasPrefix("mailto:")
            || $0.url.hasPrefix("tel:") || $0.url.hasPrefix("data:") })
        XCTAssertFalse(links.contains { $0.url.hasSuffix("main.css") })
        XCTAssertEqual(doc.scriptLinks().map(\.text), ["2", "3"])
    }

    func testWithoutBaseTheDocumentURLIsUsed() {
        let doc = HTMLDocument(html: "<a href='lich-cong-tac.html'>Lịch</a>", url: "http://ubnd.vn/vi/news/tin.html")
        XCTAssertEqual(doc.baseURL, "http://ubnd.vn/vi/news/tin.html")
        XCTAssertEqual(doc.links().first?.url, "http://ubnd.vn/vi/news/lich-cong-tac.html")
        XCTAssertNil(doc.metaRefresh)
    }

    func testResolverFollowsRFC3986Examples() {
        let base = "http://a/b/c/d;p?q"
        let cases: [(String, String)] = [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
            ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
            ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."), ("g..", "http://a/b/c/g.."), ("./g/.", "http://a/b/c/g/"),
            ("g/../h", "http://a/b/c/h"), ("g;x=1/../y", "http://a/b/c/y"),
        ]
        for (reference, expected) in cases {
            XCTAssertEqual(URLResolver.resolve(reference, against: base), expected, reference)
        }
    }

    func testResolverLeniency() {
        XCTAssertEqual(URLResolver.resolve("  \n/tin tuc\t/a.html ", against: "https://Example.VN:443/x"),
                       "https://example.vn/tin%20tuc/a.html")
        XCTAssertEqual(URLResolver.resolve("HTTP://Sonla.GOV.vn:80", against: "https://x/"), "http://sonla.gov.vn/")
        XCTAssertEqual(URLResolver.resolve("\\vi\\news", against: "http://a/b"), "http://a/vi/news")
        XCTAssertEqual(URLResolver.resolve("mailto:a@b.vn", against: "http://a/"), "mailto:a@b.vn")
        XCTAssertNil(URLResolver.resolve("g", against: "not a url"))
        XCTAssertFalse(URLResolver.isFollowable(" JavaScript:void(0)"))
        XCTAssertNil(URLResolver.followable("mailto:a@b.vn", against: "http://a/"))
        XCTAssertEqual(URLResolver.followable("tin-tuc", against: "http://a/b/"), "http://a/b/tin-tuc")
    }
}
