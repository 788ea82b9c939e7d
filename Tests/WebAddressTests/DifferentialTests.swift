import Foundation
import XCTest
@testable import Crawl
@testable import Detect
import HTML
import WebAddress

/// Runs the URL code before WebAddress (LegacyURLCode.swift) and the new
/// byte code on every href of the repository's HTML fixtures and snapshots,
/// against several bases, plus adversarial spellings; they must agree.
final class DifferentialTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bases = [
        "http://portal.example/tin-tuc/bai-1.html", "https://SoNoiVu.SonLa.Gov.VN:443/a/b/c?x=1#f", "http://127.0.0.2:8043/",
        "http://a/b/c/d;p?q", "HTTP://user:pw@Example.VN:80", "https://x.vn/thu-tuc/", " http://sp.vn/dir/../x.aspx?id=1 ",
        "http://Đà-Nẵng.VN/tin tức/", "file:///tmp/a/b.html", "not a url", "mailto:a@b.vn", "http://a.vn/%7Euser/page.html",
    ]

    static let adversarial = [
        "", " ", "#", "#top", "?", "?page=2", "//", "///x", "//Other.VN", "//other.vn:80/a/../b", ".", "..", "./", "../..",
        "../../../../g", "/./g", "g.", "g..", "./g/.", "g/../h", "g;x=1/../y", "a/b/c/./../../g", "/a/b/%2e%2e/c",
        "tin tức.html", "tin\ttuc\n.html", "\\vi\\news", "\u{A0}/x\u{A0}", "  \n/tin tuc\t/a.html ", "\u{C}/a",
        "HTTP://Sonla.GOV.vn:80", "https://A.VN:443/x", "http://a.vn:8080", "http://a.vn:", "http://a.vn:0/", "http://a.vn:65536/",
        "http://a.vn:+80/", "http://a.vn:-0/", "http://a.vn:8a/", "http://[::1]:8080/x", "http://[::1]/x", "http://u@a.vn/",
        "http://u:p@A.vn:81/?q#f", "http://.a.vn./x", "http://...", "http://@/x", "http://a.vn?x=1", "http://a.vn#f?x",
        "http://a.vn/x?b=2&a=1&&utm_source=z&fbclid=1&PHPSESSID=s", "http://a.vn/x;jsessionid=A;b=c/y;JSESSIONID=1",
        "http://a.vn/%7euser/%2d%3f%zz%4", "http://a.vn/%", "http://a.vn/a%2", "http://a.vn/tin tức", "http://a.vn/?q=tin tức&x=%E1%BB%A9",
        "http://a.vn/?%75tm_source=1&%FFname=2&%c3%a9=3", "http://a.vn/a?x=1#frag?y", "http://ĐÀ.VN/Đường", "http://a.vn/Tie\u{302}\u{301}ng-Vie\u{323}\u{302}t",
        "http://a.vn/a\u{200B}b?c\u{200B}=d", "http://a.vn/\u{FFFD}x", "http://a.vn/files/QD-125.PDF", "http://a.vn/x/a.DOCX?dl=1",
        "http://a.vn/x/.htaccess", "http://a.vn/x.", "http://a.vn/x/y.tar.gz/", "javascript:void(0)", " JavaScript:alert(1)",
        "java\tscript:x", "mailto:a@b.vn", "tel:+84", "data:image/png;base64,AA", "ftp://Files.VN/a/../b", "file:foo/../bar",
        "http:g", "HTTPS:/x", "https:x.html", "a b://x/y", "1http://x/", "+x:y", "x-y.z+1:rest", "http://a.vn\\b\\c",
        "http://a.vn/x?a=1&amp;b=2", "http://www.A.vn/x", "https://WWW.a.vn:8443/?", "http://a.vn/\r\n/x", "http://a.vn/a//b/../c", "http://a.vn/x/..", "http://a.vn/x/.", "http://a.vn/x/./y/../z#top", "http://a.vn/.", "http://a.vn/..?x",
        "http://a.vn/a/%2E%2E/b/..",
        "http://a.vn/2020-05-01", "http://a.vn/lich/01/05/2020/", "http://a.vn/p?_101_instance_ab12_cur=3&p_p_id=101",
        "\u{2003}http://a.vn/em-space\u{2003}", "\u{3000}http://a.vn/ideographic", "http://a.vn/\u{85}", "http://K.vn/",
    ]

    static func hrefs() throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)')"#, options: [.caseInsensitive])
        var found = Set<String>()
        for folder in ["fixtures", "Tests", "snapshots", "snapshots-2026"] {
            guard let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension.hasPrefix("htm") {
                let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    for group in [1, 2] {
                        guard let range = Range(match.range(at: group), in: text) else { continue }
                        let value = String(text[range])
                        found.insert(value)
                        found.insert(value.replacingOccurrences(of: "&amp;", with: "&"))
                    }
                }
            }
        }
        return found.sorted()
    }

    func testResolutionAgreesWithTheStringResolver() throws {
        let hrefs = try Self.hrefs() + Self.adversarial
        XCTAssertGreaterThan(hrefs.count, 1_000, "the corpus is read")
        var differences = [String]()
        for base in Self.bases {
            let parsedBase = WebAddress.resolutionBase(base)
            for href in hrefs {
                let old = LegacyResolver.resolve(href, against: base)
                let new = WebAddress.resolve(href, against: base)
                if old != new { differences.append("resolve \(href.debugDescription) @ \(base): \(old ?? "nil") ≠ \(new ?? "nil")") }
                let oldFollowable = LegacyResolver.followable(href, against: base)
                let newFollowable = WebAddress.followable(href, against: parsedBase)?.description
                if oldFollowable != newFollowable {
                    differences.append("followable \(href.debugDescription) @ \(base): \(oldFollowable ?? "nil") ≠ \(newFollowable ?? "nil")")
                }
            }
        }
        for href in hrefs where LegacyResolver.scheme(of: href) != URLResolver.scheme(of: href) || LegacyResolver.isFollowable(href) != URLResolver.isFollowable(href) {
            differences.append("scheme \(href.debugDescription)")
        }
        XCTAssertEqual(differences.count, 0, differences.prefix(30).joined(separator: "\n"))
    }

    func testCrawlKeysAgreeWithTheStringNormalizer() throws {
        let policy = try URLPolicy.bundled()
        let old = LegacyNormalizer(policy: policy), new = URLNormalizer(policy: policy)
        var urls = Set(Self.adversarial + Self.bases)
        for base in Self.bases {
            for href in try Self.hrefs() + Self.adversarial { if let url = LegacyResolver.resolve(href, against: base) { urls.insert(url) } }
        }
        var differences = [String]()
        for url in urls {
            let before = LegacyParsedURL(url), after = HTTPAddress(url)
            guard let before, let after else {
                if (before == nil) != (after == nil) { differences.append("parse \(url.debugDescription): \(before == nil) vs \(after == nil)") }
                continue
            }
            let oldParts = [before.scheme, before.host, before.port.map(String.init) ?? "-", before.path, before.query ?? "-", before.hostKey, before.pathAndQuery]
            let newParts = [after.scheme, after.host, after.port.map(String.init) ?? "-", after.path, after.query ?? "-", after.hostKey, after.pathAndQuery]
            if oldParts != newParts { differences.append("parts \(url.debugDescription): \(oldParts) ≠ \(newParts)") }
            if after.hostKeyBytes != Array(after.hostKey.utf8) { differences.append("host key bytes \(url.debugDescription)") }
            let oldKey = old.normalize(url), newKey = new.normalize(url)
            if oldKey != newKey { differences.append("key \(url.debugDescription): \(oldKey ?? "nil") ≠ \(newKey ?? "nil")") }
            if LegacyAdmission.pathExtension(before.path) != Admission.pathExtension(after.pathBytes) {
                differences.append("extension \(url.debugDescription)")
            }
        }
        XCTAssertGreaterThan(urls.count, 1_000)
        XCTAssertEqual(differences.count, 0, differences.prefix(30).joined(separator: "\n"))
    }

    func testDetectorPartsAgreeWithTheStringSplit() throws {
        var urls = Set(Self.adversarial + Self.bases)
        for base in Self.bases {
            for href in try Self.hrefs() + Self.adversarial { if let url = LegacyResolver.resolve(href, against: base) { urls.insert(url) } }
        }
        var differences = [String]()
        for url in urls {
            let before = LegacyURLParts(url), after = URLParts(url)
            guard let before, let after else {
                if (before == nil) != (after == nil) { differences.append("parse \(url.debugDescription)") }
                continue
            }
            if before.host != after.host || before.path != after.path || before.query != after.query || before.shapeText != after.shapeText {
                differences.append("parts \(url.debugDescription): \([before.host, before.path, before.query ?? "-"]) ≠ \([after.host, after.path, after.query ?? "-"])")
            }
        }
        XCTAssertEqual(differences.count, 0, differences.prefix(30).joined(separator: "\n"))
    }
}
