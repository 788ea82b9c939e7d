import Foundation
import XCTest
@testable import Report

final class LineChartTests: XCTestCase {
    func testChartIsWellFormedSVGWithAGapWhereANightHasNoValue() throws {
        let chart = LineChart(title: "Tin <b>bài</b>", xLabels: ["10/12", "11/12", "12/12", "13/12", "14/12"], series: [
            .init(name: "Tin bài", values: [30, 33, nil, 39, 42], color: "#c0392b"),
            .init(name: "Văn bản", values: [12, 13, 14, 15, 16], color: "#27ae60"),
        ])
        let tree = XMLTree(chart.svg)
        XCTAssertNil(tree.error, "\(String(describing: tree.error))")
        XCTAssertEqual(tree.elements.first?.name, "svg")
        XCTAssertEqual(tree.elements.first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(tree.all("polyline").count, 3, "news split in two by the missing night, documents in one")
        XCTAssertEqual(tree.all("circle").count, 9, "a dot for each night that has a value")
        XCTAssertEqual(tree.all("title").first?.text, "Tin <b>bài</b>")
        XCTAssertEqual(tree.all("b").count, 0)
        let yLabels = tree.all("text").filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
        XCTAssertEqual(yLabels, ["0", "10", "20", "30", "40", "50"], "round steps just above the highest value, 42")

        // Higher values are drawn higher (smaller y), inside the drawing.
        let documents = try XCTUnwrap(tree.all("polyline").last?.attributes["points"])
        let ys = documents.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        XCTAssertEqual(ys, ys.sorted(by: >))
        XCTAssertTrue(ys.allSatisfy { $0 >= 0 && $0 <= chart.height })
    }

    func testSingleNightIsADotNotALine() {
        let chart = LineChart(title: "Điểm", xLabels: ["15/12"], series: [.init(name: "Điểm", values: [95.3], color: "#000")])
        let tree = XMLTree(chart.svg)
        XCTAssertNil(tree.error)
        XCTAssertEqual(tree.all("polyline").count, 0)
        XCTAssertEqual(tree.all("circle").count, 1)
    }
}

final class ExportTests: XCTestCase {
    func testCSVHasBOMCRLFAndQuotesWhatNeedsIt() throws {
        let data = CSVReport.table([["Tên cơ quan", "Ghi chú"], ["Sở Văn hóa, Thể thao và Du lịch", "nói \"có\"\nhai dòng"], ["=HYPERLINK(\"x\")", "-2"]])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, "Tên cơ quan,Ghi chú\r\n\"Sở Văn hóa, Thể thao và Du lịch\",\"nói \"\"có\"\"\nhai dòng\"\r\n\"'=HYPERLINK(\"\"x\"\")\",-2\r\n")
    }

    func testRankingCSVHasVietnameseHeadsAndDecisionFigures() throws {
        let data = CSVReport.rankings(SampleReport.model())
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "Khối,STT,Mã,Tên cơ quan,Năm 2020,Năm 2019,So sánh,Điểm,Mức độ")
        XCTAssertEqual(lines[1], "province,1,so-noi-vu,Sở Nội vụ,\"01 (95,3)\",\"02 (93,3)\",+1,\"95,3\",Tốt")
        XCTAssertEqual(lines[2], "province,2,so-tttt,Sở Thông tin và Truyền thông,\"01 (95,3)\",\"01 (93,9)\",=,\"95,3\",Tốt")
        XCTAssertEqual(lines.count, 1 + 6 + 1, "a head, six agencies, and the empty string after the last CRLF")
        let checklist = String(decoding: CSVReport.checklist(SampleReport.model()).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(checklist.contains("Sở Nội vụ,chi-dao-dieu-hanh.lich-cong-tac,Lịch công tác,Không có,,15/12/2020 09:00,\r\n"))
        let figures = String(decoding: CSVReport.figures(SampleReport.model()).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(figures.contains("Sở Nội vụ,Số tin bài,37,120,Có,https://sonv.sonla.gov.vn/tin-tuc?page=1 https://sonv.sonla.gov.vn/tin-tuc?page=2\r\n"))
    }

    func testJSONRoundTripsTheModel() throws {
        let model = SampleReport.model()
        let data = try JSONReport.encode(model)
        XCTAssertEqual(try JSONReport.decode(data), model)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"startedAt\" : \"2020-12-15T02:00:00Z\""))
    }

    func testMarkdownHasTheDecisionTablesAndEscapesPortalText() {
        let markdown = MarkdownReport.render(SampleReport.model())
        XCTAssertTrue(markdown.contains("| STT | Tên cơ quan | Năm 2020 | Năm 2019 | So sánh | Mức độ |\n|---|---|---|---|---|---|\n| 1 | Sở Nội vụ | 01 (95,3) | 02 (93,3) | +1 | Tốt |"))
        XCTAssertTrue(markdown.contains("*Bảng 2. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp huyện*"))
        XCTAssertTrue(markdown.contains("| Mức Tốt | 55% | 35% | 25% | 8% |"))
        XCTAssertTrue(markdown.contains("| Toàn tỉnh | 84,0 | +6,0 |"))
        XCTAssertTrue(markdown.contains("- Thiếu mục Lịch công tác (Từ 14/12/2020)"))
        XCTAssertTrue(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        XCTAssertFalse(markdown.contains("<script>"))
    }
}
