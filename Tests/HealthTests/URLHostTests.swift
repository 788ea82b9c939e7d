import Foundation
import XCTest
@testable import Health

/// The byte cut of plain addresses gives URLComponents' host, lower-cased, and
/// leaves every other address to URLComponents.
final class URLHostTests: XCTestCase {
    private func byComponents(_ url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }

    private let samples = [
        "http://sotttt.sonla.gov.vn/", "https://SoTTTT.SonLa.Gov.VN/Tin-Tuc?id=5#top", "http://127.0.0.1:18480/a/b",
        "http://w88.casino-online.bet/", "https://example.com", "https://example.com:", "https://example.com:8o/",
        "http://user@example.com/", "http://user:pass@example.com/", "http://user:123@example.com/", "http://[::1]:80/",
        "http://bộ.vn/", "http://xn--b-rhu.vn/x", "http://a.XN--b-rhu.vn/x", "http://xn--.vn/", "http://xn-a.vn/", "http://exa%6Dple.com/", "http://example.com/%zz", "http://example.com/%4",
        "http://example.com/a b", "http://example.com/a/../b/./c", "http://example.com/?q=1&r=[2]", "http://example.com/#a#b",
        "http://example.com/?q=%C3%A1#frag?x/y", "http://example.com/ệ", "HTTP://EXAMPLE.COM/", "http:///path",
        "http://example.com\\path", "http://example.com/a|b", "http://example.com/{x}", "ftp://example.com/",
        "http://a_b.example.com/", "http://example.com./", "http://.example.com/", "http://example.com?x", "http://example.com#x",
        "http://example.com/\u{200B}", "https://example.com:443/'quoted'()*+,;=:@!$&~",
    ]

    func testTheHostIsURLComponentsHost() {
        for url in samples {
            XCTAssertEqual(URLHost.lowercased(of: url), byComponents(url), url)
        }
    }

    func testPlainAddressesAreCutOnTheirBytes() {
        var plain = "https://SoTTTT.SonLa.Gov.VN:8443/Tin-Tuc/../a?id=5&x=%C3%A1#top"
        XCTAssertEqual(plain.withUTF8(URLHost.plainHost), "sotttt.sonla.gov.vn")
        var other = "http://user@example.com/"
        XCTAssertNil(other.withUTF8(URLHost.plainHost))
    }

    /// Random addresses of the characters that decide: the two paths agree.
    func testRandomAddresses() {
        let pieces = ["a", "B", "9", "xn--", "XN--", ".", "-", "_", ":", "80", "/", "?", "#", "%", "%41", "@", "[", "]", " ", "ệ", "=", "&", "..", "~", "|"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let rest = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let url = (Bool.random(using: &generator) ? "http://" : "https://") + rest
            XCTAssertEqual(URLHost.lowercased(of: url), byComponents(url), url)
        }
    }
}
