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
