import Foundation
import Report
@testable import Store
import Vocabulary
import XCTest

final class StoreHistoryTests: StoreTestCase {
    func testFreshFileIsMigratedInWALModeAndPassesIntegrityCheck() throws {
        let store = try Store.open(path: path)
        XCTAssertEqual(try store.journalMode(), "wal")
        XCTAssertTrue(try store.integrityCheck())
        XCTAssertNil(try store.latestRun())
        try store.record(night(1, [agency(items: ["tin-tuc": "present"], news: 5)]))
        try store.close()

        // Opening again runs no migration twice and keeps the data.
        let reopened = try Store.open(path: path)
        XCTAssertEqual(try reopened.latestRun()?.id, "night-1")
        XCTAssertTrue(try reopened.integrityCheck())
    }

    func testNightReadsBackWholeWithValidatorsForConditionalRequests() throws {
        let store = try Store.open(path: path)
        let captured = Self.firstNight.addingTimeInterval(120)
        var agency = agency(items: [:], news: 37, reported: ["news": 120])
        agency.items = [ItemFinding(item: "van-ban", state: .present, url: "https://sonv.sonla.gov.vn/van-ban",
                                    evidence: "Văn bản pháp quy", capturedAt: captured, warcRecord: "urn:uuid:1")]
        agency.counts.merge(["documents": 12, "level3": 4, "level4": 2]) { _, new in new }; agency.score = 95.3
        agency.pages = [
            PageRecord(url: "https://sonv.sonla.gov.vn/", status: 200, contentHash: "abc", capturedAt: captured,
                       warcFile: "night-1.warc.gz", warcOffset: 1024, etag: "\"v1\"", lastModified: "Tue, 15 Dec 2020 01:00:00 GMT"),
            PageRecord(url: "https://sonv.sonla.gov.vn/tin", status: 200, contentHash: "def", capturedAt: captured),
        ]
        let recorded = night(1, [agency])
        try store.record(recorded)

        XCTAssertEqual(try store.night(id: "night-1"), recorded)
        XCTAssertEqual(try store.validators(agency: "so-noi-vu"),
                       ["https://sonv.sonla.gov.vn/": HTTPValidators(etag: "\"v1\"", lastModified: "Tue, 15 Dec 2020 01:00:00 GMT")])

        // A later night's validators replace the earlier ones for the same URL.
        agency.pages[0].etag = "\"v2\""
        try store.record(night(2, [agency]))
        XCTAssertEqual(try store.validators(agency: "so-noi-vu")["https://sonv.sonla.gov.vn/"]?.etag, "\"v2\"")
        XCTAssertEqual(try store.previousNight(before: "night-2")?.id, "night-1")
        XCTAssertNil(try store.previousNight(before: "night-1"))
    }

    func testHistoryListsNightsOldestFirstWithCountsAndChanges() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["tin-tuc": "present", "van-ban": "present"], news: 37)]))
        try store.record(night(2, [agency(items: ["tin-tuc": "present", "van-ban": "absent"], news: 52)]))
        try store.record(night(3, [agency(items: ["tin-tuc": "present", "van-ban": "present"], news: 52)]))

        let rows = try store.history(agency: "so-noi-vu", limit: 2)
        XCTAssertEqual(rows.map(\.runID), ["night-2", "night-3"])
        XCTAssertEqual(rows.map(\.itemsPresent), [1, 2])
        XCTAssertEqual(rows.map(\.news), [52, 52])
        XCTAssertEqual(rows[0].changes.map { Wording.change($0.reason) }, ["Không còn mục Văn bản", "Số tin bài: 37 → 52 (+15)"])
        XCTAssertEqual(rows[1].changes.map { Wording.change($0.reason) }, ["Đã có mục Văn bản"])
    }

    func testAnItemIsComparedWithItsLastConclusiveNight() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["van-ban": "present"])]))
        XCTAssertEqual(try store.record(night(2, [agency(items: ["van-ban": "inconclusive"])])).changes, [])
        XCTAssertEqual(try store.record(night(3, [agency(items: ["van-ban": "absent"])])).changes.map(\.kind), [.itemDisappeared])
        XCTAssertEqual(try store.record(night(4, [agency(items: ["van-ban": "absent"])])).changes, [])
    }

    func testRecordingTheSameNightTwiceIsRefused() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["tin-tuc": "present"])]))
        XCTAssertThrowsError(try store.record(night(1, [agency(items: ["tin-tuc": "absent"])]))) { error in
            XCTAssertEqual(error as? StoreError, .runAlreadyRecorded("night-1"))
        }
        XCTAssertEqual(try store.night(id: "night-1")?.agencies.first?.items.first?.state, .present)
    }

    func testPolicyErrorNamesFileAndLine() throws {
        let text = "missingAfterNights: 2\nstaleAfterNights: zero\n"
        XCTAssertThrowsError(try FlagPolicy.parse(text, file: "flag-policy.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("flag-policy.yaml:2:"), "\(error)")
        }
    }
}
