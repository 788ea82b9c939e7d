@testable import Audit
import Fetch
import Foundation
@testable import Health
@testable import Measure
import SiteServer
import XCTest

/// The https, headers and ipv6 checks against real servers: `openssl s_server`
/// with certificates made for the test, and the loopback SiteServer.
final class TransportChecksTests: XCTestCase {
    private func observe(_ portal: String, trusting ca: String? = nil) async throws -> PortalHealth {
        var configuration = FetchConfiguration()
        configuration.caCertificatesPath = ca
        configuration.maxRetries = 0
        let rules = try HealthRules.standard()
        let probe = await TransportProbe.observe(portal: portal, configuration: configuration, rules: rules)
        let builder = PortalHealthBuilder(rules: rules, portalHosts: [], auditYear: 2025, night: Date())
        return PortalHealth.assemble(builder.finish(portalReachable: true), probe: probe, rules: rules)
    }

    func testATrustedCertificateIsDescribed() async throws {
        let server = try OpenSSLServer(.valid)
        defer { server.stop() }
        let https = try await observe(server.baseURL, trusting: server.caPath).https
        XCTAssertTrue(https.answersHTTPS)
        XCTAssertEqual(https.certificateStatus, "trusted")
        XCTAssertEqual(https.state, .ok, "\(https.findings)")
        XCTAssertEqual(https.tlsVersion, "TLSv1.3")
        let certificate = try XCTUnwrap(https.certificate)
        XCTAssertTrue(certificate.issuer?.contains("Health Test CA") ?? false, certificate.issuer ?? "")
        XCTAssertTrue((88...90).contains(certificate.daysToExpiry ?? -1), "\(certificate.daysToExpiry ?? -1)")
        XCTAssertTrue(certificate.subjectAltNames.contains("IP Address:127.0.0.1"), "\(certificate.subjectAltNames)")
        // Plain HTTP on port 80 does not answer here: nothing to say about a redirect.
        XCTAssertNil(https.httpRedirectsToHTTPS)
    }

    func testBadCertificatesAreFindingsNotFailures() async throws {
        let cases: [(OpenSSLServer.Certificate, String, String)] = [
            (.expired, "expired", "Chứng thư số đã hết hạn"),
            (.selfSigned, "self-signed", "Chứng thư số tự ký"),
            (.wrongName, "wrong-name", "Chứng thư số không đúng tên miền của cổng"),
        ]
        for (kind, status, message) in cases {
            let server = try OpenSSLServer(kind)
            defer { server.stop() }
            let https = try await observe(server.baseURL, trusting: server.caPath).https
            XCTAssertTrue(https.answersHTTPS, status)
            XCTAssertEqual(https.certificateStatus, status)
            XCTAssertEqual(https.state, .critical, status)
            let finding = try XCTUnwrap(https.findings.first { $0.rule == "certificate" }, status)
            XCTAssertEqual(finding.message, message)
            XCTAssertFalse(finding.evidence?.text.isEmpty ?? true, status)
            XCTAssertNotNil(https.certificate?.notAfter, status)
            if kind == .expired { XCTAssertLessThan(https.certificate?.daysToExpiry ?? 0, 0) }
        }
    }

    func testHTTPRedirectToHTTPSIsSeen() async throws {
        let tls = try OpenSSLServer(.valid)
        defer { tls.stop() }
        let target = tls.baseURL + "/"
        let redirecting = try SiteServer.start { _ in SiteResponse(status: 301, headers: [("Location", target)]) }
        defer { redirecting.stop() }
        let health = try await observe(redirecting.baseURL + "/", trusting: tls.caPath)
        XCTAssertEqual(health.https.httpRedirectsToHTTPS, true)
        XCTAssertEqual(health.https.httpsURL, target)
        XCTAssertEqual(health.https.state, .ok)

        let plain = try SiteServer.start { _ in .html("<html><body>Trang chủ</body></html>") }
        defer { plain.stop() }
        let noTLS = try await observe(plain.baseURL + "/").https
        XCTAssertEqual(noTLS.httpRedirectsToHTTPS, false)
        XCTAssertFalse(noTLS.answersHTTPS)
        XCTAssertEqual(noTLS.state, .critical)
        XCTAssertEqual(noTLS.findings.first?.rule, "https-answers")
    }

