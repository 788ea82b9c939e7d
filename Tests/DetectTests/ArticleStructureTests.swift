import XCTest
import HTML
@testable import Detect

/// Articles recognised by what the page is (a title, its date, running text,
/// a listing that links it) on platforms whose URLs carry no known shape;
/// expected figures are read off the fixtures.
final class ArticleStructureTests: XCTestCase {
    func analyzer(year: Int, host: String) -> PortalAnalyzer {
        PortalAnalyzer(rules: Fixture.rules, tier: .province, year: year, portalHosts: [host])
    }

    func wordpress(year: Int) -> NewsFindings {
        let site = "https://stp.sonla.gov.vn"
        let portal = analyzer(year: year, host: "stp.sonla.gov.vn")
        portal.consume(Fixture.page("wordpress/category-tin-tuc.html", url: site + "/category/tin-tuc/"))
        portal.consume(Fixture.page("wordpress/hoi-nghi-tong-ket.html", url: site + "/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2020/"))
        portal.consume(Fixture.page("wordpress/hoi-nghi-tong-ket-amp.html", url: site + "/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2020/amp/"))
        portal.consume(Fixture.page("wordpress/hoi-nghi-tong-ket.html",
                                    url: site + "/hoi-nghi-tong-ket-cong-tac-tu-phap-nam-2020/?utm_source=facebook&fbclid=IwAR0x"))
        portal.consume(Fixture.page("wordpress/gioi-thieu-chung.html", url: site + "/gioi-thieu-chung-ve-so-tu-phap-tinh-son-la/"))
        return portal.finish(CrawlCoverage(complete: true)).news
    }

    func testWordPressSlugPermalinksAMPAndTrackingCopiesCountOnce() throws {
        // 2021: the conference of 15/01/2021, fetched three ways (page, /amp/, utm_ and fbclid).
        let news2021 = wordpress(year: 2021)
        XCTAssertEqual(news2021.count, 1)
        XCTAssertEqual(news2021.crossChecks.articlePages, 1)
        XCTAssertEqual(news2021.crossChecks.articlePagesUndated, 0)
        let article = try XCTUnwrap(news2021.items?.first { $0.source == "article" })
        XCTAssertEqual(article.date, "2021-01-15", "the date by the title, not the header's 01/03/2021 or the update of 01/02/2021")
        XCTAssertEqual(article.title, "Hội nghị tổng kết công tác tư pháp năm 2020, triển khai nhiệm vụ năm 2021")
        // 2020: two listing entries (20/11 and 03/06) and the related post of 10/01/2020;
        // the introduction page, dated and long but linked only from the menu, is not news.
        let news2020 = wordpress(year: 2020)
        XCTAssertEqual(news2020.count, 3)
        XCTAssertEqual(news2020.undated, 0)
        XCTAssertFalse(news2020.items?.contains { $0.url.contains("gioi-thieu") } ?? true)
        XCTAssertEqual(Set(news2020.items?.compactMap(\.date) ?? []), ["2020-11-20", "2020-06-03", "2020-01-10"])
    }

