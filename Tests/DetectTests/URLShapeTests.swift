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
}
