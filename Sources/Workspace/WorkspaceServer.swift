import Audit
import Foundation
import WebAddress
import Hummingbird
import NIOCore
import Report
import Scoring
import Store
import Vocabulary

/// What `portal-audit web` serves: the history database and the runs folder of `audit`.
public struct WorkspaceConfiguration: Sendable {
    public var store: Store
    public var runsFolder: URL
    public var policy: WorkspacePolicy
    /// Criteria an override may set, per tier (the web-verifiable ones of the criteria set).
    var criteria: [Tier: [CriterionChoice]]

    public init(store: Store, runsFolder: URL, policy: WorkspacePolicy, criteria: CriteriaSet?) {
        self.store = store
        self.runsFolder = runsFolder
        self.policy = policy
        var choices: [Tier: [CriterionChoice]] = [:]
        for criterion in criteria?.categories.flatMap(\.criteria) ?? [] where criterion.webVerifiable {
            for tier in criterion.points.keys.sorted() {
                choices[tier, default: []].append(CriterionChoice(id: criterion.id, name: criterion.name))
            }
        }
        self.criteria = choices
    }
}

/// A page to answer instead of the requested one (404, 403, …), rendered with the workspace's frame.
struct PageError: Error {
    var status: HTTPResponse.Status
    var title: String
    var text: String
}

/// The appraisers' workspace over HTTP (Hummingbird): routes, sessions, CSRF, roles, evidence replay.
public struct WorkspaceServer: Sendable {
    static let sessionCookie = "pa_session"
    static let loginCookie = "pa_login"
    static let maxFormBytes = 64 * 1024

    let configuration: WorkspaceConfiguration
    let sessions: SessionBook
    let accounts: Accounts
    let pages: Pages
    let archive: EvidenceArchive
    let decoyHash: String

    public init(configuration: WorkspaceConfiguration) {
        self.configuration = configuration
        sessions = SessionBook(policy: configuration.policy, store: configuration.store)
        accounts = Accounts(policy: configuration.policy)
        decoyHash = accounts.decoyHash()
        pages = Pages(policy: configuration.store.policy)
        archive = EvidenceArchive(runsFolder: configuration.runsFolder, lookbackNights: configuration.policy.evidenceLookbackNights)
    }

    var store: Store { configuration.store }

