@testable import Crawl
import XCTest

final class URLNormalizerTests: XCTestCase {
    let normalizer = URLNormalizer(policy: try! URLPolicy.bundled())

    func testSchemeHostCaseAndDefaultPortsAreFolded() {
        XCTAssertEqual(normalizer.normalize("HTTP://SoNoiVu.SonLa.Gov.VN:80/Tin-Tuc"), "http://sonoivu.sonla.gov.vn/Tin-Tuc")
        XCTAssertEqual(normalizer.normalize("https://example.vn:443"), "https://example.vn/")
        XCTAssertEqual(normalizer.normalize("http://127.0.0.2:8043/a"), "http://127.0.0.2:8043/a")
    }

    func testDotSegmentsAndFragmentsAreRemoved() {
        XCTAssertEqual(normalizer.normalize("http://a.vn/x/./y/../z#top"), "http://a.vn/x/z")
        XCTAssertEqual(normalizer.normalize("http://a.vn/x/.."), "http://a.vn/")
    }

    func testPercentEncodingIsCanonical() {
        XCTAssertEqual(normalizer.normalize("http://a.vn/%7euser/%2d%3f"), "http://a.vn/~user/-%3F")
        XCTAssertEqual(normalizer.normalize("http://a.vn/tin tức"), "http://a.vn/tin%20t%E1%BB%A9c")
    }

    func testQueryIsSortedAndTrackingAndSessionParametersDropped() {
        XCTAssertEqual(normalizer.normalize("http://a.vn/t?utm_source=fb&page=2&fbclid=x&cat=5"), "http://a.vn/t?cat=5&page=2")
        XCTAssertEqual(normalizer.normalize("http://a.vn/t?PHPSESSID=abc"), "http://a.vn/t")
        XCTAssertEqual(normalizer.normalize("http://a.vn/t;jsessionid=ABC?p=1"), "http://a.vn/t?p=1")
    }

    func testPaginationParametersAreKept() {
        XCTAssertEqual(normalizer.normalize("http://a.vn/web/guest/tin?p_p_id=101&_101_cur=3"), "http://a.vn/web/guest/tin?_101_cur=3&p_p_id=101")
    }

    func testNonHTTPIsRejected() {
        XCTAssertNil(normalizer.normalize("ftp://a.vn/x"))
        XCTAssertNil(normalizer.normalize("javascript:void(0)"))
        XCTAssertNil(normalizer.normalize("mailto:a@b.vn"))
        XCTAssertNil(normalizer.normalize("http://a.vn:99999/"))
    }
}
