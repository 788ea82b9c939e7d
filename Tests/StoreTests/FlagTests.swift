import Foundation
import Report
import XCTest
@testable import Store

final class FlagTests: StoreTestCase {
    let schedule = "chi-dao-dieu-hanh.lich-cong-tac"

    func testMissingItemIsFlaggedOnTheSecondAbsentNightAnnouncedOnceAndClosedWhenBack() throws {
        let store = try Store.open(path: path)
        var outcome = try store.record(night(1, [agency(items: [schedule: "present", "tin-tuc": "present"], news: 37)]))
        XCTAssertEqual(outcome.changes, [])

        outcome = try store.record(night(2, [agency(items: [schedule: "absent", "tin-tuc": "present"], news: 52)]))
        XCTAssertEqual(outcome.changes.map { Wording.change($0.reason) }, ["Không còn mục Lịch công tác", "Số tin bài: 37 → 52 (+15)"])
        XCTAssertEqual(outcome.newFlags, [], "one absent night is not yet a problem")

        outcome = try store.record(night(3, [agency(items: [schedule: "absent", "tin-tuc": "present"], news: 52)]))
        XCTAssertEqual(outcome.changes, [])
        XCTAssertEqual(outcome.newFlags.map { Wording.flag($0.reason) }, ["Thiếu mục Lịch công tác"])
        XCTAssertEqual(outcome.newFlags.first?.firstSeenRun, "night-3")

        outcome = try store.record(night(4, [agency(items: [schedule: "absent", "tin-tuc": "present"], news: 52)]))
        XCTAssertEqual(outcome.newFlags, [], "the same problem is not announced again")
        let open = try store.openFlags(agency: "so-noi-vu")
        XCTAssertEqual(open.count, 1)
        XCTAssertEqual(open.first?.lastSeenRun, "night-4")
        XCTAssertEqual(open.first?.firstSeenRun, "night-3")
        XCTAssertEqual(open.first?.firstSeenAt, night(3, []).startedAt)

        outcome = try store.record(night(5, [agency(items: [schedule: "present", "tin-tuc": "present"], news: 52)]))
        XCTAssertEqual(outcome.changes.map { Wording.change($0.reason) }, ["Đã có mục Lịch công tác"])
        XCTAssertEqual(outcome.closedFlags.map { Wording.flag($0.reason) }, ["Thiếu mục Lịch công tác"])
        XCTAssertEqual(outcome.closedFlags.first?.closedRun, "night-5")
        XCTAssertEqual(try store.openFlags(agency: "so-noi-vu"), [])
        XCTAssertEqual(try store.allFlags(open: false, agency: "so-noi-vu").count, 1)

        // Gone again for K nights: a new occurrence is announced, the old one stays closed.
        try store.record(night(6, [agency(items: [schedule: "absent"])]))
        outcome = try store.record(night(7, [agency(items: [schedule: "absent"])]))
        XCTAssertEqual(outcome.newFlags.map(\.firstSeenRun), ["night-7"])
        XCTAssertEqual(try store.allFlags(agency: "so-noi-vu").map(\.isOpen), [false, true])
        XCTAssertEqual(try store.newFlags(run: "night-7").count, 1)
    }

