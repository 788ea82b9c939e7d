import Foundation
import SiteServer
import Synchronization
import TestSupport
import XCTest

/// Misbehaving servers over real loopback HTTP, one per fault.
enum FaultSite {
    /// A small healthy portal: a home page with a menu of three pages.
    @Sendable static func healthy(_ request: SiteRequest) -> SiteResponse {
        switch request.path {
        case "/":
            return .html("""
                <html><head><title>Sở Thử nghiệm</title></head><body>
                <ul class="menu"><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li>
                <li><a href="/lien-he">Liên hệ</a></li></ul></body></html>
                """)
        case "/gioi-thieu", "/tin-tuc", "/lien-he":
            return .html("<html><head><title>\(request.path)</title></head><body><h1>\(request.path)</h1><p>Nội dung.</p></body></html>")
        default:
            return .notFound
        }
    }

    /// Accepts the request and never answers.
    @Sendable static func stall(_ request: SiteRequest) -> SiteResponse {
        SiteResponse(body: .stall)
    }

    /// Sends the page ten bytes every 400 ms: slower than the low-speed limit.
    @Sendable static func slowDrip(_ request: SiteRequest) -> SiteResponse {
        let page = Array(String(repeating: "<p>nhỏ giọt</p>", count: 200).utf8)
        let chunks = stride(from: 0, to: page.count, by: 10).map { (delayMilliseconds: 400, bytes: Array(page[$0..<min($0 + 10, page.count)])) }
        return SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: .chunks(chunks))
    }

    /// Sends the head and part of the body, then drops the connection.
    @Sendable static func resetMidBody(_ request: SiteRequest) -> SiteResponse {
        SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
                     body: .resetAfter(Array("<html><body><p>bị cắt".utf8)))
    }

    /// Answers 503 to the first two attempts of every URL, then serves the healthy portal.
    static func burstOf5xx() -> SiteHandler {
        let attempts = Counter()
        return { request in
            attempts.increment(request.uri) <= 2 ? .text("quá tải", status: 503) : healthy(request)
        }
    }

    /// 429 with Retry-After to everything.
    @Sendable static func storm429(_ request: SiteRequest) -> SiteResponse {
        SiteResponse(status: 429, headers: [("Retry-After", "1"), ("Content-Type", "text/plain")], body: .bytes(Array("chậm lại".utf8)))
    }

    /// / → /a → /b → / …
    @Sendable static func redirectLoop(_ request: SiteRequest) -> SiteResponse {
        let next = ["/": "/a", "/a": "/b", "/b": "/"][request.path] ?? "/"
        return SiteResponse(status: 302, headers: [("Location", next)])
    }

    /// Every page redirects to another scheme.
    @Sendable static func redirectToOtherScheme(_ request: SiteRequest) -> SiteResponse {
        request.path == "/robots.txt" ? .notFound : SiteResponse(status: 301, headers: [("Location", "ftp://127.0.0.1/portal/")])
    }

    /// A gzip body cut in the middle, announced with Content-Encoding: gzip.
    static func truncatedGzip() -> SiteHandler {
        let page = String(repeating: "<p>Tin tức tỉnh Sơn La \(UUID().uuidString)</p>", count: 400)
        let gzipped = try! gzip(Data(page.utf8))
        let cut = Array(gzipped.prefix(gzipped.count / 2))
        return { request in
            request.path == "/robots.txt" ? .notFound
                : SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], body: .bytes(cut))
        }
    }

    /// gzip through the gzip tool (the test must not trust the code it checks).
    static func gzip(_ data: Data) throws -> Data {
        let folder = makeTemporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("page")
        try data.write(to: file)
        try runTool("/bin/gzip", ["-9", file.path])
        return try Data(contentsOf: folder.appendingPathComponent("page.gz"))
    }

    final class Counter: Sendable {
        private let counts = Mutex<[String: Int]>([:])

        func increment(_ key: String) -> Int {
            counts.withLock { counts in
                counts[key, default: 0] += 1
                return counts[key]!
            }
        }
    }
}

/// A TLS server (`openssl s_server`) with a certificate made for the test by
/// the openssl tool: self-signed, expired (signed by a test CA), or valid.
final class TLSServer {
    enum Certificate { case selfSigned, expired, valid }

    let port: Int
    /// The test CA that signed the expired and valid certificates.
    let caPath: String
    private let process: Process
    private let folder: URL

    init(_ certificate: Certificate) throws {
        let folder = makeTemporaryFolder("tls")
        self.folder = folder
        let openssl = "/usr/bin/openssl"
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        caPath = path("ca.pem")
        try runTool(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("ca.key"), "-out", caPath,
                              "-days", "30", "-subj", "/CN=Reliability Test CA"])
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\n".write(toFile: path("ext.cnf"), atomically: true, encoding: .utf8)
        switch certificate {
        case .selfSigned:
            try runTool(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("leaf.key"), "-out", path("leaf.pem"),
                                  "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        case .expired, .valid:
            try runTool(openssl, ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", path("leaf.key"), "-out", path("leaf.csr"),
                                  "-subj", "/CN=localhost"])
            // -days -1 puts notAfter a day before now: expired.
            try runTool(openssl, ["x509", "-req", "-in", path("leaf.csr"), "-CA", caPath, "-CAkey", path("ca.key"), "-set_serial", "2",
                                  "-days", certificate == .expired ? "-1" : "30", "-extfile", path("ext.cnf"), "-out", path("leaf.pem")])
        }
        port = try unusedPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", path("leaf.pem"), "-key", path("leaf.key"), "-www", "-quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = self.port
        guard eventually(within: 20, { Self.accepts(port: port) }) else {
            stop()
            throw NSError(domain: "tls", code: 1, userInfo: [NSLocalizedDescriptionKey: "openssl s_server did not listen on \(port)"])
        }
    }

    var baseURL: String { "https://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            // s_server started by Process does not end on SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
