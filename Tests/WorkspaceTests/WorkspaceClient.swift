import Foundation
import Glibc
import Hummingbird
import Scoring
import Store
import TestSupport
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
    let configuration: WorkspaceConfiguration

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
            try accounts.add(name: name, role: role, password: password, to: store, by: Accounts.commandLine)
        }
        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let configuration = WorkspaceConfiguration(store: store, runsFolder: history.runs, policy: policy, criteria: criteria)
        return ServedWorkspace(history: history, database: database, store: store, server: WorkspaceServer(configuration: configuration),
                               configuration: configuration)
    }

    /// The same database served again, as after a restart of `portal-audit web`: a new server
    /// over a newly opened store.
    func restarted() throws -> ServedWorkspace {
        var configuration = configuration
        configuration.store = try Store.open(path: database)
        return ServedWorkspace(history: history, database: database, store: configuration.store, server: WorkspaceServer(configuration: configuration),
                               configuration: configuration)
    }

    /// Runs `body` against the real server listening on an ephemeral loopback port, then stops it.
    func serve(_ body: @escaping @Sendable (WebClient) async throws -> Void) async throws {
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let app = server.application(host: "127.0.0.1", port: 0) { listening.yield($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var events = ports.makeAsyncIterator()
            guard let port = await events.next() else { throw CocoaError(.featureUnsupported) }
            do {
                try await body(WebClient(port: port))
            } catch {
                group.cancelAll()
                throw error
            }
            // Cancelling the application's task shuts the server down.
            group.cancelAll()
        }
    }
}

/// Requests with an optional session cookie, as a browser would send them (and, unlike a
/// browser, redirects are not followed: the tests look at the 303 itself).
struct WebClient: Sendable {
    let port: Int

    struct Signed: Sendable {
        var cookie: String
        var csrf: String
    }

    func get(_ uri: String, as user: Signed? = nil) async throws -> WebResponse {
        try HTTPExchange.send("GET", uri, port: port, headers: user.map { [("Cookie", $0.cookie)] } ?? [], body: Data())
    }

    func post(_ uri: String, _ fields: [(String, String)], cookie: String? = nil) async throws -> WebResponse {
        var headers = [("Content-Type", "application/x-www-form-urlencoded")]
        if let cookie { headers.append(("Cookie", cookie)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try HTTPExchange.send("POST", uri, port: port, headers: headers, body: Data(body.utf8))
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

    static func cookie(named name: String, in response: WebResponse) -> String? {
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

/// An answer as the server sent it.
struct WebResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String
}

/// One HTTP/1.1 exchange over a plain loopback socket ("Connection: close", read to the end).
enum HTTPExchange {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func send(_ method: String, _ uri: String, port: Int, headers: [(String, String)], body: Data) throws -> WebResponse {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        var head = "\(method) \(uri) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let count = Glibc.send(socket, bytes.baseAddress! + sent, bytes.count - sent, 0)
                guard count > 0 else { throw Failure(description: "send: \(errno)") }
                sent += count
            }
        }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            answer.append(contentsOf: buffer[0..<count])
        }
        guard let end = answer.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no HTTP head in \(answer.count) bytes") }
        let lines = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let code = Int(parts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var fields = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPFields.Element.Name(String(line[..<colon])) else { continue }
            fields.append(.init(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        // The server answers with a length (not chunked) for these pages.
        return WebResponse(status: HTTPResponse.Status(code: code), headers: fields,
                           text: String(decoding: answer[end.upperBound...], as: UTF8.self))
    }
}

