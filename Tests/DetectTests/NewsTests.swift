import XCTest
import HTML
@testable import Detect

final class NewsTests: XCTestCase {
    func analyzer(year: Int, host: String) -> PortalAnalyzer {
        PortalAnalyzer(rules: Fixture.rules, tier: .province, year: year, portalHosts: [host])
    }

    func testLiferayUnsortedListingWithScriptPager() throws {
        let site = "https://snv.sonla.gov.vn"
        let portal = analyzer(year: 2022, host: "snv.sonla.gov.vn")
        portal.consume(Fixture.page("liferay/tin-tuc.html", url: site + "/web/guest/tin-tuc-su-kien"))
        portal.consume(Fixture.page("liferay/article-4101.html",
                                    url: site + "/tin-tuc-su-kien/-/view_content/4101-hoi-nghi-tong-ket-cong-tac-nam-2022"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        // 27/07, 11/07, 02/07 and 07/05/2022 are in the year; 29/12/2021 and the sidebar's 2019 item are not.
        XCTAssertEqual(news.count, 4)
        XCTAssertEqual(news.undated, 0)
        XCTAssertTrue(news.partial, "the pager is javascript-only")
        XCTAssertEqual(news.crossChecks.scriptPagers, [site + "/web/guest/tin-tuc-su-kien"])
        XCTAssertEqual(news.crossChecks.listingTotal, 1442)
        XCTAssertEqual(news.crossChecks.articlePages, 1)
        let article = try XCTUnwrap(news.items?.first { $0.key.hasSuffix(":4101") })
        XCTAssertEqual(article.date, "2022-07-27")
        XCTAssertEqual(article.source, "article")
    }

    func testArticlePageDateIsTheOneNextToItsTitle() throws {
        let portal = analyzer(year: 2022, host: "snv.sonla.gov.vn")
        portal.consume(Fixture.page("liferay/article-4101.html",
                                    url: "https://snv.sonla.gov.vn/tin-tuc-su-kien/-/view_content/4101-hoi-nghi"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 1, "the sidebar's 01/01/2019 is not the article's date")
        XCTAssertEqual(news.method, "articles")
    }

    func testSlugPlusIdDuplicatesAcrossCategoriesAndTrackingParameters() throws {
        let site = "https://thuanchau.sonla.gov.vn"
        let portal = analyzer(year: 2025, host: "thuanchau.sonla.gov.vn")
        portal.consume(Fixture.page("slug-id/home.html", url: site + "/"))
        portal.consume(Fixture.page("slug-id/tin-trong-huyen.html", url: site + "/tin-tuc/tin-trong-huyen"))
        portal.consume(Fixture.page("slug-id/kinh-te.html", url: site + "/tin-tuc/kinh-te"))
        portal.consume(Fixture.page("slug-id/article-123456.html",
                                    url: site + "/tin-tuc/kinh-te/hoi-nghi-trien-khai-nhiem-vu-nam-2025-123456?utm_source=fb"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        // 123456 (three listings, two categories, tracking parameters, its page), 1234567, 123401, 123420, 123410.
        XCTAssertEqual(news.count, 5)
        XCTAssertEqual(news.undated, 1)
        XCTAssertFalse(news.partial)
        let keys = Set(news.items?.map(\.key) ?? [])
        XCTAssertTrue(keys.contains("slug-plus-id:thuanchau.sonla.gov.vn:123456"))
        XCTAssertFalse(keys.contains("slug-plus-id:thuanchau.sonla.gov.vn:123300"), "2024 item is not listed")
    }

    func testListCappedByTheRulesWhileEveryArticleIsCounted() throws {
        var rules = Fixture.rules
        rules.news.maxListedItems = 2
        let site = "https://thuanchau.sonla.gov.vn"
        let portal = PortalAnalyzer(rules: rules, tier: .province, year: 2025, portalHosts: ["thuanchau.sonla.gov.vn"])
        portal.consume(Fixture.page("slug-id/home.html", url: site + "/"))
        portal.consume(Fixture.page("slug-id/tin-trong-huyen.html", url: site + "/tin-tuc/tin-trong-huyen"))
        portal.consume(Fixture.page("slug-id/kinh-te.html", url: site + "/tin-tuc/kinh-te"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        let whole = analyzer(year: 2025, host: "thuanchau.sonla.gov.vn")
        for (path, url) in [("slug-id/home.html", site + "/"), ("slug-id/tin-trong-huyen.html", site + "/tin-tuc/tin-trong-huyen"),
                            ("slug-id/kinh-te.html", site + "/tin-tuc/kinh-te")] {
            whole.consume(Fixture.page(path, url: url))
        }
        let uncapped = whole.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, uncapped.count)
        XCTAssertEqual(news.undated, uncapped.undated)
        let listedCount = try XCTUnwrap(news.items?.count)
        XCTAssertLessThanOrEqual(listedCount, 2)
        XCTAssertEqual(listedCount + (news.itemsNotListed ?? 0), (uncapped.items?.count ?? 0))
        XCTAssertGreaterThan(news.itemsNotListed ?? 0, 0)
        XCTAssertNil(uncapped.itemsNotListed)
    }

    func testSharePointItemIDsAndVietnameseAMPM() {
        let portal = analyzer(year: 2013, host: "soyte.yenbai.gov.vn")
        portal.consume(Fixture.page("sharepoint/tin-tuc.aspx.html", url: "https://soyte.yenbai.gov.vn/Pages/tin-tuc.aspx"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        XCTAssertEqual(news.count, 3)
        XCTAssertEqual(news.method, "listing")
        // A __doPostBack pager, under a list newest first that reaches 28/12/2012: what it hides is older.
        XCTAssertFalse(news.partial)
        XCTAssertEqual(news.crossChecks.scriptPagers, ["https://soyte.yenbai.gov.vn/Pages/tin-tuc.aspx"])
        XCTAssertEqual(Set(news.items?.compactMap(\.date) ?? []), ["2013-10-01", "2013-09-25", "2013-09-20"])
    }

    func testNukeVietTwoCategoriesAndRSSCrossCheck() {
        let site = "https://bdt.sonla.gov.vn"
        let portal = analyzer(year: 2018, host: "bdt.sonla.gov.vn")
        portal.consume(Fixture.page("nukeviet/home.html", url: site + "/vi/"))
        portal.consume(Fixture.page("nukeviet/tin-tuc.html", url: site + "/vi/news/tin-tuc/"))
        portal.consume(Fixture.xml("nukeviet/rss.xml", url: site + "/vi/news/rss/"))
        let news = portal.finish(CrawlCoverage(complete: true)).news
        // 301 (two categories), 299, 280 from the listing; 245 and 246 from the home-page block.
        XCTAssertEqual(news.count, 5)
        XCTAssertEqual(news.crossChecks.rssInYear, 3)
        XCTAssertFalse(news.partial)
    }

    func testFeedOnlyAndIncompleteCrawl() {
        let portal = analyzer(year: 2018, host: "bdt.sonla.gov.vn")
        portal.consume(Fixture.xml("nukeviet/rss.xml", url: "https://bdt.sonla.gov.vn/vi/news/rss/"))
        let news = portal.finish(CrawlCoverage(complete: false, stoppedEarlyReason: "budget")).news
        XCTAssertEqual(news.method, "rss")
        XCTAssertEqual(news.count, 3)
        XCTAssertTrue(news.partial)
    }

    func testArticlesOfOtherSitesAreNotCounted() {
        let html = """
        <html><body><div class="content"><ul>
        <li>02/03/2025 <a href="/tin-tuc/hoat-dong/hop-ban-chi-dao-123001">Họp ban chỉ đạo</a></li>
        <li>03/03/2025 <a href="/tin-tuc/hoat-dong/kiem-tra-du-an-123002">Kiểm tra dự án</a></li>
        <li>04/03/2025 <a href="/tin-tuc/hoat-dong/tiep-cong-dan-123003">Tiếp công dân</a></li>
        </ul><div class="sidebar"><ul>
        <li>05/03/2025 <a href="https://baochinhphu.vn/thoi-su/thu-tuong-lam-viec-1023456.htm">Thủ tướng làm việc</a></li>
        </ul></div></div></body></html>
        """
        let portal = analyzer(year: 2025, host: "maison.sonla.gov.vn")
        portal.consume(PageInput(url: "https://maison.sonla.gov.vn/tin-tuc/hoat-dong",
                                 document: HTMLDocument(html: html, url: "https://maison.sonla.gov.vn/tin-tuc/hoat-dong")))
        XCTAssertEqual(portal.finish(CrawlCoverage(complete: true)).news.count, 3)
    }

    func testPaginationLinks() {
        let site = "https://thuanchau.sonla.gov.vn"
        let listing = HTMLDocument(html: Fixture.text("slug-id/tin-trong-huyen.html"), url: site + "/tin-tuc/tin-trong-huyen")
        XCTAssertEqual(PortalAnalyzer.paginationLinks(in: listing, rules: Fixture.rules), [site + "/tin-tuc/tin-trong-huyen?page=2"])
        let nukeviet = HTMLDocument(html: Fixture.text("nukeviet/tin-tuc.html"), url: "https://bdt.sonla.gov.vn/vi/news/tin-tuc/")
        XCTAssertEqual(PortalAnalyzer.paginationLinks(in: nukeviet, rules: Fixture.rules),
                       ["https://bdt.sonla.gov.vn/vi/news/tin-tuc/page-2/"])
        let scripted = HTMLDocument(html: Fixture.text("liferay/tin-tuc.html"), url: "https://snv.sonla.gov.vn/web/guest/tin-tuc")
        XCTAssertEqual(PortalAnalyzer.paginationLinks(in: scripted, rules: Fixture.rules), [])
    }
}
