import XCTest
@testable import Detect

final class DocumentTests: XCTestCase {
    func testTableAndDocumentPageCountedOnceInTheYear() throws {
        let site = "https://stttt.yenbai.gov.vn"
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2013, portalHosts: ["stttt.yenbai.gov.vn"])
        portal.consume(Fixture.page("sharepoint/van-ban.aspx.html", url: site + "/Pages/van-ban.aspx"))
        portal.consume(Fixture.page("sharepoint/view-detail-79.html", url: site + "/Lists/VanBan/View_Detail.aspx?ItemID=79"))
        let documents = portal.finish(CrawlCoverage(complete: true)).documents
        XCTAssertEqual(documents.list.map { $0.number ?? "" }.sorted(),
                       ["06/2013/TT-BTTTT", "1410/STTTT-CNTT", "259/QĐ-STTTT", "83/TB-STTTT"])
        XCTAssertEqual(documents.count, 4)
        XCTAssertEqual(documents.method, "table+pages")
        XCTAssertFalse(documents.partial)
        let circular = try XCTUnwrap(documents.list.first { $0.number == "06/2013/TT-BTTTT" })
        XCTAssertEqual(circular.date, "2013-03-07")
        XCTAssertEqual(circular.type, "Thông tư")
        XCTAssertEqual(circular.issuer, "BTTTT")
        XCTAssertEqual(circular.year, 2013)
        XCTAssertEqual(circular.url, site + "/Lists/VanBan/View_Detail.aspx?ItemID=78")
        XCTAssertEqual(circular.summary, "Quy định chế độ báo cáo định kỳ")
        let page = try XCTUnwrap(documents.list.first { $0.number == "1410/STTTT-CNTT" })
        XCTAssertEqual(page.issuer, "Sở Thông tin và Truyền thông")
        XCTAssertEqual(page.summary, "Về việc tham gia ý kiến kết quả thẩm định")
        XCTAssertEqual(page.date, "2013-11-18")
        XCTAssertEqual(page.effective, "2013-12-01")
    }

    func testDocumentPagesAreNotNewsWhenTheyShareTheArticleShape() {
        let site = "https://stttt.yenbai.gov.vn"
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2013, portalHosts: ["stttt.yenbai.gov.vn"])
        portal.consume(Fixture.page("sharepoint/tin-tuc.aspx.html", url: site + "/Pages/tin-tuc.aspx"))
        portal.consume(Fixture.page("sharepoint/van-ban.aspx.html", url: site + "/Pages/van-ban.aspx"))
        portal.consume(Fixture.page("sharepoint/view-detail-79.html", url: site + "/Lists/VanBan/View_Detail.aspx?ItemID=79"))
        let findings = portal.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.news.count, 3, "only the three 2013 news items; ItemID 77, 78, 79 are documents")
        XCTAssertEqual(findings.documents.count, 4)
    }

    func testHomePageBlockTable() {
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["snv.sonla.gov.vn"])
        portal.consume(Fixture.page("liferay/home.html", url: "https://snv.sonla.gov.vn/web/guest/trang-chu"))
        let documents = portal.finish(CrawlCoverage(complete: true)).documents
        XCTAssertEqual(documents.list.compactMap(\.number), ["2793/QĐ-UBND", "125/TTr-STTTT", "1240/STTTT-CNTT"])
        XCTAssertEqual(documents.list.map(\.type), ["Quyết định", "Tờ trình", "Công văn"])
        XCTAssertEqual(documents.method, "table")
    }
}
