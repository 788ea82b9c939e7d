import Audit
import Foundation
import Hummingbird
import Report
import Store
import Workspace
import XCTest

/// Every route of the workspace, over the real server on an ephemeral port and a history
/// made by two real nights of `audit`.
final class WorkspaceRouteTests: XCTestCase {
    func testLoginContractSessionsAndSecurityHeaders() async throws {
        let workspace = try await ServedWorkspace.make()
        try await workspace.serve { web in
            let health = try await web.get("/healthz")
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.text, "ok")
            for path in ["/", "/flags", "/nights/\(workspace.history.nights[0])", "/agencies/so-noi-vu", "/evidence/x/y?url=http://a/"] {
                let answer = try await web.get(path)
                XCTAssertEqual(answer.status, .seeOther, path)
                XCTAssertEqual(answer.headers[.location], "/login", path)
            }

            let (csrf, loginCookie) = try await web.loginForm()
            let wrong = try await web.post("/login", [("name", "an"), ("password", "sai-mat-khau"), ("csrf", csrf)], cookie: loginCookie)
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertNil(WebClient.cookie(named: "pa_session", in: wrong))
            XCTAssertTrue(wrong.text.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            let unknown = try await web.post("/login", [("name", "khong-co"), ("password", ServedWorkspace.password), ("csrf", csrf)], cookie: loginCookie)
            XCTAssertEqual(unknown.status, .unauthorized)

            let (csrf2, cookie2) = try await web.loginForm()
            let answer = try await web.post("/login", [("name", "an"), ("password", ServedWorkspace.password), ("csrf", csrf2)], cookie: cookie2)
            XCTAssertEqual(answer.status, .seeOther)
            XCTAssertEqual(answer.headers[.location], "/")
            let setCookie = try XCTUnwrap(answer.headers[values: .setCookie].first { $0.hasPrefix("pa_session=") })
            XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
            XCTAssertTrue(setCookie.contains("SameSite=Strict"), setCookie)
            XCTAssertTrue(setCookie.contains("Path=/"), setCookie)

            let user = try await web.login("an")
            let home = try await web.get("/", as: user)
            XCTAssertEqual(home.status, .ok)
            for header: HTTPFields.Element.Name in [.contentSecurityPolicy, .xContentTypeOptions, .xFrameOptions, .referrerPolicy] {
                XCTAssertNotNil(home.headers[header], "\(header)")
            }
            XCTAssertTrue(home.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            XCTAssertFalse(home.text.contains("<script"), "the workspace itself runs no script")
            for night in workspace.history.nights { XCTAssertTrue(home.text.contains("/nights/\(night)"), night) }

            // Logging out ends the session on the server, not only in the browser.
            let out = try await web.post("/logout", [("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(out.status, .seeOther)
            let after = try await web.get("/", as: user)
            XCTAssertEqual(after.status, .seeOther)
        }
    }

    func testNightAgencyAndFlagPages() async throws {
        let workspace = try await ServedWorkspace.make()
        let store = workspace.store
        let night = workspace.history.nights[1]
        try await workspace.serve { web in
            let user = try await web.login("binh")
            let nightPage = try await web.get("/nights/\(night)", as: user)
            XCTAssertEqual(nightPage.status, .ok)
            XCTAssertTrue(nightPage.text.contains("Bảng 1"), "the scored night shows the decision's tables")
            XCTAssertTrue(nightPage.text.contains("/agencies/so-noi-vu?run=\(night)"))
            let model = try ReportFiles.loadModel(from: workspace.history.runs.appendingPathComponent(night))
            for row in model.rankings.flatMap(\.rows) { XCTAssertTrue(nightPage.text.contains(row.rankText), row.rankText) }

            let agency = try await web.get("/agencies/so-noi-vu?run=\(night)", as: user)
            XCTAssertEqual(agency.status, .ok)
            let recorded = try XCTUnwrap(try store.agencyNight(run: night, agency: "so-noi-vu"))
            for item in recorded.items { XCTAssertTrue(agency.text.contains(Wording.itemLabel(item.item)), item.item) }
            XCTAssertTrue(agency.text.contains("/evidence/\(night)/so-noi-vu?url="))
            XCTAssertTrue(agency.text.contains("Lịch sử các đêm"))

            let queue = try await web.get("/flags", as: user)
            XCTAssertEqual(queue.status, .ok)
            let open = try store.allFlags(open: true)
            XCTAssertFalse(open.isEmpty, "two nights raise flags for the items absent from the start")
            for flag in open {
                XCTAssertTrue(queue.text.contains("data-fingerprint=\"\(flag.fingerprint)\""), Wording.flag(flag.reason))
                // The queue words the stored reason as the catalogue does: "Thiếu mục …".
                XCTAssertTrue(queue.text.contains(Wording.flag(flag.reason)), Wording.flag(flag.reason))
            }
            let filtered = try await web.get("/flags?agency=ban-dan-toc&kind=missing&state=open", as: user)
            for flag in open {
                XCTAssertEqual(filtered.text.contains("data-fingerprint=\"\(flag.fingerprint)\""), flag.agency == "ban-dan-toc" && flag.kind == .missing)
            }
            let flagPage = try await web.get("/flags/\(open[0].fingerprint)", as: user)
            XCTAssertEqual(flagPage.status, .ok)
            XCTAssertTrue(flagPage.text.contains("Tài khoản chỉ xem"), "a viewer sees no decision form")
            // The workspace's own markup is never escaped into text (only values are).
            for page in [nightPage, agency, queue, filtered, flagPage] {
                for tag in ["p", "ul", "li", "strong", "td", "tr", "table"] { XCTAssertFalse(page.text.contains("&lt;\(tag)"), tag) }
            }

            for path in ["/nights/20000101-000000", "/agencies/khong-co", "/flags/0000000000000000", "/khong-co-trang"] {
                let missing = try await web.get(path, as: user)
                XCTAssertEqual(missing.status, .notFound, path)
                XCTAssertTrue(missing.text.contains("Không"), path)
                XCTAssertNotNil(missing.headers[.contentSecurityPolicy], path)
            }
        }
    }

    func testDismissingAFlagRecordsItAndTakesItOutOfTheQueue() async throws {
        let workspace = try await ServedWorkspace.make()
        let store = workspace.store
        let flag = try XCTUnwrap(try store.allFlags(open: true).first)
        try await workspace.serve { web in
            let user = try await web.login("an")
            let form = try await web.get("/flags/\(flag.fingerprint)", as: user)
            XCTAssertTrue(form.text.contains("action=\"/flags/\(flag.fingerprint)/decision\""))
            XCTAssertTrue(form.text.contains("name=\"csrf\" value=\"\(user.csrf)\""))

            let noReason = try await web.post("/flags/\(flag.fingerprint)/decision", [("decision", "dismiss"), ("reason", " "), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertTrue(noReason.text.contains("cần ghi lý do"))
            XCTAssertNil(try store.flag(fingerprint: flag.fingerprint)?.decision)

            let reason = "Cơ quan đã chứng minh bằng văn bản <b>số 12</b>"
            let answer = try await web.post("/flags/\(flag.fingerprint)/decision", [("decision", "dismiss"), ("reason", reason), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(answer.status, .seeOther)
            let decided = try XCTUnwrap(try store.flag(fingerprint: flag.fingerprint)?.decision)
            XCTAssertEqual(decided.kind, .dismiss)
            XCTAssertEqual(decided.reason, reason)
            XCTAssertEqual(decided.user, "an")

            let page = try await web.get("/flags/\(flag.fingerprint)", as: user)
            XCTAssertTrue(page.text.contains("<li>Bỏ qua — Cơ quan đã chứng minh bằng văn bản &lt;b&gt;số 12&lt;/b&gt; (an,"), page.text)
            let queue = try await web.get("/flags", as: user)
            XCTAssertFalse(queue.text.contains("data-fingerprint=\"\(flag.fingerprint)\""), "a dismissed flag leaves the queue")
            let dismissed = try await web.get("/flags?state=dismissed", as: user)
            XCTAssertTrue(dismissed.text.contains("data-fingerprint=\"\(flag.fingerprint)\""))
            XCTAssertTrue(dismissed.text.contains("Cơ quan đã chứng minh bằng văn bản &lt;b&gt;số 12&lt;/b&gt;"))
            let stored = try XCTUnwrap(try store.allFlags().first { $0.fingerprint == flag.fingerprint }?.decision)
            XCTAssertTrue(Wording.decision(stored.kind, reason: stored.reason, criterion: stored.criterion, value: stored.value,
                                           user: stored.user, at: stored.decidedAt).hasPrefix("Bỏ qua — \(reason) (an,"))

            // A newer decision supersedes; the earlier one stays in the record.
            let accept = try await web.post("/flags/\(flag.fingerprint)/decision", [("decision", "accept"), ("reason", ""), ("csrf", user.csrf)], cookie: user.cookie)
            XCTAssertEqual(accept.status, .seeOther)
            XCTAssertEqual(try store.decisions(fingerprint: flag.fingerprint).map(\.kind), [.dismiss, .accept])
            XCTAssertEqual(try store.flag(fingerprint: flag.fingerprint)?.decision?.kind, .accept)
            let back = try await web.get("/flags", as: user)
            XCTAssertTrue(back.text.contains("data-fingerprint=\"\(flag.fingerprint)\""))
        }
    }

    func testViewerCannotDecideAndForgedFormsAreRefused() async throws {
        let workspace = try await ServedWorkspace.make()
        let store = workspace.store
        let flag = try XCTUnwrap(try store.allFlags(open: true).first)
        let path = "/flags/\(flag.fingerprint)/decision"
        try await workspace.serve { web in
            let viewer = try await web.login("binh")
            let refused = try await web.post(path, [("decision", "dismiss"), ("reason", "thử"), ("csrf", viewer.csrf)], cookie: viewer.cookie)
            XCTAssertEqual(refused.status, .forbidden)

            let appraiser = try await web.login("an")
            let missing = try await web.post(path, [("decision", "dismiss"), ("reason", "thử")], cookie: appraiser.cookie)
            XCTAssertEqual(missing.status, .forbidden)
            let wrong = try await web.post(path, [("decision", "dismiss"), ("reason", "thử"), ("csrf", viewer.csrf)], cookie: appraiser.cookie)
            XCTAssertEqual(wrong.status, .forbidden, "another session's token is not this session's")
            let noSession = try await web.post(path, [("decision", "dismiss"), ("reason", "thử"), ("csrf", appraiser.csrf)])
            XCTAssertEqual(noSession.status, .seeOther)
            XCTAssertEqual(try store.decisions(fingerprint: flag.fingerprint), [])

            // The login form carries its own token too.
            let forgedLogin = try await web.post("/login", [("name", "an"), ("password", ServedWorkspace.password)])
            XCTAssertEqual(forgedLogin.status, .forbidden)
            XCTAssertNil(WebClient.cookie(named: "pa_session", in: forgedLogin))

            let admin = try await web.login("chi")
            let allowed = try await web.post(path, [("decision", "accept"), ("reason", ""), ("csrf", admin.csrf)], cookie: admin.cookie)
            XCTAssertEqual(allowed.status, .seeOther)
            XCTAssertEqual(try store.decisions(fingerprint: flag.fingerprint).map(\.user), ["chi"])
        }
    }

    func testHostilePortalTitleIsShownAsText() async throws {
        let workspace = try await ServedWorkspace.make()
        let night = workspace.history.nights[1]
        XCTAssertEqual(try workspace.store.agencyNight(run: night, agency: "ban-dan-toc")?.name, History.hostileName)
        try await workspace.serve { web in
            let user = try await web.login("an")
            for path in ["/nights/\(night)", "/agencies/ban-dan-toc", "/agencies/ban-dan-toc?run=\(night)"] {
                let page = try await web.get(path, as: user)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertFalse(page.text.contains("<script"), path)
                XCTAssertTrue(page.text.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; Ban Dân tộc"), path)
            }
        }
    }

    func testLoginIsRateLimitedPerNameAndPerAddress() async throws {
        let workspace = try await ServedWorkspace.make { policy in
            policy.maxFailuresPerName = 3
            policy.maxFailuresPerAddress = 6
        }
        try await workspace.serve { web in
            func attempt(_ name: String, _ password: String) async throws -> HTTPResponse.Status {
                let (csrf, cookie) = try await web.loginForm()
                return try await web.post("/login", [("name", name), ("password", password), ("csrf", csrf)], cookie: cookie).status
            }
            for _ in 0..<3 {
                let status = try await attempt("an", "sai")
                XCTAssertEqual(status, .unauthorized)
            }
            var status = try await attempt("an", ServedWorkspace.password)
            XCTAssertEqual(status, .tooManyRequests, "the name is locked even with the right password")
            status = try await attempt("binh", ServedWorkspace.password)
            XCTAssertEqual(status, .seeOther, "another name still logs in")
            for _ in 0..<3 {
                status = try await attempt("binh", "sai")
                XCTAssertEqual(status, .unauthorized)
            }
            status = try await attempt("chi", ServedWorkspace.password)
            XCTAssertEqual(status, .tooManyRequests, "the address has failed too often")
        }
    }
}
