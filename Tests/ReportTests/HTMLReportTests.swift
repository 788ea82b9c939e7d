import Foundation
import XCTest
@testable import Report

final class HTMLReportTests: XCTestCase {
    func testFullReportIsOneWellFormedPrintableDocumentInVietnamese() throws {
        let html = HTMLReport.render(SampleReport.model())
        if let path = ProcessInfo.processInfo.environment["REPORT_SAMPLE_HTML"] {
            try html.write(toFile: path, atomically: true, encoding: .utf8) // for scripts/check-report.sh by hand
        }
        let tree = XMLTree(html)
        XCTAssertNil(tree.error, "the report must parse as XML: \(String(describing: tree.error))")
        for heading in ["Kết quả đánh giá, xếp hạng", "Tỷ lệ mức độ", "Điểm trung bình", "Danh mục thông tin bắt buộc", "Cảnh báo đang mở"] {
            XCTAssertTrue(tree.all("h2").contains { $0.text == heading } || tree.all("h4").contains { $0.text == heading }, heading)
        }
        XCTAssertEqual(tree.all("caption").map(\.text), [
            "Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp tỉnh",
            "Bảng 2. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp huyện"])
        let firstRow = try XCTUnwrap(tree.all("tr").first { $0.text.contains("Sở Nội vụ") })
        XCTAssertEqual(firstRow.text, "1Sở Nội vụ01 (95,3)02 (93,3)+1Tốt")
        XCTAssertTrue(tree.all("th").contains { $0.text == "Năm 2019" })
        let sectionLinks = tree.all("a").compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("#") }
        XCTAssertEqual(sectionLinks, ["#agency-so-noi-vu", "#agency-so-gddt"], "only agencies with a section are linked")
        XCTAssertTrue(tree.all("tr").contains { $0.text == "Mức Tốt55%35%25%8%" })
        XCTAssertTrue(tree.all("tr").contains { $0.text == "Toàn tỉnh84,0+6,0" })

        let states = tree.all("td").filter { $0.attributes["class"] == "state" }.map(\.text)
        XCTAssertEqual(Array(states.prefix(3)), ["Có", "Không có", "Chưa xác định"])
        let discrepancies = tree.all("tr").filter { $0.attributes["class"] == "discrepancy" }
        XCTAssertEqual(discrepancies.count, 1)
        XCTAssertTrue(discrepancies[0].text.hasPrefix("Số tin bài37120"))
        XCTAssertTrue(tree.all("li").contains { $0.text == "Thiếu mục Lịch công tác (Từ 14/12/2020)" })

        // Self-contained: no script, no external asset; print styles inline; charts inline.
        XCTAssertEqual(tree.all("script").count, 0)
        XCTAssertEqual(tree.all("link").count, 0)
        XCTAssertEqual(tree.all("img").count, 0)
        XCTAssertTrue(try XCTUnwrap(tree.all("style").first).text.contains("@media print"))
        XCTAssertEqual(tree.all("svg").count, 4, "two charts for each of the two agencies")
        XCTAssertEqual(tree.elements.filter { $0.attributes["src"] != nil }.count, 0)
    }

    func testMarkupFromPortalsShowsAsTextAndNeverAsElements() throws {
        let html = HTMLReport.render(SampleReport.model())
        let tree = XMLTree(html)
        XCTAssertNil(tree.error)
        XCTAssertEqual(tree.all("script").count, 0)
        XCTAssertEqual(tree.all("img").count, 0)
        let handlers = tree.elements.flatMap { $0.attributes.keys }.filter { $0.lowercased().hasPrefix("on") }
        XCTAssertEqual(handlers, [])
        for link in tree.all("a") {
            let href = try XCTUnwrap(link.attributes["href"])
            XCTAssertTrue(href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("#") || href.hasPrefix("evidence/"), href)
        }
        // The hostile texts are there, as text.
        XCTAssertTrue(tree.all("h3").contains { $0.text == SampleReport.hostileTitle })
        XCTAssertTrue(tree.all("td").contains { $0.text == SampleReport.hostileURL })
        XCTAssertTrue(tree.all("span").contains { $0.text == SampleReport.scriptURL })
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    func testEscapingCoversTextAndAttributes() {
        XCTAssertEqual(Markup.escape("<a href='x'>\"T&C\"</a>"), "&lt;a href=&#39;x&#39;&gt;&quot;T&amp;C&quot;&lt;/a&gt;")
        XCTAssertEqual(Markup.escape("Sở\u{0}Nội vụ"), "SởNội vụ", "control characters would break the document")
        XCTAssertEqual(Markup.link("https://a.gov.vn/?q=1&p=\"2\""), "<a href=\"https://a.gov.vn/?q=1&amp;p=&quot;2&quot;\" rel=\"noopener noreferrer\">https://a.gov.vn/?q=1&amp;p=&quot;2&quot;</a>")
        for unsafe in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " https://a.gov.vn/", "data:text/html,<b>", "/relative", "https:///nohost"] {
            XCTAssertFalse(Markup.link(unsafe).contains("href"), unsafe)
        }
    }

    func testNumbersAndDatesAreWrittenTheVietnameseWay() {
        XCTAssertEqual(Wording.decimal(95.3), "95,3")
        XCTAssertEqual(Wording.decimal(90), "90,0")
        XCTAssertEqual(Wording.decimal(84.25, digits: 2), "84,25")
        XCTAssertEqual(Wording.signed(6), "+6,0")
        XCTAssertEqual(Wording.signed(-2.5), "-2,5")
        XCTAssertEqual(Wording.figure(120), "120")
        XCTAssertEqual(Wording.figure(37.5), "37,5")
        XCTAssertEqual(Wording.figure(nil), "")
        XCTAssertEqual(Wording.percent(55), "55%")
        XCTAssertEqual(Wording.percent(12.5), "12,5%")
        XCTAssertEqual(Wording.time(SampleReport.night), "15/12/2020 09:00", "times in Vietnam's zone")
    }
}
