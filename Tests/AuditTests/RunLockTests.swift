@testable import Audit
import Foundation
import TestSupport
import XCTest

final class RunLockTests: XCTestCase {
    func testASecondLockIsRefusedAtOnceUntilTheFirstIsReleased() throws {
        let folder = makeTemporaryFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal-audit.sqlite.lock").path
        let first = try RunLock(path: path)
        let started = Date()
        XCTAssertThrowsError(try RunLock(path: path)) { error in
            guard case AuditError.cannotRun(let message)? = error as? AuditError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains(path) && message.contains("another audit holds the lock"), message)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the refusal does not wait for the lock")
        first.release()
        XCTAssertNoThrow(try RunLock(path: path).release())
    }

    func testALockInAMissingFolderCannotRun() {
        XCTAssertThrowsError(try RunLock(path: "/nonexistent-folder-\(UUID().uuidString)/db.lock")) { error in
            guard case AuditError.cannotRun? = error as? AuditError else { return XCTFail("\(error)") }
        }
    }
}
