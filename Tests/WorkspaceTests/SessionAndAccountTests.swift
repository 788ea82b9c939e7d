import Foundation
import Hummingbird
import Store
import XCTest
@testable import Workspace

/// Sessions kept in the history database (a restart keeps people signed in; the file holds
/// no token) and the administrators' accounts page, over the real server.
final class SessionAndAccountTests: XCTestCase {
    func testSessionsSurviveARestartAndTheDatabaseHoldsNoToken() async throws {
        let workspace = try await ServedWorkspace.make()
        let flag = try XCTUnwrap(try workspace.store.allFlags(open: true).first)
        let signed = SignedBox()
        try await workspace.serve { web in
            let user = try await web.login("an")
            await signed.set(user)
        }
        let kept = await signed.value
        let user = try XCTUnwrap(kept)
        let token = String(user.cookie.dropFirst("pa_session=".count))
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: workspace.database + suffix) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.database + suffix))
            XCTAssertNil(bytes.range(of: Data(token.utf8)), "the session token itself is never stored (\(suffix))")
        }

        let restarted = try workspace.restarted()
        try await restarted.serve { web in
            let home = try await web.get("/", as: user)
            XCTAssertEqual(home.status, .ok, "still signed in after the restart")
            XCTAssertTrue(home.text.contains("name=\"csrf\" value=\"\(user.csrf)\""), "the session's form token is kept too")
            let decided = try await web.post("/flags/\(flag.fingerprint)/decision", [("decision", "accept"), ("reason", ""), ("csrf", user.csrf)],
                                             cookie: user.cookie)
            XCTAssertEqual(decided.status, .seeOther)
            XCTAssertEqual(try restarted.store.decisions(fingerprint: flag.fingerprint).map(\.user), ["an"])

            let out = try await web.post("/logout", [("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(out.status, .seeOther)
            XCTAssertEqual(out.headers[.location], "/login")
            let after = try await web.get("/", as: user)
            XCTAssertEqual(after.status, .seeOther)
            let forgedLogout = try await web.login("binh")
            let refused = try await web.post("/logout", [("csrf", "0")], cookie: forgedLogout.cookie)
            XCTAssertEqual(refused.status, .forbidden, "logging out takes the form token too")
            let stillIn = try await web.get("/", as: forgedLogout)
            XCTAssertEqual(stillIn.status, .ok)
        }
    }

    func testSessionsLastAsLongAsThePolicySays() async throws {
        let workspace = try await ServedWorkspace.make { $0.sessionLifetime = 0 }
        try await workspace.serve { web in
            let (csrf, cookie) = try await web.loginForm()
            let answer = try await web.post("/login", [("name", "an"), ("password", ServedWorkspace.password), ("csrf", csrf)], cookie: cookie)
            XCTAssertEqual(answer.status, .seeOther)
            let session = "pa_session=" + (try XCTUnwrap(WebClient.cookie(named: "pa_session", in: answer)))
            let home = try await web.get("/", as: WebClient.Signed(cookie: session, csrf: ""))
            XCTAssertEqual(home.status, .seeOther, "an expired session signs nobody in")
            XCTAssertEqual(home.headers[.location], "/login")
        }
    }

    func testTokenDigestIsSHA256() {
        XCTAssertEqual(SessionBook.digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testOnlyAnAdminSeesAndChangesTheAccounts() async throws {
        let workspace = try await ServedWorkspace.make()
        let store = workspace.store
        try await workspace.serve { web in
            for name in ["binh", "an"] {
                let user = try await web.login(name)
                let home = try await web.get("/", as: user)
                XCTAssertFalse(home.text.contains("href=\"/users\""), name)
                let users = try await web.get("/users", as: user)
                XCTAssertEqual(users.status, .forbidden, name)
                let add = try await web.post("/users", [("action", "add"), ("name", "ke-gian"), ("role", "admin"), ("password", "mat-khau-dai"),
                                                        ("csrf", user.csrf)], cookie: user.cookie)
                XCTAssertEqual(add.status, .forbidden, name)
            }
            XCTAssertNil(try store.user(named: "ke-gian"))
            let anonymous = try await web.get("/users")
            XCTAssertEqual(anonymous.status, .seeOther, "without a session: the login form")

            let admin = try await web.login("chi")
            let adminHome = try await web.get("/", as: admin)
            XCTAssertTrue(adminHome.text.contains("href=\"/users\""))
            let page = try await web.get("/users", as: admin)
            XCTAssertEqual(page.status, .ok)
            for name in ["an", "binh", "chi"] { XCTAssertTrue(page.text.contains("data-account=\"\(name)\""), name) }
            let forged = try await web.post("/users", [("action", "remove"), ("name", "an")], cookie: admin.cookie)
            XCTAssertEqual(forged.status, .forbidden, "no form token, no change")
            XCTAssertNotNil(try store.user(named: "an"))

            func change(_ fields: [(String, String)]) async throws -> WebResponse {
                try await web.post("/users", fields + [("csrf", admin.csrf)], cookie: admin.cookie)
            }
            let added = try await change([("action", "add"), ("name", "dung"), ("role", "appraiser"), ("password", "mat-khau-cua-dung")])
            XCTAssertEqual(added.status, .seeOther)
            XCTAssertEqual(added.headers[.location], "/users")
            XCTAssertEqual(try store.user(named: "dung")?.role, .appraiser)
            let dung = try await web.login("dung", password: "mat-khau-cua-dung")
            let short = try await change([("action", "add"), ("name", "em"), ("role", "viewer"), ("password", "ngan")])
            XCTAssertEqual(short.status, .unprocessableContent)
            XCTAssertTrue(short.text.contains("ít nhất 8 ký tự"))
            let twice = try await change([("action", "add"), ("name", "dung"), ("role", "viewer"), ("password", "mat-khau-khac")])
            XCTAssertEqual(twice.status, .unprocessableContent)
            XCTAssertTrue(twice.text.contains("đã có"))
            let hostile = try await change([("action", "add"), ("name", "<b>x</b>"), ("role", "viewer"), ("password", "mat-khau-dai")])
            XCTAssertEqual(hostile.status, .unprocessableContent)
            XCTAssertFalse(hostile.text.contains("<b>x</b>"), "a refused name is shown as text")

            // A new role holds from the account's next request, in its open session too.
            let demoted = try await change([("action", "role"), ("name", "dung"), ("role", "viewer")])
            XCTAssertEqual(demoted.status, .seeOther)
            let flag = try XCTUnwrap(try store.allFlags(open: true).first)
            let decision = try await web.post("/flags/\(flag.fingerprint)/decision", [("decision", "accept"), ("reason", ""), ("csrf", dung.csrf)],
                                              cookie: dung.cookie)
            XCTAssertEqual(decision.status, .forbidden)

            // A reset password signs the account out; the new one signs in.
            let reset = try await change([("action", "password"), ("name", "dung"), ("password", "mat-khau-moi-cua-dung")])
            XCTAssertEqual(reset.status, .seeOther)
            let afterReset = try await web.get("/", as: dung)
            XCTAssertEqual(afterReset.status, .seeOther)
            _ = try await web.login("dung", password: "mat-khau-moi-cua-dung")

            let binh = try await web.login("binh")
            let removed = try await change([("action", "remove"), ("name", "binh")])
            XCTAssertEqual(removed.status, .seeOther)
            XCTAssertNil(try store.user(named: "binh"))
            let removedSession = try await web.get("/", as: binh)
            XCTAssertEqual(removedSession.status, .seeOther, "a removed account's session ends")

            let selfRemoval = try await change([("action", "remove"), ("name", "chi")])
            XCTAssertEqual(selfRemoval.status, .unprocessableContent)
            let selfDemotion = try await change([("action", "role"), ("name", "chi"), ("role", "viewer")])
            XCTAssertEqual(selfDemotion.status, .unprocessableContent)
            XCTAssertEqual(try store.user(named: "chi")?.role, .admin)
            let unknown = try await change([("action", "remove"), ("name", "khong-co")])
            XCTAssertEqual(unknown.status, .unprocessableContent)

            // Who did what, and when: the log keeps every change, newest first.
            let log = try store.accountChanges(limit: 20)
            XCTAssertEqual(log.prefix(4).map { "\($0.action.rawValue) \($0.account) \($0.role?.rawValue ?? "-") \($0.by)" },
                           ["remove binh - chi", "password dung - chi", "role dung viewer chi", "add dung appraiser chi"])
            XCTAssertEqual(Set(log.dropFirst(4).map(\.by)), [Accounts.commandLine], "the fixture's accounts came from the command line")
            let shown = try await web.get("/users", as: admin)
            XCTAssertTrue(shown.text.contains("Đổi vai trò thành chỉ xem"))
            XCTAssertFalse(shown.text.contains("data-account=\"binh\""))
        }
    }
}

/// Hands a signed-in session out of a served block.
actor SignedBox {
    private(set) var value: WebClient.Signed?
    func set(_ signed: WebClient.Signed) { value = signed }
}