    /// The application listening on `host:port` (port 0: any free port); `onListening` gets the port.
    public func application(host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil),
                    onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) })
    }

    func router() -> Router<WorkspaceContext> {
        let router = Router(context: WorkspaceContext.self)
        router.add(middleware: SecurityHeaders(pages: pages))
        router.get("/healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        router.get("/static/workspace.css") { _, _ in try Self.stylesheet() }
        router.get("/login") { request, _ in try await loginForm(request) }
        router.post("/login") { request, context in try await login(request, context: context) }
        router.post("/logout") { request, _ in try await logout(request) }
        router.get("/") { request, _ in
            try await page(request) { user in
                pages.overview(nights: try store.nightSummaries(limit: configuration.policy.nightsShown),
                               awaiting: try store.flagsAwaitingReview(), user: user)
            }
        }
        router.get("/nights/:run") { request, context in
            try await page(request) { user in try night(context.parameters.get("run") ?? "", user: user) }
        }
        router.get("/agencies/:agency") { request, context in
            try await page(request) { user in
                try agency(context.parameters.get("agency") ?? "", run: FormFields(request.uri.query ?? "").nonEmpty("run"), user: user)
            }
        }
        router.get("/flags") { request, _ in
            try await page(request) { user in try flags(FormFields(request.uri.query ?? ""), user: user) }
        }
        router.get("/flags/:fingerprint") { request, context in
            try await page(request) { user in
                let (flag, choices) = try flagAndChoices(context.parameters.get("fingerprint") ?? "")
                return pages.flag(flag, decisions: try store.decisions(fingerprint: flag.fingerprint), criteria: choices,
                                  suggested: suggestedCriterion(flag), user: user)
            }
        }
        router.post("/flags/:fingerprint/decision") { request, context in
            try await decide(request, fingerprint: context.parameters.get("fingerprint") ?? "")
        }
        router.get("/users") { request, _ in try await usersPage(request) }
        router.post("/users") { request, _ in try await changeAccount(request) }
        router.get("/evidence/:run/:target") { request, context in
            guard try await signedIn(request) != nil else { return Self.redirect("/login") }
            return try evidence(run: context.parameters.get("run") ?? "", target: context.parameters.get("target") ?? "",
                                url: FormFields(request.uri.query ?? "").nonEmpty("url"))
        }
        return router
    }

    // MARK: Sessions

    func signedIn(_ request: Request) async throws -> SignedIn? {
        guard let token = request.cookies[Self.sessionCookie]?.value else { return nil }
        return try sessions.session(token)
    }

    /// A page for a signed-in user; without a session, 303 to the login form.
    func page(_ request: Request, _ body: (SignedIn) async throws -> HTML) async throws -> Response {
        guard let user = try await signedIn(request) else { return Self.redirect("/login") }
        return Self.html(try await body(user))
    }

    func loginForm(_ request: Request) async throws -> Response {
        if try await signedIn(request) != nil { return Self.redirect("/") }
        let token = SessionBook.randomToken()
        var response = Self.html(pages.login(csrf: token))
        response.headers.append(.init(name: .setCookie, value: "\(Self.loginCookie)=\(token); Path=/login; HttpOnly; SameSite=Strict"))
        return response
    }

    func login(_ request: Request, context: WorkspaceContext) async throws -> Response {
        let form = try await Self.form(request)
        let name = form.nonEmpty("name") ?? ""
        // The login form's token is checked against its own cookie (no session exists yet).
        guard let expected = request.cookies[Self.loginCookie]?.value, SessionBook.same(form["csrf"] ?? "", expected) else {
            throw PageError(status: .forbidden, title: "Không hợp lệ", text: "Biểu mẫu đăng nhập đã hết hạn hoặc không hợp lệ. Hãy mở lại trang đăng nhập.")
        }
        if await sessions.isLimited(name: name, address: context.clientAddress) {
            throw PageError(status: .tooManyRequests, title: "Tạm khoá đăng nhập",
                            text: "Đăng nhập sai quá nhiều lần. Hãy thử lại sau \(Int(configuration.policy.loginWindow / 60)) phút.")
        }
        guard let user = try accounts.verify(name: name, password: form["password"] ?? "", in: store, decoy: decoyHash) else {
            await sessions.recordFailure(name: name, address: context.clientAddress)
            let retry = SessionBook.randomToken()
            var response = Self.html(pages.login(csrf: retry, name: name, error: "Tên đăng nhập hoặc mật khẩu không đúng."), status: .unauthorized)
            response.headers.append(.init(name: .setCookie, value: "\(Self.loginCookie)=\(retry); Path=/login; HttpOnly; SameSite=Strict"))
            return response
        }
        await sessions.recordSuccess(name: name)
        let token = try sessions.open(user: user)
        var response = Self.redirect("/")
        response.headers.append(.init(name: .setCookie, value: "\(Self.sessionCookie)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(configuration.policy.sessionLifetime))"))
        response.headers.append(.init(name: .setCookie, value: "\(Self.loginCookie)=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0"))
        return response
    }

    func logout(_ request: Request) async throws -> Response {
        guard let token = request.cookies[Self.sessionCookie]?.value, let user = try sessions.session(token) else { return Self.redirect("/login") }
        try await requireToken(request, user: user)
        try sessions.close(token)
        var response = Self.redirect("/login")
        response.headers.append(.init(name: .setCookie, value: "\(Self.sessionCookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"))
        return response
    }

    @discardableResult
    func requireToken(_ request: Request, user: SignedIn) async throws -> FormFields {
        let form = try await Self.form(request)
        guard SessionBook.same(form["csrf"] ?? "", user.csrf) else {
            throw PageError(status: .forbidden, title: "Không hợp lệ", text: "Biểu mẫu không mang mã xác thực hợp lệ (CSRF). Hãy tải lại trang rồi gửi lại.")
        }
        return form
    }

    // MARK: Pages

    func night(_ id: String, user: SignedIn) throws -> HTML {
        guard let run = try store.run(id: id), run.state == .done else {
            throw PageError(status: .notFound, title: "Không tìm thấy", text: "Không có đêm kiểm tra hoàn tất mang mã \(id).")
        }
        // Bảng 1/Bảng 2 exactly as the night's report printed them; a night without its model shows none.
        let rankings = (try? StoredRuns.model(run: run.id, store: store, runsFolder: configuration.runsFolder))?.rankings ?? []
        return pages.night(run, agencies: try store.agencySummaries(run: run.id), rankings: rankings,
                           newFlags: try store.newFlags(run: run.id), user: user)
    }

    func agency(_ id: String, run requested: String?, user: SignedIn) throws -> HTML {
        let run = try requested.flatMap { try store.run(id: $0) } ?? store.latestRun(agency: id)
        guard let run, run.state == .done, let agency = try store.agencyNight(run: run.id, agency: id) else {
            throw PageError(status: .notFound, title: "Không tìm thấy", text: "Không có cơ quan mang mã \(id) trong đêm kiểm tra này.")
        }
        return pages.agency(agency, run: run, history: try store.history(agency: id, limit: 30),
                            flags: try store.flagQueue(agency: id, kind: nil, state: nil, limit: configuration.policy.flagsShown), user: user)
    }

    func flags(_ query: FormFields, user: SignedIn) throws -> HTML {
        let state = query.nonEmpty("state")
        let filter = FlagFilter(agency: query.nonEmpty("agency"), kind: query.nonEmpty("kind").flatMap(Flag.Kind.init(rawValue:)),
                                state: state == "all" ? nil : FlagQueueState(rawValue: state ?? "open") ?? .open)
        let flags = try store.flagQueue(agency: filter.agency, kind: filter.kind, state: filter.state, limit: configuration.policy.flagsShown)
        let agencies = try store.latestRun().map { try store.agencySummaries(run: $0.id).map(\.id) } ?? []
        return pages.flags(flags, filter: filter, agencies: agencies, user: user)
    }

    func flagAndChoices(_ fingerprint: String) throws -> (Flag, [CriterionChoice]) {
        guard let flag = try store.flag(fingerprint: fingerprint) else {
            throw PageError(status: .notFound, title: "Không tìm thấy", text: "Không có cảnh báo mang mã \(fingerprint).")
        }
        let tier = try store.latestRun(agency: flag.agency).flatMap { try store.agencySummaries(run: $0.id).first { $0.id == flag.agency }?.tier }
        return (flag, tier.flatMap { configuration.criteria[$0] } ?? [])
    }

    /// For a discrepancy, its criterion (a discrepancy's subject is the criterion compared).
    func suggestedCriterion(_ flag: Flag) -> String? {
        flag.kind == .discrepancy ? flag.subject : nil
    }

    // MARK: Decisions

    func decide(_ request: Request, fingerprint: String) async throws -> Response {
        guard let user = try await signedIn(request) else { return Self.redirect("/login") }
        let form = try await requireToken(request, user: user)
        guard user.canDecide else {
            throw PageError(status: .forbidden, title: "Không được phép", text: "Tài khoản chỉ xem không ghi được quyết định.")
        }
        let (flag, choices) = try flagAndChoices(fingerprint)
        func refuse(_ problem: String) throws -> Response {
            Self.html(pages.flag(flag, decisions: try store.decisions(fingerprint: flag.fingerprint), criteria: choices,
                                 suggested: suggestedCriterion(flag), user: user, error: problem),
                      status: .unprocessableContent)
        }
        guard let kind = form.nonEmpty("decision").flatMap(DecisionKind.init(rawValue:)) else {
            return try refuse("Hãy chọn một quyết định.")
        }
        let reason = form.nonEmpty("reason") ?? ""
        if kind != .accept, reason.isEmpty { return try refuse("Bỏ qua hoặc điều chỉnh cần ghi lý do.") }
        var decision = FlagDecision(fingerprint: flag.fingerprint, agency: flag.agency, kind: kind, reason: reason, user: user.name, decidedAt: Date())
        if kind == .override {
            guard let criterion = form.nonEmpty("criterion"), choices.contains(where: { $0.id == criterion }) else {
                return try refuse("Hãy chọn tiêu chí cần điều chỉnh.")
            }
            guard let value = form.nonEmpty("value").flatMap({ Double($0.replacingOccurrences(of: ",", with: ".")) }), value >= 0, value.isFinite else {
                return try refuse("Số liệu điều chỉnh phải là một số không âm (ví dụ 182 hoặc 4,5).")
            }
            decision.criterion = criterion
            decision.value = value
        }
        try store.recordDecision(decision)
        return Self.redirect("/flags/\(flag.fingerprint)")
    }

    // MARK: Evidence

    /// The archived answer for `url`, from the night's WARC by its CDXJ index: never fetched live.
    func evidence(run: String, target: String, url: String?) throws -> Response {
        guard let url else {
            throw PageError(status: .badRequest, title: "Thiếu địa chỉ", text: "Cần cho biết địa chỉ trang (tham số url).")
        }
        let nights = try store.runs(agency: target)
        guard let index = nights.firstIndex(where: { $0.id == run }) else {
            throw PageError(status: .notFound, title: "Không có bản lưu",
                            text: "Cơ quan \(target) không được kiểm tra trong lượt \(run): không có bản lưu nào.")
        }
        guard let page = try archive.page(url: url, run: run, target: target, earlierRuns: nights[(index + 1)...].map(\.id)) else {
            throw PageError(status: .notFound, title: "Trang chưa được lưu",
                            text: "Trang \(url) chưa từng được lưu trong đêm kiểm tra \(Wording.night(nights[index].startedAt)) của \(target). "
                                + "Công cụ không tải trang từ cổng thông tin đang hoạt động.")
        }
        let address = { (absolute: String) in pages.evidencePath(run: run, target: target, url: absolute) }
        if (300..<400).contains(page.status), let location = page.location {
            return Self.redirect(ArchivedPageRewriter.rewritten(location, base: WebAddress.resolutionBase(page.url), address: address)
                .replacingOccurrences(of: "&amp;", with: "&"))
        }
        let type = page.contentType.lowercased()
        var headers: HTTPFields = [.contentSecurityPolicy: Self.evidencePolicy]
        let body: Data
        if type.contains("html") {
            let banner = "Bản lưu ngày \(Wording.night(page.capturedAt)) (lượt \(page.runID)), trang gốc: \(page.url) — không phải trang đang hoạt động"
            body = ArchivedPageRewriter.rewrite(page, banner: HTML.asciiEscape(banner), address: address)
            headers[.contentType] = page.contentType
        } else if type.hasPrefix("text/css") {
            body = ArchivedPageRewriter.rewriteStylesheet(page, address: address)
            headers[.contentType] = page.contentType
        } else if Self.replayableTypes.contains(where: { type.hasPrefix($0) }) {
            body = page.body
            headers[.contentType] = page.contentType
        } else {
            body = page.body
            headers[.contentType] = "application/octet-stream"
            headers[.contentDisposition] = "attachment"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Archived pages run no script (twice over: `script-src 'none'` and a sandbox without
    /// `allow-scripts`), send no form, open no window, and load nothing from outside the
    /// archive: only their own archived stylesheets, images and fonts. The sandbox keeps the
    /// workspace's origin (`allow-same-origin`) so that those requests carry the session
    /// cookie (SameSite=Strict sends none from an opaque origin); with no script able to
    /// run, the origin gives the page nothing to read, and the cookie is HttpOnly besides.
    static let evidencePolicy = "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox allow-same-origin"
    static let replayableTypes = ["text/css", "image/png", "image/jpeg", "image/gif", "image/webp", "image/x-icon", "image/vnd.microsoft.icon",
                                  "font/", "text/plain"]

    // MARK: Responses

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func form(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: maxFormBytes)
        return FormFields(String(buffer: buffer))
    }

    static func stylesheet() throws -> Response {
        guard let url = Bundle.module.url(forResource: "workspace", withExtension: "css") else {
            throw PageError(status: .notFound, title: "Không tìm thấy", text: "workspace.css")
        }
        return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
    }
}

/// Security headers on every answer, and every error as a Vietnamese page with the same headers.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = WorkspaceContext
    let pages: Pages

    /// The workspace's own pages: its stylesheet, no script at all, forms only to itself.
    static let pagePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as PageError {
            response = WorkspaceServer.html(pages.message(title: error.title, text: error.text, user: nil), status: error.status)
        } catch let error as HTTPResponseError {
            let status = error.status
            let text = status == .notFound ? "Không có trang này." : "Yêu cầu không thực hiện được (\(status.code))."
            response = WorkspaceServer.html(pages.message(title: status == .notFound ? "Không tìm thấy" : "Lỗi", text: text, user: nil), status: status)
        } catch {
            // A database or file error: said plainly, with the same headers, details in the log.
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            response = WorkspaceServer.html(pages.message(title: "Lỗi", text: "Không đọc được dữ liệu lịch sử. Hãy thử lại sau.", user: nil),
                                            status: .internalServerError)
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        return response
    }
}

/// Security headers HTTPTypes does not name.
extension HTTPFields.Element.Name {
    public static let xFrameOptions = Self("X-Frame-Options")!
    public static let referrerPolicy = Self("Referrer-Policy")!
    public static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    public static let crossOriginResourcePolicy = Self("Cross-Origin-Resource-Policy")!
    public static let permissionsPolicy = Self("Permissions-Policy")!
}
