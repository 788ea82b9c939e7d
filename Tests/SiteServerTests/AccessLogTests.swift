import Fetch
import Foundation
import Glibc
import SiteServer
import TestSupport
import XCTest

/// The server's access log, which the benchmark counts every tool's pages
/// from: one line per answer with the bytes really sent, written before the
/// client can see the answer end.
final class AccessLogTests: XCTestCase {
    private let fixtureSite = packageRoot.appendingPathComponent("fixtures/platforms/liferay7-so-thong-tin-va-truyen-thong/site")

    private struct Line: Equatable {
        var time: Date
        var host: String
        var method: String
        var uri: String
        var status: Int
        var bytes: Int
    }

    private func lines(_ path: String) throws -> [Line] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), "a line cut short: \(text)")
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").map(String.init)
            XCTAssertEqual(fields.count, 6, String(line))
            let time = try XCTUnwrap(ISO8601DateFormatter().date(from: fields[0]), String(line))
            return Line(time: time, host: fields[1], method: fields[2], uri: fields[3],
                        status: try XCTUnwrap(Int(fields[4])), bytes: try XCTUnwrap(Int(fields[5])))
        }
    }

    private static var configuration: FetchConfiguration {
        var configuration = FetchConfiguration()
        configuration.perHostDelayMilliseconds = 0
        configuration.maxRetries = 0
        return configuration
    }

    private func fileSize(_ relative: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: fixtureSite.appendingPathComponent(relative).path)[.size] as? Int)
    }

    func testEveryAnswerIsOneLineWithStatusAndBytesSentBeforeTheClientHasIt() async throws {
        let logPath = makeTemporaryFolder("access-log").appendingPathComponent("access.log").path
        let log = try AccessLog(path: logPath)
        let site = try StaticSite(root: fixtureSite)
        let server = try SiteServer.start(accessLog: log, handler: site.handler)
        addTeardownBlock { server.stop() }
        // A slow drip on its own server: its line must count all chunks, and come only once the last one is sent.
        let drip = try SiteServer.start(accessLog: log) { _ in
            SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
                         body: .chunks([(20, Array("<p>Thông báo ".utf8)), (20, Array("lịch tiếp công dân</p>".utf8))]))
        }
        addTeardownBlock { drip.stop() }
        try await Fetcher.withFetcher(configuration: Self.configuration) { fetcher in
            let started = Date().addingTimeInterval(-1)

            let page = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/web/guest/tin-tuc")).get()
            // Read at once: the bench reads the log right after a tool exits.
            var seen = try lines(logPath)
            XCTAssertEqual(seen.count, 1)
            XCTAssertEqual(seen.last?.bytes, page.body.count)

            let query = "/web/guest/tin-tuc?_101_INSTANCE_abc_cur=2&p_p_id=101_INSTANCE_abc&p_p_lifecycle=0"
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + query)).get()
            if case .success = await fetcher.fetch(FetchRequest(url: server.baseURL + "/web/guest/khong-co-trang-nay")) {
                XCTFail("a missing page was answered")
            }
            _ = await fetcher.fetch(FetchRequest(url: server.baseURL + "/")) // 302 to /web/guest/trang-chu
            let dripped = try await fetcher.fetch(FetchRequest(url: drip.baseURL + "/thong-bao")).get()

            seen = try lines(logPath)
            let host = "127.0.0.1:\(server.port)"
            XCTAssertEqual(seen.map { Line(time: started, host: $0.host, method: $0.method, uri: $0.uri, status: $0.status, bytes: $0.bytes) }, [
                Line(time: started, host: host, method: "GET", uri: "/web/guest/tin-tuc", status: 200, bytes: try fileSize("web/guest/tin-tuc")),
                Line(time: started, host: host, method: "GET", uri: query, status: 200,
                     bytes: try fileSize(String(query.dropFirst()))),
                Line(time: started, host: host, method: "GET", uri: "/web/guest/khong-co-trang-nay", status: 404, bytes: 9),
                Line(time: started, host: host, method: "GET", uri: "/", status: 302,
                     bytes: "<html><body><h1>302</h1></body></html>".utf8.count),
                Line(time: started, host: host, method: "GET", uri: "/web/guest/trang-chu", status: 200, bytes: try fileSize("web/guest/trang-chu")),
                Line(time: started, host: "127.0.0.1:\(drip.port)", method: "GET", uri: "/thong-bao", status: 200, bytes: dripped.body.count),
            ])
            for line in seen {
                XCTAssertGreaterThanOrEqual(line.time, started)
                XCTAssertLessThanOrEqual(line.time, Date().addingTimeInterval(1))
            }
        }
    }

    func testALogSetOnARunningServerCountsOnlyLaterAnswersAndCanBeStopped() async throws {
        let logPath = makeTemporaryFolder("access-log").appendingPathComponent("access.log").path
        let server = try SiteServer.start(handler: try StaticSite(root: fixtureSite).handler)
        addTeardownBlock { server.stop() }
        try await Fetcher.withFetcher(configuration: Self.configuration) { fetcher in
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/web/guest/lien-he")).get()
            server.logAccess(to: try AccessLog(path: logPath))
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/web/guest/hoi-dap")).get()
            server.logAccess(to: nil)
            _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/web/guest/van-ban")).get()
            XCTAssertEqual(try lines(logPath).map(\.uri), ["/web/guest/hoi-dap"])
        }
    }

    /// `portal-audit serve --access-log`, as the benchmark runs it.
    func testServeCommandWritesTheLogOfEveryPortalItServes() async throws {
        let folder = makeTemporaryFolder("serve-log")
        for id in ["so-thong-tin-va-truyen-thong", "so-noi-vu"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(id), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(id).appendingPathComponent("site"),
                                                       withDestinationURL: fixtureSite)
        }
        try """
        targets:
          - id: so-thong-tin-va-truyen-thong
            name: Sở Thông tin và Truyền thông
            tier: province
            portal: http://127.0.0.1/
          - id: so-noi-vu
            name: Sở Nội vụ
            tier: province
            portal: http://127.0.0.2/
        """.write(to: folder.appendingPathComponent("targets.yaml"), atomically: true, encoding: .utf8)
        let logPath = folder.appendingPathComponent("access.log").path

        let process = Process()
        process.executableURL = portalAuditBinary()
        process.arguments = ["serve", folder.path, "--port", "0", "--access-log", logPath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // Waiting on the termination handler, not waitUntilExit: that spins a run loop an async test does not drive.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        addTeardownBlock {
            // SIGKILL: a child spawned from a test's worker thread inherits its blocked SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            XCTAssertEqual(exited.wait(timeout: .now() + 10), .success, "serve did not stop")
        }
        // serve announces its addresses in one write once it listens and logs.
        var announced = ""
        while !announced.contains("127.0.0.2:") {
            let chunk = output.fileHandleForReading.availableData
            XCTAssertFalse(chunk.isEmpty, "serve ended before listening: \(announced)")
            if chunk.isEmpty { return }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        let bases = announced.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(bases.count, 2, announced)

        try await Fetcher.withFetcher(configuration: Self.configuration) { fetcher in
            for base in bases {
                _ = try await fetcher.fetch(FetchRequest(url: base + "web/guest/lanh-dao-so")).get()
            }
            let seen = try lines(logPath)
            XCTAssertEqual(Set(seen.map { "http://\($0.host)/" }), Set(bases))
            XCTAssertEqual(seen.map(\.status), [200, 200])
            XCTAssertEqual(seen.map(\.bytes), Array(repeating: try fileSize("web/guest/lanh-dao-so"), count: 2))
        }
    }

    func testServeCommandThatCannotWriteTheLogExitsThreeNamingTheFile() throws {
        let folder = makeTemporaryFolder("serve-log")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("so-noi-vu"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("so-noi-vu/site"), withDestinationURL: fixtureSite)
        try """
        targets:
          - id: so-noi-vu
            name: Sở Nội vụ
            tier: province
            portal: http://127.0.0.1/
        """.write(to: folder.appendingPathComponent("targets.yaml"), atomically: true, encoding: .utf8)
        let logPath = folder.appendingPathComponent("missing-folder/access.log").path
        let result = try runPortalAudit(["serve", folder.path, "--port", "0", "--access-log", logPath])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains(logPath), result.stderr)
        XCTAssertEqual(result.stdout, "", "nothing announced")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing-folder").path))
    }
}