    func testInconclusiveNeverRaisesNorCountsNorResets() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: [schedule: "absent"])]))
        for number in 2...4 {
            let outcome = try store.record(night(number, [agency(items: [schedule: "inconclusive"])]))
            XCTAssertEqual(outcome.newFlags, [], "night \(number)")
            XCTAssertEqual(outcome.changes, [], "inconclusive is never a change to absent")
        }
        // Absent again: with the inconclusive nights skipped that is two absent nights in a row.
        var outcome = try store.record(night(5, [agency(items: [schedule: "absent"])]))
        XCTAssertEqual(outcome.newFlags.map(\.subject), [schedule])

        // An inconclusive night cannot say the item is back: the flag stays open, untouched.
        outcome = try store.record(night(6, [agency(items: [schedule: "inconclusive"])]))
        XCTAssertEqual(outcome.closedFlags, [])
        XCTAssertEqual(try store.openFlags(agency: "so-noi-vu").first?.lastSeenRun, "night-5")
    }

    func testUnreachablePortalIsFlaggedStaleInsteadOfItsItems() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: [schedule: "present"])]))
        for number in 2...3 {
            let outcome = try store.record(night(number, [agency(status: .unreachable, items: [schedule: "absent"])]))
            XCTAssertEqual(outcome.newFlags, [], "night \(number)")
        }
        var outcome = try store.record(night(4, [agency(status: .blocked, items: [schedule: "absent"])]))
        XCTAssertEqual(outcome.newFlags.map { Wording.flag($0.reason) }, ["Không kiểm tra được cổng 3 đêm liên tiếp"])
        XCTAssertEqual(outcome.changes.map { Wording.change($0.reason) }, ["Trạng thái: không truy cập được → bị chặn"])

        outcome = try store.record(night(5, [agency(status: .unreachable, items: [:])]))
        XCTAssertEqual(outcome.newFlags, [])
        XCTAssertEqual(try store.openFlags(agency: "so-noi-vu").map { Wording.flag($0.reason) }, ["Không kiểm tra được cổng 4 đêm liên tiếp"])

        outcome = try store.record(night(6, [agency(items: [schedule: "present"])]))
        XCTAssertEqual(outcome.closedFlags.map(\.kind), [.stale])
        XCTAssertEqual(outcome.changes.map { Wording.change($0.reason) }, ["Trạng thái: không truy cập được → kiểm tra được"],
                       "the item was present before the outage and is present now: no change")
    }

    func testDiscrepanciesScoringFoundAreFlaggedAndClosedWhenGone() throws {
        let store = try Store.open(path: path)
        func news(_ measured: Double) -> [DiscrepancyFinding] {
            [DiscrepancyFinding(criterion: "tin-bai", label: "Số tin bài", reported: 120, measured: measured, atLeast: false)]
        }
        var tonight = agency(items: [:], news: 37, reported: ["news": 120])
        tonight.discrepancies = news(37)
        var outcome = try store.record(night(1, [tonight, agency("so-y-te", items: [:], news: 38, reported: ["news": 40])]))
        XCTAssertEqual(outcome.newFlags.map { Wording.flag($0.reason) }, ["Số tin bài báo cáo 120, đo được 37"])
        XCTAssertEqual(outcome.newFlags.map(\.agency), ["so-noi-vu"])

        // Measured catches up a little: the same flag, reworded, not announced again.
        tonight = agency(items: [:], news: 60, reported: ["news": 120])
        tonight.discrepancies = news(60)
        outcome = try store.record(night(2, [tonight]))
        XCTAssertEqual(outcome.newFlags, [])
        XCTAssertEqual(try store.openFlags(agency: "so-noi-vu").map { Wording.flag($0.reason) }, ["Số tin bài báo cáo 120, đo được 60"])

        // Portal not audited tonight: cannot be judged, stays open. Scoring finds no discrepancy: closed.
        outcome = try store.record(night(3, [agency(status: .unreachable, items: [:], reported: ["news": 120])]))
        XCTAssertEqual(outcome.closedFlags, [])
        outcome = try store.record(night(4, [agency(items: [:], news: 115, reported: ["news": 120])]))
        XCTAssertEqual(outcome.closedFlags.map(\.subject), ["tin-bai"])
    }

    func testFingerprintIsStableAndDistinguishesProblems() {
        let first = Flag.fingerprint(agency: "so-noi-vu", kind: .missing, subject: "van-ban")
        XCTAssertEqual(first, Flag.fingerprint(agency: "so-noi-vu", kind: .missing, subject: "van-ban"))
        XCTAssertEqual(first.count, 16)
        XCTAssertNotEqual(first, Flag.fingerprint(agency: "so-y-te", kind: .missing, subject: "van-ban"))
        XCTAssertNotEqual(first, Flag.fingerprint(agency: "so-noi-vu", kind: .discrepancy, subject: "van-ban"))
    }
}
