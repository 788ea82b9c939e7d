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

    /// The byte key on spellings the String code used to meet: NFD letters,
    /// zero-width spaces, escapes of tracking names, broken escapes, IDN hosts.
    func testAdversarialSpellingsGetOneKey() {
        XCTAssertEqual(normalizer.normalize("http://a.vn/Tie\u{302}\u{301}ng"), "http://a.vn/Tie%CC%82%CC%81ng")
        XCTAssertEqual(normalizer.normalize("http://a.vn/a\u{200B}b"), "http://a.vn/a%E2%80%8Bb")
        XCTAssertEqual(normalizer.normalize("http://a.vn/?%75tm_source=1&b=2"), "http://a.vn/?b=2")
        XCTAssertEqual(normalizer.normalize("http://a.vn/x;JSESSIONID=1;b=c/y"), "http://a.vn/x;b=c/y")
        XCTAssertEqual(normalizer.normalize("http://ĐÀ.VN/x"), "http://đà.vn/x")
        XCTAssertEqual(normalizer.normalize("http://a.vn/%zz%4"), "http://a.vn/%25zz%254")
        XCTAssertEqual(normalizer.normalize("http://a.vn/t?b=2&a=1&&c"), "http://a.vn/t?a=1&b=2&c")
        XCTAssertEqual(normalizer.normalize(" http://a.vn/x/.. "), "http://a.vn/")
    }

    /// A redirect target marked seen is refused as seen when a link names it again.
    func testMarkedAndCheckedURLsShareOneFingerprint() {
        var admission = Admission(normalizer: normalizer, scope: ["a.vn"], maxPages: 10, maxDepth: 5)
        XCTAssertTrue(admission.markSeen("http://a.vn/tin-tuc"))
        XCTAssertEqual(admission.check("HTTP://A.vn:80/tin-tuc#x", depth: 1), .seen(fingerprint: Admission.fingerprint(of: "http://a.vn/tin-tuc")))
        XCTAssertEqual(admission.check("http://a.vn/tin-tuc?utm_source=z", depth: 1), .seen(fingerprint: Admission.fingerprint(of: "http://a.vn/tin-tuc")))
    }
}
