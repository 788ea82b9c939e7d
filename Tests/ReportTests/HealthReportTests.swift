import Foundation
import XCTest
@testable import Report
import Vocabulary

/// The "Tình trạng cổng" table: one row per health check in Vietnamese, page text escaped.
final class HealthReportTests: XCTestCase {
    func model() -> ReportModel {
        var model = SampleReport.model()
        model.agencies[0].health = [
            HealthRow(check: .injectedContent, label: "Nội dung bị chèn", state: .critical,
                      summary: "1 vị trí; https://sonv.sonla.gov.vn/ — «nổ hũ <b>đổi thưởng</b>» (ẩn bằng display:none)"),
            HealthRow(check: .ipv6, label: "IPv6", state: .notTested, summary: "máy kiểm tra không có đường IPv6: chưa kiểm tra"),
        ]
        return model
    }

    func testHTMLShowsEachCheckWithItsStateAndEscapesPageText() throws {
        let tree = XMLTree(HTMLReport.render(model()))
        XCTAssertNil(tree.error)
        XCTAssertTrue(tree.all("h4").contains { $0.text == "Tình trạng cổng (đo từ Internet)" })
        let rows = tree.all("tr").filter { ($0.attributes["class"] ?? "").hasPrefix("health-") }
        XCTAssertEqual(rows.map { $0.attributes["class"] ?? "" }, ["health-critical", "health-notTested"])
        XCTAssertTrue(rows[0].text.hasPrefix("Nội dung bị chènNghiêm trọng1 vị trí"), rows[0].text)
        XCTAssertTrue(rows[0].text.contains("<b>đổi thưởng</b>"), "page text stays text")
        XCTAssertEqual(tree.all("b").count, tree.all("b").filter { !$0.text.contains("đổi thưởng") }.count)
        XCTAssertTrue(rows[1].text.contains("Chưa kiểm tra"))
    }

    func testMarkdownListsTheChecksOfAgenciesWithHealth() {
        let markdown = MarkdownReport.render(model())
        XCTAssertTrue(markdown.contains("## Tình trạng cổng (đo từ Internet)\n\n### Sở Nội vụ\n- Nội dung bị chèn: **Nghiêm trọng** — "))
        XCTAssertTrue(markdown.contains("- IPv6: **Chưa kiểm tra** — máy kiểm tra không có đường IPv6: chưa kiểm tra"))
    }
}
