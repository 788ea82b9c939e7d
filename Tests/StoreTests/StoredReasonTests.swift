import Foundation
import GRDB
import Report
@testable import Store
import Vocabulary
import XCTest

/// Flags and changes keep typed reasons; nights stored before that keep their worded text.
final class StoredReasonTests: StoreTestCase {
    /// A history written before typed reasons (its flags and changes carry only their
    /// Vietnamese) opens, migrates and reads back the same text; a flag that holds
    /// again takes tonight's typed reason, worded the same.
    func testAHistoryStoredAsTextReadsTheSameAfterTheMigration() throws {
        let old = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(old, upTo: "v-sessions")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO runs (id, started_at, finished_at, year, rules, state) VALUES ('night-1', ?, ?, 2020, 'nd43-2011', 'done');
                INSERT INTO agencies (run, id, name, tier, status, pages_fetched) VALUES ('night-1', 'so-noi-vu', 'Sở Nội vụ', 'province', 'ok', 10);
                INSERT INTO findings (run, agency, item, state) VALUES ('night-1', 'so-noi-vu', 'tin-tuc', 'absent');
                INSERT INTO changes (run, agency, position, kind, subject, before, after, message)
                    VALUES ('night-1', 'so-noi-vu', 0, 'itemDisappeared', 'tin-tuc', 'present', 'absent', 'Không còn mục Tin tức, sự kiện');
                INSERT INTO flags (fingerprint, agency, kind, subject, message, first_run, last_run, state)
                    VALUES (?, 'so-noi-vu', 'missing', 'tin-tuc', 'Thiếu mục Tin tức, sự kiện (cũ)', 'night-1', 'night-1', 'open');
                """, arguments: [Self.firstNight, Self.firstNight.addingTimeInterval(3_600),
                                 Flag.fingerprint(agency: "so-noi-vu", kind: .missing, subject: "tin-tuc")])
        }
        try old.close()

        let store = try Store.open(path: path)
        XCTAssertEqual(try store.changes(run: "night-1").map(\.reason), [.recorded("Không còn mục Tin tức, sự kiện")])
        XCTAssertEqual(try store.changes(run: "night-1").map { Wording.change($0.reason) }, ["Không còn mục Tin tức, sự kiện"])
        XCTAssertEqual(try store.openFlags(agency: "so-noi-vu").map { Wording.flag($0.reason) }, ["Thiếu mục Tin tức, sự kiện (cũ)"])

        // Still absent tonight: the same flag, now with a typed reason in place of the old text.
        let outcome = try store.record(night(2, [agency(items: ["tin-tuc": "absent", "van-ban": "present"], news: 37)]))
        XCTAssertEqual(outcome.newFlags, [])
        let flags = try store.openFlags(agency: "so-noi-vu")
        XCTAssertEqual(flags.map(\.reason), [.missing(item: "tin-tuc")])
        XCTAssertEqual(flags.map { Wording.flag($0.reason) }, ["Thiếu mục Tin tức, sự kiện"])
        XCTAssertEqual(flags.map(\.firstSeenRun), ["night-1"])
        try store.close()
    }

    /// What the database holds for a new night: the reason's kind slug and its typed
    /// arguments, no worded text (the wording may change without rewriting history).
    func testANewNightStoresTheKindAndTheArgumentsNotTheWords() throws {
        let store = try Store.open(path: path)
        var tonight = agency(items: ["tin-tuc": "present"], news: 37, reported: ["news": 120])
        tonight.discrepancies = [DiscrepancyFinding(criterion: "news", label: "Số tin bài", reported: 120, measured: 37, atLeast: true)]
        try store.record(night(1, [tonight]))
        try store.record(night(2, [agency(status: .blocked, items: [:])]))
        try store.close()

        let queue = try DatabaseQueue(path: path)
        let flags = try queue.read { db in try Row.fetchAll(db, sql: "SELECT kind, message, reason FROM flags ORDER BY id") }
        XCTAssertEqual(flags.map { $0["kind"] as String }, ["discrepancy"])
        XCTAssertEqual(flags.map { $0["message"] as String? }, [nil])
        XCTAssertEqual(flags.map { $0["reason"] as String }, [#"{"atLeast":true,"kind":"discrepancy","label":"Số tin bài","measured":37,"reported":120}"#])
        let changes = try queue.read { db in try String.fetchAll(db, sql: "SELECT reason FROM changes WHERE message IS NULL ORDER BY position") }
        XCTAssertEqual(changes.first, #"{"after":"blocked","before":"ok","kind":"statusChanged"}"#)
        try queue.close()
    }
}
