import Foundation
import Report
import XCTest
@testable import Store

/// A night is all or nothing: whatever stops a run, the next one starts clean.
final class StoreInterruptionTests: StoreTestCase {
    func testRunBegunButNeverRecordedIsDiscardedByTheNextNight() throws {
        var store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["tin-tuc": "present"])]))
        try store.beginRun(id: "night-2", startedAt: night(2, []).startedAt, year: 2020, rules: "nd43-2011")
        XCTAssertEqual(try store.run(id: "night-2")?.state, .running)
        try store.close() // the process dies here

        store = try Store.open(path: path)
        XCTAssertEqual(try store.latestRun()?.id, "night-1", "an unfinished night is not history")
        XCTAssertEqual(try store.history(agency: "so-noi-vu", limit: 10).count, 1)
        // The same night can be run again from the start.
        let outcome = try store.record(night(2, [agency(items: ["tin-tuc": "absent"])]))
        XCTAssertEqual(outcome.changes.map { Wording.change($0.reason) }, ["Không còn mục Tin tức, sự kiện"])
        XCTAssertEqual(try store.run(id: "night-2")?.state, .done)
        XCTAssertTrue(try store.integrityCheck())
    }

    func testFailureHalfwayThroughANightLeavesNothing() throws {
        let store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["tin-tuc": "absent"])]))
        // The second agency entry breaks the (run, agency) key after the first was written.
        let broken = night(2, [agency(items: ["tin-tuc": "absent"]), agency(items: ["tin-tuc": "absent"])])
        XCTAssertThrowsError(try store.record(broken))
        XCTAssertNil(try store.run(id: "night-2"))
        XCTAssertEqual(try store.allFlags(), [], "the flag the broken night would have raised was rolled back")

        let outcome = try store.record(night(2, [agency(items: ["tin-tuc": "absent"])]))
        XCTAssertEqual(outcome.newFlags.map { Wording.flag($0.reason) }, ["Thiếu mục Tin tức, sự kiện"])
    }

    /// A writer killed with SIGKILL in the middle of a transaction (the sqlite3 shell,
    /// as the process that dies) leaves a WAL that SQLite recovers without its rows.
    func testProcessKilledMidTransactionLeavesNoPartialNight() throws {
        let shell = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: shell) else {
            throw XCTSkip("needs the sqlite3 shell (Debian package sqlite3)")
        }
        var store = try Store.open(path: path)
        try store.record(night(1, [agency(items: ["tin-tuc": "present"])]))
        try store.close()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let script = """
            PRAGMA foreign_keys = ON;
            BEGIN;
            INSERT INTO runs (id, started_at, year, rules, state) VALUES ('night-2', '2020-12-16 02:00:00.000', 2020, 'nd43-2011', 'running');
            INSERT INTO agencies (run, id, name, tier, status, pages_fetched) VALUES ('night-2', 'so-noi-vu', 'Sở Nội vụ', 'province', 'ok', 3);
            INSERT INTO findings (run, agency, item, state) VALUES ('night-2', 'so-noi-vu', 'tin-tuc', 'absent');
            UPDATE runs SET state = 'done' WHERE id = 'night-2';
            .print written

            """
        input.fileHandleForWriting.write(Data(script.utf8))
        var seen = ""
        while !seen.contains("written") {
            let chunk = output.fileHandleForReading.availableData
            XCTAssertFalse(chunk.isEmpty, "sqlite3 ended before writing")
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        store = try Store.open(path: path)
        XCTAssertNil(try store.run(id: "night-2"))
        XCTAssertEqual(try store.latestRun()?.id, "night-1")
        XCTAssertTrue(try store.integrityCheck())
        let outcome = try store.record(night(2, [agency(items: ["tin-tuc": "absent"])]))
        XCTAssertEqual(outcome.changes.count, 1)
    }
}