    func testDotNetNukeQueryAndPathFormsAreOneArticle() throws {
        let site = "https://sgtvt.sonla.gov.vn"
        let portal = analyzer(year: 2020, host: "sgtvt.sonla.gov.vn")
        portal.consume(Fixture.page("dnn/tin-tuc.html", url: site + "/Default.aspx?tabid=57"))
        portal.consume(Fixture.page("dnn/article-1234.html",
                                    url: site + "/tabid/57/ArticleId/1234/hoi-nghi-giao-ban-cong-tac-quy-iv-nam-2020.aspx"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        // 1234 (query and path forms) and 1221 (listing and "Các tin khác"); 1180 is of 2019.
        XCTAssertEqual(news.count, 2)
        // The pager is __doPostBack only, but the list is newest first and reaches 28/12/2019: it hides older news.
        XCTAssertFalse(news.partial)
        XCTAssertEqual(news.crossChecks.scriptPagers, [site + "/Default.aspx?tabid=57"])
        let article = try XCTUnwrap(news.items?.first { $0.key.hasSuffix(":1234") })
        XCTAssertEqual(article.source, "article")
        XCTAssertEqual(article.date, "2020-12-14")
        XCTAssertEqual(article.title, "Hội nghị giao ban công tác giao thông vận tải quý IV năm 2020",
                       "the content's title, not the <title> every page shares")
    }

    func testLiferayPublishDateBlockAndASidebarCalendar() throws {
        let site = "https://stttt.sonla.gov.vn"
        let portal = analyzer(year: 2021, host: "stttt.sonla.gov.vn")
        portal.consume(Fixture.page("liferay62/tin-hoat-dong-4512.html",
                                    url: site + "/web/guest/tin-hoat-dong/-/asset_publisher/aBc1/content/trien-khai-nen-tang-hop-truc-tuyen"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 3, "the article and the two of 'Tin khác'")
        XCTAssertEqual(news.crossChecks.articlePagesUndated, 0)
        XCTAssertEqual(news.crossChecks.undatedShare, 0)
        let article = try XCTUnwrap(news.items?.first { $0.source == "article" })
        XCTAssertEqual(article.title, "Triển khai nền tảng họp trực tuyến đến cấp xã trên địa bàn tỉnh",
                       "the h3 running text follows, not the calendar's h2")
        XCTAssertEqual(article.date, "2021-04-12")
    }

    func testSharePointDateInATableCellBesideTheTitle() throws {
        let site = "https://soyte.yenbai.gov.vn"
        let portal = analyzer(year: 2021, host: "soyte.yenbai.gov.vn")
        portal.consume(Fixture.page("sharepoint/chi-tiet-tin-55.html", url: site + "/Pages/chi-tiet-tin.aspx?ItemID=55"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 3)
        let article = try XCTUnwrap(news.items?.first { $0.key.hasSuffix(":55") })
        XCTAssertEqual(article.date, "2021-04-12", "a zero-width space before the date")
        XCTAssertEqual(article.title, "Triển khai tiêm chủng mở rộng đợt 2 năm 2021 trên địa bàn tỉnh")
    }

    func testStaticSiteSlugFoldersSameTitleEverywhereAndAnHTTrackCopy() throws {
        let site = "https://sngv.sonla.gov.vn"
        let portal = analyzer(year: 2020, host: "sngv.sonla.gov.vn")
        portal.consume(Fixture.page("static/tin-tuc.html", url: site + "/tin-tuc/index.html"))
        portal.consume(Fixture.page("static/hoi-nghi-tong-ket.html", url: site + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-doi-ngoai-nam-2019/index.html"))
        portal.consume(Fixture.page("static/page4a2b.html", url: site + "/page4a2b.html"))
        portal.consume(Fixture.page("static/don-doan.html", url: site + "/tin-tuc/don-doan-cong-tac-tinh-hua-phan-lao/index.html"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        // 12/01, 03/06 (pages, NFD text) and 20/10 (listing only); the HTTrack copy is the 12/01 article.
        XCTAssertEqual(news.count, 3)
        XCTAssertEqual(news.undated, 0)
        XCTAssertEqual(news.crossChecks.articlePages, 2)
        XCTAssertEqual(Set(news.items?.compactMap(\.title) ?? []).count, 3, "titles from the content, not the shared <title>")
    }
}

/// Pages that must give a clear state and an honest count.
final class ArticleBadInputTests: XCTestCase {
    let site = "https://snv.sonla.gov.vn"

    func portal(year: Int = 2020) -> PortalAnalyzer {
        PortalAnalyzer(rules: Fixture.rules, tier: .province, year: year, portalHosts: ["snv.sonla.gov.vn"])
    }

    func input(_ html: String, _ path: String) -> PageInput {
        PageInput(url: site + path, fetchedAt: Fixture.capturedAt, document: HTMLDocument(html: html, url: site + path),
                  contentType: "text/html")
    }

    func article(title: String, dateLine: String, extra: String = "") -> String {
        """
        <html><head><title>Sở Nội vụ</title></head><body>
        <header class="site-header"><div>Hôm nay: Thứ Hai, 04/01/2021</div></header>
        <div id="content"><h1>\(title)</h1><div class="date">\(dateLine)</div>
        <p>Sáng ngày 12/3/2020, Sở Nội vụ tổ chức hội nghị triển khai công tác cải cách hành chính năm 2020 với sự tham gia của các phòng chuyên môn.</p>
        <p>Hội nghị thống nhất kế hoạch kiểm tra năm 2020 và giao nhiệm vụ cụ thể cho từng đơn vị trực thuộc Sở.</p>
        \(extra)</div>
        <footer class="footer">Sở Nội vụ tỉnh Sơn La. Cập nhật: 31/12/2020</footer></body></html>
        """
    }

    func testAPageWithTenDatesTakesTheOneByItsTitle() throws {
        let related = (1...5).map { "<li><a href=\"/tin-tuc/-/view_content/90\($0)-tin-cu\">Tin cũ số \($0) của chuyên mục tin tức</a> (0\($0)/01/2019)</li>" }
            .joined()
        let html = article(title: "Hội nghị triển khai công tác cải cách hành chính năm 2020", dateLine: "Ngày đăng: 13/03/2020 | 09:15 AM",
                           extra: "<p>Văn bản số 15 ngày 02/02/2020 và kế hoạch ngày 05/02/2020.</p><div class=\"other\"><h4>Tin khác</h4><ul>\(related)</ul></div>")
        let analyzer = portal()
        analyzer.consume(input(html, "/tin-tuc/-/view_content/1000-hoi-nghi-cai-cach-hanh-chinh"))
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        let item = try XCTUnwrap(news.items?.first { $0.key.hasSuffix(":1000") })
        XCTAssertEqual(item.date, "2020-03-13")
        XCTAssertEqual(news.count, 1, "the five related articles are of 2019")
    }

    func testAnArticleWithoutADateIsCountedUndated() {
        let analyzer = portal()
        analyzer.consume(input(article(title: "Hội nghị triển khai công tác cải cách hành chính", dateLine: "Lượt xem: 245"),
                               "/tin-tuc/-/view_content/1001-hoi-nghi"))
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 0)
        XCTAssertEqual(news.undated, 1)
        XCTAssertEqual(news.crossChecks.articlePagesUndated, 1)
        XCTAssertEqual(news.crossChecks.undatedShare, 1)
    }

    func testADateAfterTheFetchIsNotThePublicationDate() {
        let analyzer = portal(year: 2030)
        analyzer.consume(input(article(title: "Kế hoạch tổ chức hội nghị tổng kết giai đoạn 2026 - 2030", dateLine: "Ngày đăng: 20/12/2030"),
                               "/tin-tuc/-/view_content/1002-ke-hoach"))
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 0, "fetched in 2027, it cannot have been published in 2030")
        XCTAssertEqual(news.crossChecks.futureDated, 1)
        XCTAssertEqual(news.undated, 1)
    }

    func testThePortalsTodayBarAboveTheTitleIsNotTheArticlesDate() throws {
        // Fetched on 15/01/2027 (Fixture.capturedAt); the bar above the title prints that day.
        let html = """
        <html><body><div id="content"><div class="today">Thứ Sáu, 15/01/2027</div>
        <h1>Hội nghị triển khai công tác cải cách hành chính năm 2020</h1>
        <p>Sở Nội vụ tổ chức hội nghị triển khai công tác cải cách hành chính năm 2020 với sự tham gia của các phòng chuyên môn.</p>
        <p>Hội nghị thống nhất kế hoạch kiểm tra năm 2020 và giao nhiệm vụ cụ thể cho từng đơn vị trực thuộc Sở.</p>
        <div class="date">Cập nhật: 14/03/2020</div></div></body></html>
        """
        let analyzer = portal()
        analyzer.consume(input(html, "/tin-tuc/-/view_content/1003-hoi-nghi"))
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(try XCTUnwrap(news.items?.first).date, "2020-03-14", "the labelled date below the body")
        XCTAssertEqual(news.count, 1)
    }

    /// No date printed by the title: `<time datetime>` of the content, then
    /// meta tags (article:published_time, DC.date), then JSON-LD's datePublished.
    func testMachineReadableDatesWhenNoneIsPrintedByTheTitle() throws {
        func page(head: String, meta: String, number: Int) -> String {
            """
            <html><head>\(head)</head><body><div id="content"><h1>Hội nghị số \(number) triển khai công tác cải cách hành chính năm 2020</h1>
            <div class="meta">\(meta)</div>
            <p>Sở Nội vụ tổ chức hội nghị triển khai công tác cải cách hành chính năm 2020 với sự tham gia của các phòng chuyên môn.</p>
            <p>Hội nghị thống nhất kế hoạch kiểm tra năm 2020 và giao nhiệm vụ cụ thể cho từng đơn vị trực thuộc Sở.</p></div></body></html>
            """
        }
        let pages = [
            ("/tin-tuc/-/view_content/1101-a", page(head: "", meta: "<time datetime=\"2020-05-04T09:00:00+07:00\">3 ngày trước</time>", number: 1)),
            ("/tin-tuc/-/view_content/1102-b", page(head: "<meta property=\"article:published_time\" content=\"2020-06-05T10:00:00+07:00\">", meta: "Lượt xem: 12", number: 2)),
            ("/tin-tuc/-/view_content/1103-c", page(head: "<meta name=\"DC.date\" content=\"2020-07-06\">", meta: "", number: 3)),
            ("/tin-tuc/-/view_content/1104-d", page(head: "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-08-07T08:00:00+07:00\"}</script>", meta: "", number: 4)),
        ]
        let analyzer = portal()
        for (path, html) in pages { analyzer.consume(input(html, path)) }
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.items?.map(\.date), ["2020-05-04", "2020-06-05", "2020-07-06", "2020-08-07"])
        XCTAssertEqual(news.count, 4)
        XCTAssertEqual(news.crossChecks.articlePagesUndated, 0)
    }

    /// The last page of a Joomla category ("limitstart=12") lists two entries:
    /// few, but a listing's page; its undated article counts as undated
    /// beside the dated one of the same URL family.
    func testTheLastPageOfAListingLinksItsArticlesEvenWhenShort() {
        let analyzer = portal(year: 2021)
        let path = "/index.php?option=com_content&view=article&catid=9&Itemid=120&id="
        analyzer.consume(input("""
            <html><body><div id="content"><h2>Tin hoạt động</h2>
            <div class="item"><h3><a href="\(path)1493:tuyen-duong">Tuyên dương tập thể, cá nhân tiêu biểu trong phong trào thi đua</a></h3></div>
            <div class="item"><h3><a href="\(path)1494:khao-sat">Khảo sát mô hình điểm tại xã Chiềng Sinh, huyện Sốp Cộp</a></h3></div>
            </div></body></html>
            """, "/index.php?option=com_content&view=category&id=9&Itemid=120&limitstart=12"))
        analyzer.consume(input(article(title: "Tuyên dương tập thể, cá nhân tiêu biểu trong phong trào thi đua",
                                       dateLine: "Ngày đăng: Thứ Tư, 28 Tháng 4 2021 12:30"), path + "1493:tuyen-duong"))
        analyzer.consume(input(article(title: "Khảo sát mô hình điểm tại xã Chiềng Sinh, huyện Sốp Cộp", dateLine: "Chi tiết"),
                               path + "1494:khao-sat"))
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 1)
        XCTAssertEqual(news.undated, 1)
        XCTAssertEqual(news.crossChecks.articlePages, 2)
    }

    func testAThousandIdenticalArticlesUnderDifferentURLsCountOnce() {
        let analyzer = portal()
        let links = (1...1000).map { "<li><a href=\"/tin-tuc/hoi-nghi-cai-cach-hanh-chinh-nam-2020-ban-\($0)/\">Hội nghị triển khai công tác cải cách hành chính năm 2020</a> 13/03/2020</li>" }
        analyzer.consume(input("<html><body><div id=\"content\"><h1>Tin tức</h1><ul>\(links.joined())</ul></div></body></html>", "/tin-tuc/"))
        let html = article(title: "Hội nghị triển khai công tác cải cách hành chính năm 2020", dateLine: "13/03/2020")
        for number in 1...1000 { analyzer.consume(input(html, "/tin-tuc/hoi-nghi-cai-cach-hanh-chinh-nam-2020-ban-\(number)/")) }
        let news = analyzer.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 1)
        XCTAssertEqual(news.crossChecks.articlePages, 1)
        XCTAssertEqual(news.undated, 0)
    }
}
