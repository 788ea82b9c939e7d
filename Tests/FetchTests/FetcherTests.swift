import Fetch
import Foundation
import SiteServer
import TestSupport
import XCTest

final class FetcherTests: XCTestCase {
    func testSuccessCarriesHeadersRequestBlockAndDecodedText() async throws {
        let log = RequestLog()
        let server = try startServer(self) { request in
            log.record(request)
            return SiteResponse(headers: [("Content-Type", "text/html; charset=UTF-8"), ("X-Portal", "so-noi-vu")],
                                body: .bytes(Array("<p>Sở Nội vụ</p>".utf8)))
        }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/gioi-thieu?a=1",
                                                                       headers: [("X-Audit", "1")])).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.httpVersion, "HTTP/1.1")
        XCTAssertEqual(response.header("x-portal"), "so-noi-vu")
        XCTAssertEqual(response.contentType, "text/html")
        XCTAssertEqual(response.charset, "utf-8")
        XCTAssertEqual(response.text, "<p>Sở Nội vụ</p>")
        XCTAssertEqual(response.remoteAddress, "127.0.0.1")
        XCTAssertTrue(response.requestHeaderBlock.hasPrefix("GET /gioi-thieu?a=1 HTTP/1.1\r\n"), response.requestHeaderBlock)
        XCTAssertTrue(response.requestHeaderBlock.contains("User-Agent: portal-audit/0.1 (+mailto:audit@example.invalid)\r\n"))
        XCTAssertTrue(response.requestHeaderBlock.contains("X-Audit: 1\r\n"))
        XCTAssertTrue(response.requestHeaderBlock.hasSuffix("\r\n\r\n"))
        let sent = try XCTUnwrap(log.all.first)
        XCTAssertEqual(sent.headers.first { $0.name.lowercased() == "x-audit" }?.value, "1")
    }

    func testRedirectChainIsFollowedAndRecorded() async throws {
        let other = try startServer(self) { request in .html("<p>cuối \(request.path)</p>") }
        let otherBase = other.baseURL
        let server = try startServer(self) { request in
            switch request.path {
            case "/r1": return SiteResponse(status: 301, headers: [("Location", "r2")])
            case "/r2": return SiteResponse(status: 302, headers: [("Location", otherBase + "/final")])
            default: return .notFound
            }
        }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/r1")).get()
        XCTAssertEqual(response.requestURL, server.baseURL + "/r1")
        XCTAssertEqual(response.url, otherBase + "/final")
        XCTAssertEqual(response.text, "<p>cuối /final</p>")
        XCTAssertEqual(response.redirects.map(\.status), [301, 302])
        XCTAssertEqual(response.redirects.map(\.location), ["r2", otherBase + "/final"])
        XCTAssertEqual(response.redirects.map(\.url), [server.baseURL + "/r1", server.baseURL + "/r2"])
        XCTAssertTrue(response.requestHeaderBlock.hasPrefix("GET /final HTTP/1.1\r\n"))
    }

    func testRedirectLoopAndTooManyHopsAreRedirectLoops() async throws {
        let log = RequestLog()
        let server = try startServer(self) { request in
            log.record(request)
            if request.path == "/a" { return SiteResponse(status: 302, headers: [("Location", "/b")]) }
            if request.path == "/b" { return SiteResponse(status: 302, headers: [("Location", "/a")]) }
            let step = Int(request.path.dropFirst("/n/".count)) ?? 0
            return SiteResponse(status: 307, headers: [("Location", "/n/\(step + 1)")])
        }
        await withTestFetcher({ $0.maxRedirects = 3 }) { fetcher in
            let loop = await fetcher.fetch(FetchRequest(url: server.baseURL + "/a")).failure
            XCTAssertEqual(loop?.kind, .redirectLoop)
            XCTAssertEqual(loop?.response?.redirects.count, 1)

            let endless = await fetcher.fetch(FetchRequest(url: server.baseURL + "/n/0")).failure
            XCTAssertEqual(endless?.kind, .redirectLoop)
            XCTAssertEqual(log.all.filter { $0.uri.hasPrefix("/n/") }.count, 4, "the start and 3 followed redirects")
            XCTAssertEqual(fetcher.statistics(host: hostKey(server)).errors[.redirectLoop], 2)
        }
    }

    func testOnlyHTTPSchemesAreFetchedOrFollowed() async throws {
        let server = try startServer(self) { _ in SiteResponse(status: 302, headers: [("Location", "ftp://files.example/x.pdf")]) }
        await withTestFetcher { fetcher in
            let redirect = await fetcher.fetch(FetchRequest(url: server.baseURL + "/download")).failure
            XCTAssertEqual(redirect?.kind, .scheme)
            XCTAssertEqual(redirect?.response?.status, 302)
            let direct = await fetcher.fetch(FetchRequest(url: "ftp://files.example/x.pdf")).failure
            XCTAssertEqual(direct?.kind, .scheme)
            let file = await fetcher.fetch(FetchRequest(url: "file:///etc/passwd")).failure
            XCTAssertEqual(file?.kind, .scheme)
        }
    }

    func testErrorStatusesAreFailuresCarryingTheResponseAndOnlyServerErrorsAreRetried() async throws {
        let log = RequestLog()
        let server = try startServer(self) { request in
            log.record(request)
            switch request.path {
            case "/missing": return .html("<h1>Không tìm thấy</h1>", status: 404)
            case "/blocked": return .html("<h1>Forbidden</h1>", status: 403)
            default: return .html("<h1>Lỗi</h1>", status: 500)
            }
        }
        await withTestFetcher({ $0.maxRetries = 2 }) { fetcher in
            for (path, status) in [("/missing", 404), ("/blocked", 403), ("/broken", 500)] {
                let error = await fetcher.fetch(FetchRequest(url: server.baseURL + path)).failure
                XCTAssertEqual(error?.kind, .httpStatus, path)
                XCTAssertEqual(error?.status, status, path)
                XCTAssertEqual(error?.response?.status, status, path)
                XCTAssertNotNil(error?.response?.text?.contains("<h1>"), path)
            }
            XCTAssertEqual(log.count("/missing"), 1)
            XCTAssertEqual(log.count("/blocked"), 1)
            XCTAssertEqual(log.count("/broken"), 3, "first attempt and 2 retries")
            let statistics = fetcher.statistics(host: hostKey(server))
            XCTAssertEqual(statistics.retries, 2)
            XCTAssertEqual(statistics.errors[.httpStatus], 3)
            XCTAssertEqual(statistics.requests, 5)
        }
    }

    func testConditionalRequestGets304AsSuccess() async throws {
        let server = try startServer(self) { request in
            if request.header("If-None-Match") == "\"v1\"" { return SiteResponse(status: 304, headers: [("ETag", "\"v1\"")]) }
            return SiteResponse(headers: [("ETag", "\"v1\""), ("Content-Type", "text/html")], body: .bytes(Array("<p>x</p>".utf8)))
        }
        try await withTestFetcher { fetcher in
            let first = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/")).get()
            let etag = try XCTUnwrap(first.header("ETag"))
            let second = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/", headers: [("If-None-Match", etag)])).get()
            XCTAssertEqual(second.status, 304)
            XCTAssertTrue(second.body.isEmpty)
        }
    }

    func testStalledServerTimesOutAndTimeoutsAreRetried() async throws {
        let log = RequestLog()
        let server = try startServer(self) { request in
            log.record(request)
            return SiteResponse(body: .stall)
        }
        await withTestFetcher({
            $0.totalTimeoutSeconds = 1
            $0.maxRetries = 1
        }) { fetcher in
            let error = await fetcher.fetch(FetchRequest(url: server.baseURL + "/stall")).failure
            XCTAssertEqual(error?.kind, .timeout)
            XCTAssertEqual(log.count("/stall"), 2)
        }
    }

    func testSlowDripBelowTheLowSpeedLimitTimesOut() async throws {
        // 10 bytes every 400 ms for 12 s, far below 1000 B/s.
        let chunks = (0..<30).map { _ in (delayMilliseconds: 400, bytes: Array(repeating: UInt8(ascii: "x"), count: 10)) }
        let server = try startServer(self) { _ in SiteResponse(headers: [("Content-Type", "text/plain")], body: .chunks(chunks)) }
        await withTestFetcher({
            $0.lowSpeedBytesPerSecond = 1000
            $0.lowSpeedSeconds = 1
            $0.maxRetries = 0
        }) { fetcher in
            let started = Date()
            let error = await fetcher.fetch(FetchRequest(url: server.baseURL + "/drip")).failure
            XCTAssertEqual(error?.kind, .timeout)
            XCTAssertLessThan(Date().timeIntervalSince(started), 8, "aborted well before the drip ends")
        }
    }

    func testLargeBodyIsCutAtTheCap() async throws {
        let block = (0..<250).map { UInt8($0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20_000_000)
        for _ in 0..<80_000 { bytes.append(contentsOf: block) }
        let body = bytes
        let server = try startServer(self) { _ in
            SiteResponse(headers: [("Content-Type", "application/octet-stream")], body: .bytes(body))
        }
        try await withTestFetcher({ $0.maxBodyBytes = 10_000_000 }) { fetcher in
            let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/big.bin")).get()
            XCTAssertTrue(response.truncated)
            XCTAssertEqual(response.body.count, 10_000_000)
            XCTAssertEqual(response.body, Data(body.prefix(10_000_000)))
            XCTAssertNil(response.text)

            let again = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/big.bin")).map(\.truncated).get()
            XCTAssertTrue(again, "a reused handle still cuts")
        }
    }

    func testGzipEncodedResponseIsDecoded() async throws {
        let page = String(repeating: "<p>Ủy ban nhân dân tỉnh Sơn La</p>\n", count: 200)
        let compressed = try gzipped(Data(page.utf8))
        let log = RequestLog()
        let server = try startServer(self) { request in
            log.record(request)
            return SiteResponse(headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                                body: .bytes(Array(compressed)))
        }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/")).get()
        XCTAssertLessThan(compressed.count, page.utf8.count / 4)
        XCTAssertEqual(response.body, Data(page.utf8))
        XCTAssertEqual(response.text, page)
        let acceptEncoding = log.all.first?.headers.first { $0.name.lowercased() == "accept-encoding" }?.value ?? ""
        XCTAssertTrue(acceptEncoding.contains("gzip"), acceptEncoding)
    }

    func testConnectionResetIsANetworkError() async throws {
        let server = try startServer(self) { _ in
            SiteResponse(headers: [("Content-Type", "text/html")], body: .resetAfter(Array("<html><body>".utf8)))
        }
        let error = await fetchOnce(FetchRequest(url: server.baseURL + "/"), { $0.maxRetries = 0 }).failure
        XCTAssertEqual(error?.kind, .network)
    }

    func testRefusedConnectionAndUnknownHost() async throws {
        let closed = try SiteServer.start { _ in .notFound }
        let port = closed.port
        closed.stop()
        await withTestFetcher { fetcher in
            let refused = await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:\(port)/")).failure
            XCTAssertEqual(refused?.kind, .refused, refused?.message ?? "")
            let unknown = await fetcher.fetch(FetchRequest(url: "http://nonexistent.invalid/")).failure
            XCTAssertEqual(unknown?.kind, .dns, unknown?.message ?? "")
            XCTAssertEqual(fetcher.statistics(host: "nonexistent.invalid:80").errors[.dns], 1)
        }
    }

    func testCancellingTheTaskEndsRunningAndQueuedFetches() async throws {
        let log = RequestLog()
        let arrived = DispatchSemaphore(value: 0)
        let server = try startServer(self) { request in
            log.record(request)
            arrived.signal()
            return SiteResponse(body: .stall)
        }
        await withTestFetcher({
            $0.perHostConnections = 1
            $0.totalTimeoutSeconds = 60
        }) { fetcher in
            let started = Date()
            let running = Task { await fetcher.fetch(FetchRequest(url: server.baseURL + "/running")) }
            // The second fetch is made only once the first holds the host's one connection.
            let reached = await Task.detached { arrived.wait(timeout: .now() + 30) }.value
            XCTAssertEqual(reached, .success, "the first fetch never reached the server")
            let queued = Task { await fetcher.fetch(FetchRequest(url: server.baseURL + "/queued")) }
            running.cancel()
            queued.cancel()
            let results = [await running.value, await queued.value]
            XCTAssertEqual(results.map { $0.failure?.message }, ["cancelled", "cancelled"])
            XCTAssertLessThan(Date().timeIntervalSince(started), 30, "well before the 60 s timeout")
            XCTAssertEqual(log.all.map(\.uri), ["/running"], "the queued fetch never started")
            XCTAssertEqual(fetcher.statistics(host: hostKey(server)).errors, [:])
        }
    }

    func testAFetcherUsedAfterItsScopeFailsItsFetches() async throws {
        let escaped = await withTestFetcher { $0 }
        let error = await escaped.fetch(FetchRequest(url: "http://127.0.0.1:1/")).failure
        XCTAssertEqual(error?.kind, .network)
        XCTAssertEqual(error?.message, "fetcher shut down")
    }
}

final class HostKeyTests: XCTestCase {
    func testHostKeyHasTheDefaultPortAndLowercaseHost() {
        XCTAssertEqual(Fetcher.hostKey(for: "https://SonLa.gov.vn/tin-tuc"), "sonla.gov.vn:443")
        XCTAssertEqual(Fetcher.hostKey(for: "http://127.0.0.1:8080/x"), "127.0.0.1:8080")
        XCTAssertNil(Fetcher.hostKey(for: "mailto:vanphong@sonla.gov.vn"))
    }
}