    func testSecurityHeadersAndTheServerBanner() async throws {
        let server = try SiteServer.start { _ in
            SiteResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"),
                                                ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'"),
                                                ("X-Content-Type-Options", "nosniff"), ("Server", "Apache/2.4.41 (Ubuntu)")],
                         body: .bytes(Array("<html><body>Trang chủ</body></html>".utf8)))
        }
        defer { server.stop() }
        let headers = try await observe(server.baseURL + "/").headers
        let present = Dictionary(uniqueKeysWithValues: headers.headers.map { ($0.id, $0.present) })
        // HSTS is judged only on an HTTPS answer.
        XCTAssertEqual(present, ["csp": true, "x-content-type-options": true, "frame-options": true, "referrer-policy": false])
        XCTAssertEqual(headers.banners, ["Server: Apache/2.4.41 (Ubuntu)"])
        XCTAssertEqual(Set(headers.findings.map(\.rule)), ["referrer-policy", "server-banner"])
        XCTAssertEqual(headers.state, .warning)
    }

    func testIPv6IsTriedWhereThereIsAnAddress() async throws {
        let server = try SiteServer.start(host: "::1") { _ in .html("<html><body>IPv6</body></html>") }
        defer { server.stop() }
        let overV6 = try await observe("http://[::1]:\(server.port)/").ipv6
        XCTAssertEqual(overV6.aaaa, ["::1"])
        XCTAssertEqual(overV6.answers, true)
        XCTAssertEqual(overV6.state, .ok)

        let v4 = try SiteServer.start { _ in .html("<html><body>IPv4</body></html>") }
        defer { v4.stop() }
        let noAAAA = try await observe(v4.baseURL + "/").ipv6
        XCTAssertEqual(noAAAA.aaaa, [])
        XCTAssertEqual(noAAAA.state, .warning)
        XCTAssertEqual(noAAAA.detail, "không có bản ghi AAAA")
    }

    func testContentServedOnlyToSearchEnginesIsAHit() async throws {
        let server = try SiteServer.start { request in
            let isBot = request.header("User-Agent")?.contains("Googlebot") ?? false
            return .html("<html lang=\"vi\"><body><p>Tin tức xã</p>\(isBot ? "<p>Link vào nhà cái casino uy tín</p>" : "")</body></html>")
        }
        defer { server.stop() }
        let injected = try await observe(server.baseURL + "/").injectedContent
        XCTAssertTrue(injected.searchEngineCompared)
        XCTAssertEqual(injected.state, .critical)
        XCTAssertEqual(Set(injected.hits.map(\.hiding)), [.searchEngineOnly])
        XCTAssertEqual(Set(injected.hits.compactMap(\.term)), ["nhà cái", "casino"])
    }
}

/// `openssl s_server` with a certificate made by the openssl tool for the test:
/// trusted (signed by the test CA), expired, self-signed or for another name.
/// The port is the one s_server reports on its ACCEPT line.
final class OpenSSLServer {
    enum Certificate { case valid, expired, selfSigned, wrongName }

    let caPath: String
    private(set) var port = 0
    private let process = Process()
    private let folder: URL

    init(_ certificate: Certificate) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = { [folder] (name: String) in folder.appendingPathComponent(name).path }
        caPath = path("ca.pem")
        try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("ca.key"), "-out", caPath, "-days", "30",
                          "-subj", "/CN=Health Test CA"])
        let names = certificate == .wrongName ? "DNS:other.example" : "DNS:localhost,IP:127.0.0.1"
        try "subjectAltName=\(names)\n".write(toFile: path("ext.cnf"), atomically: true, encoding: .utf8)
        if certificate == .selfSigned {
            try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path("leaf.key"), "-out", path("leaf.pem"),
                              "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=\(names)"])
        } else {
            try Self.openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", path("leaf.key"), "-out", path("leaf.csr"),
                              "-subj", certificate == .wrongName ? "/CN=other.example" : "/CN=localhost"])
            // -days -1 puts notAfter a day before now.
            try Self.openssl(["x509", "-req", "-in", path("leaf.csr"), "-CA", caPath, "-CAkey", path("ca.key"), "-set_serial", "2",
                              "-days", certificate == .expired ? "-1" : "90", "-extfile", path("ext.cnf"), "-out", path("leaf.pem")])
        }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", path("leaf.pem"), "-key", path("leaf.key"), "-www"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens.
        var seen = ""
        while !seen.contains("\n") || !seen.contains("ACCEPT") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = seen.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
              let value = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            stop()
            throw NSError(domain: "tls", code: 1, userInfo: [NSLocalizedDescriptionKey: "openssl s_server did not listen: \(seen)"])
        }
        port = value
    }

    var baseURL: String { "https://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            // s_server does not end on SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func openssl(_ arguments: [String]) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        tool.arguments = arguments
        tool.standardOutput = FileHandle.nullDevice
        tool.standardError = FileHandle.nullDevice
        try tool.run()
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 else {
            throw NSError(domain: "tls", code: Int(tool.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments[0]) failed"])
        }
    }
}
