import WebAddress
import XCTest

/// The byte split, resolution and http(s) view of the one URL model.
final class WebAddressTests: XCTestCase {
    private func text(_ address: WebAddress, _ range: Range<Int>?) -> String? {
        range.map { String(decoding: address.bytes[$0], as: UTF8.self) }
    }

    func testSplitsOnceIntoComponentRanges() {
        let address = WebAddress("HTTPS://u:p@Sở.VN:8443/tin%20tức/a.html?b=2&a=1#mục?x")
        XCTAssertEqual(address.scheme, "https")
        XCTAssertEqual(text(address, address.authority), "u:p@Sở.VN:8443")
        XCTAssertEqual(text(address, address.path), "/tin%20tức/a.html")
        XCTAssertEqual(text(address, address.query), "b=2&a=1")
        XCTAssertEqual(text(address, address.fragment), "mục?x")
        let bare = WebAddress("mailto:a@b.vn")
        XCTAssertNil(bare.authority)
        XCTAssertEqual(text(bare, bare.path), "a@b.vn")
        XCTAssertNil(WebAddress("a b:c").scheme, "a scheme has no space")
        XCTAssertNil(WebAddress("/x?u=http://y").scheme)
        let empty = WebAddress("http://a.vn?")
        XCTAssertEqual(empty.path, empty.path.lowerBound..<empty.path.lowerBound)
        XCTAssertEqual(text(empty, empty.query), "")
    }

    func testResolvesOnBytesWithBrowsersLeniency() {
        let base = WebAddress.resolutionBase("HTTP://Sonla.GOV.vn:80/tin-tuc/bai.html?id=1#top")
        XCTAssertEqual(base?.description, "http://sonla.gov.vn/tin-tuc/bai.html?id=1")
        func resolve(_ href: String) -> String? { WebAddress.resolve(WebAddress.cleaned(href.utf8), against: base)?.description }
        XCTAssertEqual(resolve("../van-ban/./qd.pdf"), "http://sonla.gov.vn/van-ban/qd.pdf")
        XCTAssertEqual(resolve("?page=2"), "http://sonla.gov.vn/tin-tuc/bai.html?page=2")
        XCTAssertEqual(resolve("#muc-2"), "http://sonla.gov.vn/tin-tuc/bai.html?id=1#muc-2")
        XCTAssertEqual(resolve("\u{A0} tin tức\t.html\n"), "http://sonla.gov.vn/tin-tuc/tin%20tức.html")
        XCTAssertEqual(resolve("\\vi\\news"), "http://sonla.gov.vn/vi/news")
        XCTAssertEqual(resolve("//CDN.vn:443/a"), "http://cdn.vn:443/a")
        XCTAssertEqual(resolve("HTTPS://U@Đà.VN:443"), "https://U@đà.vn/")
        XCTAssertEqual(resolve("JavaScript:void(0)"), "JavaScript:void(0)", "other schemes stay as written")
        XCTAssertNil(WebAddress.resolve(Array("g".utf8), against: WebAddress.resolutionBase("mailto:x@y")))
        XCTAssertNil(WebAddress.followable("java\tscript:alert(1)", against: base))
        XCTAssertNil(WebAddress.followable("tel:0212", against: base))
        XCTAssertEqual(WebAddress.followable("a b", against: base)?.description, "http://sonla.gov.vn/tin-tuc/a%20b")
    }

    func testRemovesDotSegmentsAsRFC3986() {
        func removing(_ path: String) -> String { String(decoding: WebAddress.removingDotSegments(Array(path.utf8)), as: UTF8.self) }
        XCTAssertEqual(removing("/a/b/c/./../../g"), "/a/g")
        XCTAssertEqual(removing("/a/.."), "/")
        XCTAssertEqual(removing("/../../x/"), "/x/")
        XCTAssertEqual(removing("/a/%2e%2e/b"), "/a/%2e%2e/b", "escaped dots are not segments")
        XCTAssertEqual(removing("/tin.tuc/..x/.y"), "/tin.tuc/..x/.y")
        let path = Array("http://a.vn/x/y/..".utf8)[11...]
        XCTAssertEqual(WebAddress.removingDotSegments(path), Array("/x/".utf8), "a slice keeps its own indices")
    }

    func testHTTPViewOfAnAddress() throws {
        let address = try XCTUnwrap(HTTPAddress(" \u{3000}HTTP://user@.Sở.GOV.VN.:8080/Tin-Tức?Trang=2#x\n"))
        XCTAssertEqual(address.scheme, "http")
        XCTAssertEqual(address.host, "sở.gov.vn")
        XCTAssertEqual(address.port, 8080)
        XCTAssertEqual(address.hostKey, "sở.gov.vn:8080")
        XCTAssertEqual(address.path, "/Tin-Tức")
        XCTAssertEqual(address.query, "Trang=2")
        XCTAssertEqual(address.pathAndQuery, "/Tin-Tức?Trang=2")
        XCTAssertEqual(HTTPAddress("https://a.vn:443")?.hostKey, "a.vn")
        XCTAssertEqual(HTTPAddress("https://a.vn:443")?.pathAndQuery, "/")
        XCTAssertEqual(HTTPAddress("http://[::1]:8080/")?.host, "[::1]")
        XCTAssertEqual(HTTPAddress("http://[::1]/")?.port, nil)
        XCTAssertEqual(HTTPAddress("http://a.vn:/x")?.port, nil)
        XCTAssertNil(HTTPAddress("http://a.vn:65536/"))
        XCTAssertNil(HTTPAddress("http://a.vn:8x/"))
        XCTAssertNil(HTTPAddress("http://:80/"))
        XCTAssertNil(HTTPAddress("ftp://a.vn/"))
        XCTAssertNil(HTTPAddress("http:/a.vn/"))
        XCTAssertEqual(HTTPAddress("http://A.vn/x"), HTTPAddress("http://a.vn:/x#y"))
        XCTAssertNotEqual(HTTPAddress("http://a.vn/x"), HTTPAddress("http://a.vn/x?"))
    }
}
