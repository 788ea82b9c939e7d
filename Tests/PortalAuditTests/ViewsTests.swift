import Foundation
@testable import portal_audit
import Report
@testable import Store
import XCTest

final class ViewsTests: XCTestCase {
    func testHistoryColumnsAlignWhateverTheDiacritics() throws {
        let night = Date(timeIntervalSince1970: 1_790_000_000)
        let change = Change(agency: "so-noi-vu", kind: .itemDisappeared, subject: "chi-dao-dieu-hanh.lich-cong-tac", before: "present",
                            after: "absent", reason: .itemDisappeared(item: "chi-dao-dieu-hanh.lich-cong-tac"))
        let rows = [
            AgencyHistoryRow(runID: "20261128-020000", startedAt: night.addingTimeInterval(-86_400), status: .ok, itemsPresent: 22,
                             news: 28, documents: 16, level3: 10, level4: 4, score: 78.9, changes: []),
            AgencyHistoryRow(runID: "20261129-020000", startedAt: night, status: .unreachable, itemsPresent: 0,
                             news: nil, documents: nil, level3: nil, level4: nil, score: nil, changes: [change]),
        ]
        let lines = HistoryView.render(rows).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasPrefix("Đêm kiểm tra"))
        XCTAssertTrue(lines[2].contains("kiểm tra được") && lines[2].contains("78,9"), lines[2])
        XCTAssertTrue(lines[3].contains("không truy cập được") && lines[3].hasSuffix("Không còn mục Lịch công tác"), lines[3])
        // Each column starts where its head starts: "Lượt", "Trạng thái", and the last figure ends under "Điểm".
        for head in ["Lượt", "Trạng thái"] {
            let headColumn = start(of: head, in: lines[0])
            for line in lines[2...] {
                let value = head == "Lượt" ? (line.contains("20261128") ? "20261128" : "20261129") : (line.contains("không") ? "không" : "kiểm")
                XCTAssertEqual(start(of: value, in: line), headColumn, "\(head) in \(line)")
            }
        }
        XCTAssertEqual(start(of: "78,9", in: lines[2]), start(of: "Điểm", in: lines[0]), "a figure as wide as its head sits under it")
    }

    /// Characters before `text`: what the eye sees as its column.
    private func start(of text: String, in line: String) -> Int {
        line.distance(from: line.startIndex, to: line.range(of: text)!.lowerBound)
    }

    func testFlagsListKindStateAndSince() {
        let night = Date(timeIntervalSince1970: 1_790_000_000)
        let flags = [
            Flag(fingerprint: "a", agency: "ban-dan-toc", kind: .missing, subject: "gop-y", reason: .missing(item: "gop-y"),
                 firstSeenRun: "r1", firstSeenAt: night, lastSeenRun: "r2", isOpen: true, closedRun: nil),
            Flag(fingerprint: "b", agency: "so-noi-vu", kind: .discrepancy, subject: "news", reason: .discrepancy(label: "Số tin bài", reported: 210, measured: 28, atLeast: false),
                 firstSeenRun: "r1", firstSeenAt: night, lastSeenRun: "r1", isOpen: false, closedRun: "r2"),
        ]
        let lines = FlagsView.render(flags).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[2].hasPrefix("ban-dan-toc  Thiếu mục"), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("Đang mở"), lines[2])
        XCTAssertTrue(lines[3].contains("Sai lệch số liệu") && lines[3].hasSuffix("Đã đóng"), lines[3])
        XCTAssertTrue(lines[2].contains(Wording.night(night)))
        // The stored reasons, worded as the history worded them before reasons were typed.
        XCTAssertTrue(lines[2].contains("Thiếu mục Góp ý dự thảo"), lines[2])
        XCTAssertTrue(lines[3].contains("Số tin bài báo cáo 210, đo được 28"), lines[3])
    }
}
