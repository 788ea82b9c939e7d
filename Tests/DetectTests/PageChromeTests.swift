import XCTest
import HTML
@testable import Detect

/// Lines every page of a portal carries around its content: a today bar,
/// a skip link. They say nothing of the article they surround.
final class PageChromeTests: XCTestCase {
    let site = "https://xamuongbu.sonla.gov.vn"

    /// A commune template: a skip link, then a today bar no class marks as
    /// a header, then the content.
    func page(_ content: String) -> String {
        """
        <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã Mường Bú</title></head><body>
        <a class="skip-link" href="#noi-dung">Truy cập nội dung luôn</a>
        <div class="thanh-tren"><span class="ngay">Thứ Sáu, 19/12/2025</span></div>
        <nav class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav>
        <div id="noi-dung" class="noi-dung">\(content)</div>
        <footer>UBND xã Mường Bú, tỉnh Sơn La</footer></body></html>
        """
    }

    let articles: [(id: Int, title: String, date: String?)] = [
        (701201, "Xã Mường Bú ra quân làm đường giao thông nông thôn", "12/03/2025"),
        (701245, "Hội nghị triển khai nhiệm vụ phát triển kinh tế xã hội", "08/05/2025"),
        (701310, "Tập huấn kỹ thuật trồng cà phê cho bà con bản Nà Mòn", "21/08/2025"),
        (701388, "Thông báo lịch tiếp công dân của Chủ tịch UBND xã", nil),
    ]

    func articleURL(_ id: Int) -> String { site + "/tin-tuc/bai-viet-\(id)" }

    func consume(_ html: String, url: String, into portal: PortalAnalyzer) {
        portal.consume(PageInput(url: url, fetchedAt: Fixture.capturedAt, document: HTMLDocument(html: html, url: url),
                                 contentType: "text/html", depth: 1))
    }

    func testATodayBarAboveEveryTitleDoesNotDateAnUndatedArticle() throws {
        let portal = PortalAnalyzer(rules: try RuleSet.load(named: "nd-42-2022"), tier: .commune, year: 2025,
                                    portalHosts: ["xamuongbu.sonla.gov.vn"])
        let entries = articles.map { "<li><a href=\"/tin-tuc/bai-viet-\($0.id)\">\($0.title)</a></li>" }.joined()
        consume(page("<h1>Tin tức</h1><ul class=\"tin\">\(entries)</ul>"), url: site + "/tin-tuc", into: portal)
        for article in articles {
            let dated = article.date.map { "<p class=\"ngay-dang\">Ngày đăng: \($0)</p>" } ?? ""
            consume(page("""
                <h1>\(article.title)</h1>\(dated)
                <p>Sáng nay, Ủy ban nhân dân xã đã tổ chức cho cán bộ, đoàn viên và nhân dân các bản tham gia thực hiện nhiệm vụ theo kế hoạch của xã.</p>
                <p>Các đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước cuối tháng để tổng hợp.</p>
                """), url: articleURL(article.id), into: portal)
        }
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 3, "the bar's «Thứ Sáu, 19/12/2025» tops every page dated otherwise: not a publication date")
        XCTAssertEqual(news.undated, 1)
        let undated = try XCTUnwrap(news.items?.first { $0.url == articleURL(701388) })
        XCTAssertNil(undated.date)
        XCTAssertFalse(news.items?.contains { $0.title == "Truy cập nội dung luôn" } ?? true,
                       "the skip link leads to the page itself: it is no headline")
    }

    func testArticlesOfOneDayDatedAboveTheirTitlesStayDated() throws {
        let portal = PortalAnalyzer(rules: try RuleSet.load(named: "nd-42-2022"), tier: .commune, year: 2025,
                                    portalHosts: ["xamuongbu.sonla.gov.vn"])
        let entries = articles.map { "<li><a href=\"/tin-tuc/bai-viet-\($0.id)\">\($0.title)</a></li>" }.joined()
        consume(page("<h1>Tin tức</h1><ul class=\"tin\">\(entries)</ul>"), url: site + "/tin-tuc", into: portal)
        // Every article printed on one day says so above its title: the same line, and the only date.
        for article in articles {
            consume(page("""
                <p class="ngay-dang">Thứ Ba, 14/10/2025 09:15</p><h1>\(article.title)</h1>
                <p>Sáng nay, Ủy ban nhân dân xã đã tổ chức cho cán bộ, đoàn viên và nhân dân các bản tham gia thực hiện nhiệm vụ theo kế hoạch của xã.</p>
                <p>Các đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước cuối tháng để tổng hợp.</p>
                """), url: articleURL(article.id), into: portal)
        }
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 4)
        XCTAssertEqual(news.undated, 0)
    }
}
