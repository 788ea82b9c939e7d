import XCTest
import HTML
@testable import Detect

/// An article dated only by the dateline that opens its text (MISSES.md §6).
extension NewsTests {
    private func article(_ id: Int, title: String, body: String) -> (String, String) {
        let html = """
            <html><head><title>\(title)</title></head><body><div class="menu"><a href="/index.html">Trang chủ</a>
            <a href="/tintuc.html">Tin tức</a></div><div class="content"><h2>\(title)</h2>
            <p>\(body)</p>
            <p>Các đại biểu đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ và thống nhất các giải pháp trong thời gian tới.</p></div></body></html>
            """
        return ("https://muongbam.sonla.gov.vn/tin-tuc/hoat-dong/hoi-nghi-trien-khai-nhiem-vu-\(123000 + id)", html)
    }

    private func datedBy(_ bodies: [String]) -> NewsFindings {
        let site = "https://muongbam.sonla.gov.vn"
        let pages = bodies.enumerated().map { article(100 + $0.offset, title: "Hội nghị triển khai nhiệm vụ số \($0.offset + 1) của xã", body: $0.element) }
        let listing = "<html><body><div class=\"content\"><h1>Tin tức</h1><ul>"
            + pages.map { "<li><a href=\"\($0.0)\">Hội nghị triển khai nhiệm vụ của xã</a></li>" }.joined() + "</ul></div></body></html>"
        let portal = analyzer(year: 2025, host: "muongbam.sonla.gov.vn")
        portal.consume(PageInput(url: site + "/tintuc.html", fetchedAt: Fixture.capturedAt,
                                 document: HTMLDocument(html: listing, url: site + "/tintuc.html")))
        for (url, html) in pages {
            portal.consume(PageInput(url: url, fetchedAt: Fixture.capturedAt, document: HTMLDocument(html: html, url: url), depth: 2))
        }
        return portal.finish(CrawlCoverage(complete: true)).news
    }

    func testADatelineOpeningTheBodyDatesTheArticle() throws {
        let news = datedBy(["(Mường Bám, ngày 25 tháng 10 năm 2025) - UBND xã Mường Bám tổ chức hội nghị triển khai nhiệm vụ quý IV.",
                            "Mường Bám, 03/02/2025 – Sáng nay, UBND xã tổ chức hội nghị tổng kết công tác năm 2024 và triển khai nhiệm vụ."])
        XCTAssertEqual(news.crossChecks.articlePages, 2, "\(news.crossChecks)")
        XCTAssertEqual(news.crossChecks.articlePagesUndated, 0)
        XCTAssertEqual(Set(news.items?.compactMap(\.date) ?? []), ["2025-10-25", "2025-02-03"])
        XCTAssertEqual(news.count, 2)
    }

    func testADateInsideTheTextOrOpeningASentenceIsNotADateline() throws {
        let news = datedBy(["Ngày 12/3/2025, UBND xã Mường Bám tổ chức hội nghị triển khai nhiệm vụ quý I năm 2025 - với các bản.",
                            "UBND xã Mường Bám tổ chức hội nghị triển khai kế hoạch thực hiện từ ngày 01/01/2025 - theo chỉ đạo của huyện.",
                            "Theo kế hoạch, từ ngày 01/01/2025 - các bản triển khai thực hiện chương trình nông thôn mới của xã Mường Bám."])
        XCTAssertEqual(news.crossChecks.articlePagesUndated, 3, "no place before the date, or the date deep in the text")
        XCTAssertNil(news.items?.compactMap(\.date).first)
    }
}
