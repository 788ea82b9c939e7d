import XCTest
import HTML
@testable import Detect

/// A pager the crawl cannot follow makes the news count partial only when
/// what it hides may still be of the audit year (MISSES.md §5).
extension NewsTests {
    private func scriptPagedListing(_ dates: [String]) -> NewsFindings {
        let entries = dates.enumerated().map { index, date in
            "<tr><td><a href=\"/tin-tuc/thong-bao/thong-bao-cong-tac-chuyen-mon-\(123001 + index)\">Thông báo số \(index + 1) về công tác chuyên môn</a></td><td>\(date)</td></tr>"
        }.joined()
        let html = """
            <html><body><div class="content"><h1>Thông báo</h1><table>\(entries)</table>
            <a href="javascript:__doPostBack('ctl00$PlaceHolderMain$grvTin','Page$2')">Xem tiếp</a></div></body></html>
            """
        let url = "https://snnmt.sonla.gov.vn/Pages/thong-bao.aspx"
        let portal = analyzer(year: 2025, host: "snnmt.sonla.gov.vn")
        portal.consume(PageInput(url: url, document: HTMLDocument(html: html, url: url)))
        return portal.finish(CrawlCoverage(complete: true)).news
    }

    func testAScriptPagerBelowAListReachingTheYearBeforeHidesNothingOfTheYear() {
        let news = scriptPagedListing(["15-12-2025", "03-06-2025", "20-02-2025", "24-12-2024", "11-11-2024"])
        XCTAssertEqual(news.count, 3)
        XCTAssertFalse(news.partial, "newest first and already in 2024: the next page is older")
        XCTAssertEqual(news.crossChecks.scriptPagers, ["https://snnmt.sonla.gov.vn/Pages/thong-bao.aspx"], "still shown to the appraiser")
    }

    func testAScriptPagerBelowAListStillInsideTheYearMakesItPartial() {
        let inside = scriptPagedListing(["15-12-2025", "03-06-2025", "20-02-2025"])
        XCTAssertTrue(inside.partial, "the next page may hold January 2025")
        let unordered = scriptPagedListing(["24-12-2024", "15-12-2025", "03-06-2025"])
        XCTAssertTrue(unordered.partial, "a list not newest first says nothing of what the pager hides")
    }
}
