import Foundation
import Vocabulary
import XCTest

/// The typed reasons and check states keep the words the files store.
final class ReasonCodingTests: XCTestCase {
    func testEveryFlagReasonComesBackFromItsJSON() throws {
        let reasons: [FlagReason] = [
            .missing(item: "tin-tuc"), .discrepancy(label: "Số tin bài", reported: 120, measured: 37.5, atLeast: true), .stale(nights: 3),
            .unaudited(status: .unreachable), .injectedContent(hits: 2, example: "http://x/ — «nổ hũ»"),
            .staleSection(label: "Tin tức, sự kiện", days: 138, newestDate: "15/08/2025"), .recorded("Thiếu mục Văn bản"),
        ]
        for reason in reasons {
            XCTAssertEqual(try JSONDecoder().decode(FlagReason.self, from: JSONEncoder().encode(reason)), reason)
        }
        let json = String(decoding: try JSONEncoder().encode(FlagReason.staleSection(label: "Tin", days: 3, newestDate: "01/01/2026")), as: UTF8.self)
        XCTAssertTrue(json.contains(#""kind":"stale-section""#), json)
        XCTAssertEqual(reasons.map(\.kind), [.missing, .discrepancy, .stale, .unaudited, .injectedContent, .staleSection, nil])
    }

    func testEveryChangeReasonComesBackFromItsJSON() throws {
        let reasons: [ChangeReason] = [
            .itemAppeared(item: "van-ban"), .itemDisappeared(item: "tin-tuc"), .countChanged(count: "news", before: 37, after: 52),
            .statusChanged(before: .ok, after: .blocked), .recorded("Đã có mục Văn bản"),
        ]
        for reason in reasons {
            XCTAssertEqual(try JSONDecoder().decode(ChangeReason.self, from: JSONEncoder().encode(reason)), reason)
        }
        XCTAssertEqual(reasons.map(\.kind), [.itemAppeared, .itemDisappeared, .countChanged, .statusChanged, nil])
    }

    /// A kind no version of the tool wrote is an error, not a silent default.
    func testAnUnknownKindIsRefused() {
        XCTAssertThrowsError(try JSONDecoder().decode(FlagReason.self, from: Data(#"{"kind":"missed","item":"x"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("missed"), "\(error)")
        }
        XCTAssertThrowsError(try JSONDecoder().decode(ChangeReason.self, from: Data(#"{"kind":"item-moved","item":"x"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("unknown change kind `item-moved`"), "\(error)")
        }
    }

    func testCheckStatesAreTheWordsHealthWrites() throws {
        XCTAssertEqual(CheckState.allCases.map(\.rawValue), ["ok", "warning", "critical", "inconclusive", "notTested"])
        XCTAssertEqual(try JSONDecoder().decode([CheckState].self, from: Data(#"["notTested","critical"]"#.utf8)), [.notTested, .critical])
    }
}
