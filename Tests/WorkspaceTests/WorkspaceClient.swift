import Foundation
import Hummingbird
import HummingbirdTesting
import Scoring
import Store
import Workspace
import XCTest

/// A served workspace over the fixture history, with accounts of every role.
struct ServedWorkspace {
    static let password = "mat-khau-thu-nghiem"
    let history: History
    /// This test's own copy of the history database.
    let database: String
    let store: Store
    let server: WorkspaceServer

    /// `adjust` changes the shipped policy (a cheaper bcrypt cost, tighter login limits).
    static func make(_ adjust: (inout WorkspacePolicy) -> Void = { _ in }) async throws -> ServedWorkspace {
        let history = try await HistoryCache.shared.history()
        // Each test works on its own copy of the database: decisions and accounts stay its own.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("portal-audit.sqlite").path
        // The database with its write-ahead log: together they are the whole history.
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: history.database + suffix) {
            try FileManager.default.copyItem(atPath: history.database + suffix, toPath: database + suffix)
        }
        var policy = try WorkspacePolicy.standard()
        policy.bcryptCost = 4
        adjust(&policy)
        let store = try Store.open(path: database)
        let accounts = Accounts(policy: policy)
        for (name, role) in [("an", UserAccount.Role.appraiser), ("binh", .viewer), ("chi", .admin)] {
            try accounts.add(name: name, role: role, password: password, to: store)
        }
        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let server = WorkspaceServer(configuration: WorkspaceConfiguration(store: store, runsFolder: history.runs, policy: policy, criteria: criteria))
        return ServedWorkspace(history: history, database: database, store: store, server: server)
    }

    /// Runs `body` against the real server listening on an ephemeral loopback port.
    func serve(_ body: @escaping @Sendable (WebClient) async throws -> Void) async throws {
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            try await body(WebClient(client: client))
        }
    }
}

/// Requests with an optional session cookie, as a browser would send them.
struct WebClient: Sendable {
    let client: any TestClientProtocol

    struct Signed: Sendable {
        var cookie: String
        var csrf: String
    }

    func get(_ uri: String, as user: Signed? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let user { headers[.cookie] = user.cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ uri: String, _ fields: [(String, String)], cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// The login form's token and cookie.
    func loginForm() async throws -> (csrf: String, cookie: String) {
        let form = try await get("/login")
        XCTAssertEqual(form.status, .ok)
        let cookie = try XCTUnwrap(Self.cookie(named: "pa_login", in: form))
        return (try XCTUnwrap(Self.csrf(in: form.text)), "pa_login=\(cookie)")
    }

    func login(_ name: String, password: String = ServedWorkspace.password) async throws -> Signed {
        let (csrf, cookie) = try await loginForm()
        let answer = try await post("/login", [("name", name), ("password", password), ("csrf", csrf)], cookie: cookie)
        XCTAssertEqual(answer.status, .seeOther, answer.text)
        XCTAssertEqual(answer.headers[.location], "/")
        let session = "pa_session=" + (try XCTUnwrap(Self.cookie(named: "pa_session", in: answer)))
        let home = try await get("/", as: Signed(cookie: session, csrf: ""))
        return Signed(cookie: session, csrf: try XCTUnwrap(Self.csrf(in: home.text)))
    }

    static func cookie(named name: String, in response: TestResponse) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            if !value.isEmpty { return String(value) }
        }
        return nil
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

