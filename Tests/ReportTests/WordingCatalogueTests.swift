import Foundation
import Report
import Vocabulary
import XCTest

final class WordingCatalogueTests: XCTestCase {
    /// The bundled catalogue words every id the files store, in the words the reports print.
    func testTheBundledCatalogueWordsEveryStoredId() {
        let words = WordingCatalogue.standard
        XCTAssertEqual(CrawlStatus.allCases.map { words.status($0).heading },
                       ["Kiểm tra được đầy đủ", "Kiểm tra được một phần", "Không truy cập được", "Bị chặn truy cập"])
        XCTAssertEqual(words.status(.ok).inline, "kiểm tra được")
        XCTAssertEqual(ItemState.allCases.map(words.itemState), ["Có", "Không có", "Chưa xác định"])
        XCTAssertEqual(words.flagKind(.injectedContent), "Nội dung bị chèn")
        XCTAssertEqual(FlagState.allCases.map(words.flagState), ["Đang mở", "Đã đóng"])
        XCTAssertEqual(DecisionKind.allCases.map(words.decision), ["Chấp nhận", "Bỏ qua", "Điều chỉnh"])
    }

    /// Each typed reason is worded as Store worded it before reasons were typed (the texts
    /// the store tests, the reports and the workspace showed), recorded text as stored.
    func testReasonsAreWordedAsTheHistoryWordedThem() {
        let words = WordingCatalogue.standard
        XCTAssertEqual([FlagReason.missing(item: "chi-dao-dieu-hanh.lich-cong-tac"), .missing(item: "muc-moi"),
                        .discrepancy(label: "Số tin bài", reported: 120, measured: 37, atLeast: false),
                        .discrepancy(label: "Số DVC mức độ 4", reported: 12.5, measured: 11, atLeast: true),
                        .stale(nights: 3), .unaudited(status: .unreachable),
                        .injectedContent(hits: 3, example: "http://x/ — «nổ hũ đổi thưởng» (ẩn bằng display:none)"),
                        .staleSection(label: "Tin tức, sự kiện", days: 138, newestDate: "15/08/2025"),
                        .recorded("Thiếu mục Văn bản")].map(words.message), [
            "Thiếu mục Lịch công tác", "Thiếu mục muc-moi",
            "Số tin bài báo cáo 120, đo được 37",
            "Số DVC mức độ 4 báo cáo 12,5, đo được ít nhất 11",
            "Không kiểm tra được cổng 3 đêm liên tiếp",
            "Cổng không truy cập được đêm nay: xếp hạng dựa trên số liệu tự báo cáo chưa được kiểm chứng",
            "NGHIÊM TRỌNG: cổng bị chèn nội dung cờ bạc/quảng cáo (3 vị trí), ví dụ: http://x/ — «nổ hũ đổi thưởng» (ẩn bằng display:none)",
            "Mục Tin tức, sự kiện không cập nhật 138 ngày (mới nhất 15/08/2025)",
            "Thiếu mục Văn bản",
        ])
        XCTAssertEqual([ChangeReason.itemDisappeared(item: "chi-dao-dieu-hanh.lich-cong-tac"), .itemAppeared(item: "van-ban"),
                        .countChanged(count: "news", before: 37, after: 52), .countChanged(count: "level4", before: 12, after: 10.5),
                        .statusChanged(before: .unreachable, after: .blocked), .recorded("Đã có mục Văn bản")].map(words.message), [
            "Không còn mục Lịch công tác", "Đã có mục Văn bản",
            "Số tin bài: 37 → 52 (+15)", "Số DVC mức độ 4: 12 → 10,5 (-1,5)",
            "Trạng thái: không truy cập được → bị chặn", "Đã có mục Văn bản",
        ])
    }

    /// A template naming an argument its reason does not have is refused at its line.
    func testAnUnknownPlaceholderIsRefusedWithFileAndLine() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Report/Resources/wording.yaml")
        let text = try String(contentsOf: shipped, encoding: .utf8)
        let line = try XCTUnwrap(text.components(separatedBy: "\n").firstIndex { $0.contains("\"Thiếu mục {label}\"") }) + 1
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("wording.yaml")
        try text.replacingOccurrences(of: "\"Thiếu mục {label}\"", with: "\"Thiếu mục {lable}\"").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try WordingCatalogue.load(shipped))
        XCTAssertThrowsError(try WordingCatalogue.load(file)) { error in
            XCTAssertTrue("\(error)".contains("wording.yaml:\(line)"), "\(error)")
            XCTAssertTrue("\(error)".contains("{lable}") && "\(error)".contains("{label}"), "\(error)")
        }
    }

    /// A catalogue that leaves an id unworded is refused where the list is, not at the first page that needs it.
    func testAMissingWordIsRefusedWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("wording.yaml")
        try """
            statuses:
              ok: {heading: A, inline: a}
              partial: {heading: B, inline: b}
              unreachable: {heading: C, inline: c}
              blocked: {heading: D, inline: d}
            itemStates: {present: Có, absent: Không có}
            flagKinds: {missing: a, discrepancy: b, stale: c, unaudited: d, injected-content: e, stale-section: f}
            flagStates: {open: a, closed: b}
            decisions: {accept: a, dismiss: b, override: c}
            """.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try WordingCatalogue.load(file)) { error in
            XCTAssertTrue("\(error)".contains("wording.yaml:6"), "\(error)")
            XCTAssertTrue("\(error)".contains("inconclusive"), "\(error)")
        }
    }
}
