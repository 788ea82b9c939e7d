import Foundation
import Store
import TestSupport
import XCTest

/// `portal-audit user`: the history's and the workspace's refusals reach the one place
/// that turns errors into exit codes, as bad input (2) with their own words.
final class AccountCommandTests: XCTestCase {
    func testRemovingAnAccountThatDoesNotExistIsBadInput() throws {
        let folder = makeTemporaryFolder("accounts")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal-audit.sqlite").path
        try Store.open(path: path).close()

        let result = try runPortalAudit(["user", "remove", "khong-co", "--db", path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, "portal-audit: không có tài khoản khong-co (no such account)\n")
        XCTAssertEqual(result.stdout, "")
    }
}
