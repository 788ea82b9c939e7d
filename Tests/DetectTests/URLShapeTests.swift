import XCTest
@testable import Detect

final class URLShapeTests: XCTestCase {
    let shapes = ArticleShapes(vocabulary: Fixture.rules.news,
                               keys: URLKeyMaker(trackingParameters: Fixture.rules.news.trackingParameters))

    func testArticleKeysOfEachPlatform() {
        let cases: [(String, String?)] = [
            ("https://snv.sonla.gov.vn/tin-tuc/-/view_content/4101-hoi-nghi?redirect=%2F", "liferay:snv.sonla.gov.vn:4101"),
            ("https://snv.sonla.gov.vn/web/guest/tin/-/asset_publisher/Ab12/content/hoi-nghi-tong-ket?inheritRedirect=true",
             "liferay:snv.sonla.gov.vn:hoi-nghi-tong-ket"),
            ("https://snv.sonla.gov.vn/web/guest/su-kien/-/asset_publisher/Zx98/content/hoi-nghi-tong-ket",
             "liferay:snv.sonla.gov.vn:hoi-nghi-tong-ket"),
            ("https://thuanchau.sonla.gov.vn/tin-tuc/kinh-te/phat-trien-ca-phe-123420", "slug-plus-id:thuanchau.sonla.gov.vn:123420"),
            ("https://laocai.gov.vn/tin-tuc/phat-trien-1234567.html", "slug-plus-id:laocai.gov.vn:1234567"),
            ("https://www.yenbai.gov.vn/Pages/chi-tiet-tin-tuc.aspx?ItemID=1052&Source=x", "sharepoint:yenbai.gov.vn:1052"),
            ("https://dvc.quangninh.gov.vn/moduleId/512/ItemId/77/controller/News/action/Detail", "dotnetnuke:dvc.quangninh.gov.vn:77"),
            ("https://bdt.sonla.gov.vn/vi/news/tin-tuc/hoi-nghi-301.html", "nukeviet:bdt.sonla.gov.vn:301"),
            ("https://hatinh.gov.vn/portal/pages/2020-07-27/Hoi-nghi-tong-ket-12345.aspx", "portal-pages:hatinh.gov.vn:12345"),
            ("https://thuanchau.sonla.gov.vn/tin-tuc/tin-trong-huyen", nil),
            ("https://thuanchau.sonla.gov.vn/tin-tuc/trang-791.html", nil),
            ("https://thuanchau.sonla.gov.vn/gioi-thieu/co-cau-to-chuc", nil),
            ("https://sonla.gov.vn/van-ban/2020/12345", nil),
        ]
        for (url, key) in cases {
            XCTAssertEqual(shapes.key(of: url), key, url)
        }
    }

    func testURLKeysDropTrackingAndFragments() {
        let keys = URLKeyMaker(trackingParameters: Fixture.rules.news.trackingParameters)
        XCTAssertEqual(keys.key("https://www.Sonla.gov.vn/tin/?utm_source=zalo&id=5&fbclid=x#top"), "sonla.gov.vn/tin?id=5")
        XCTAssertEqual(keys.key("https://sonla.gov.vn/tin/"), keys.key("http://sonla.gov.vn/tin"))
    }

    /// A "*" tries the rest only where the literal after it stands: each shape of
    /// the rules, and adversarial ones, must match and capture as trying every
    /// position does (the matcher before that shortcut, kept here as the reference).
    func testStarSkipsOnlyPositionsThatCannotMatch() {
        let patterns = Fixture.rules.news.articleShapes.map(\.shape) + Fixture.rules.news.listingShapes
            + ["*", "**", "*a*a*a*b", "/*/*-{id}", "*{id}*", "*-{key}", "*/{key}/*/{id:2-3}.html", "a*", "*?*=*"]
        let paths = [
            "/", "", "/tin-tuc/-/view_content/4101-hoi-nghi?redirect=%2f", "/web/guest/tin/-/asset_publisher/ab12/content/hoi-nghi",
            "/tin-tuc/kinh-te/phat-trien-ca-phe-123420", "/tin-tuc/phat-trien-1234567.html", "/tin-tuc/trang-791.html",
            "/pages/chi-tiet-tin-tuc.aspx?itemid=1052&source=x", "/page/2/", "/a/b/c/d-12/e-345/f-6789.html",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "-----1-2-3-",
            "/tin-t\u{1EE9}c/h\u{1ED9}i-ngh\u{1ECB}-123456", "/x/y-1234567.htm?a=1#b", "//-//-/12/",
        ]
        for pattern in patterns {
            let shape = URLShape(pattern)
            for path in paths {
                let text = Array(path.utf8)
                XCTAssertEqual(shape.match(text), Self.everyPosition(shape.tokens, text), "\(pattern) on \(path)")
            }
        }
    }

    /// The reference: "*" tries the rest at every position.
    private static func everyPosition(_ tokens: [URLShape.Token], _ text: [UInt8]) -> String? {
        var captured: Range<Int>?
        func match(_ start: Int, _ first: Int) -> Bool {
            var position = start
            var index = first
            while index < tokens.count {
                switch tokens[index] {
                case .literal(let byte):
                    guard position < text.count, text[position] == byte else { return false }
                    position += 1
                case .any:
                    for next in position...text.count where match(next, index + 1) { return true }
                    return false
                case .id(let range):
                    var end = position
                    while end < text.count && text[end] >= 48 && text[end] <= 57 { end += 1 }
                    guard range.contains(end - position) else { return false }
                    captured = position..<end
                    position = end
                case .key:
                    var end = position
                    while end < text.count && !"/?&#".utf8.contains(text[end]) { end += 1 }
                    guard end > position else { return false }
                    captured = position..<end
                    position = end
                }
                index += 1
            }
            return position == text.count
        }
        guard match(0, 0) else { return nil }
        return captured.map { String(decoding: text[$0], as: UTF8.self) } ?? ""
    }
}
