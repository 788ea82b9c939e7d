import Fetch
import Foundation
import SiteServer
import Synchronization
import TestSupport
import XCTest

/// Per-host scheduling measured at the server: arrival times of requests.
final class PolitenessTests: XCTestCase {
    func testConnectionLimitPerHostIsNeverExceeded() async throws {
        let log = RequestLog()
        // Each answer takes 300 ms, so requests in flight together arrive within 300 ms.
        let server = try startServer(self) { request in
            log.record(request)
            return SiteResponse(headers: [("Content-Type", "text/plain")], body: .bytes(Array("ok".utf8)), delayMilliseconds: 300)
        }
        await withTestFetcher({ $0.perHostConnections = 8 }) { fetcher in
            fetcher.setHostPolicy(host: hostKey(server), connections: 2)
            let results = await fetchAll(fetcher, (0..<10).map { server.baseURL + "/p\($0)" })
            XCTAssertEqual(results.filter { $0.success != nil }.count, 10)
            XCTAssertEqual(log.all.count, 10)
            XCTAssertEqual(log.peakOverlap(window: 0.3), 2)
        }
    }

    func testOneConnectionRestsTheDelayAndPolicyOverride() async throws {
        let spacedLog = RequestLog(), freeLog = RequestLog()
        let spaced = try startServer(self) { request in
            spacedLog.record(request)
            return .text("ok")
        }
        let free = try startServer(self) { request in
            freeLog.record(request)
            return .text("ok")
        }
        await withTestFetcher({
            $0.perHostConnections = 1
            $0.perHostDelayMilliseconds = 400
        }) { fetcher in
            fetcher.setHostPolicy(host: hostKey(free), delayMilliseconds: 0)
            let urls = (0..<5).flatMap { [spaced.baseURL + "/d\($0)", free.baseURL + "/d\($0)"] }
            let results = await fetchAll(fetcher, urls)
            XCTAssertEqual(results.filter { $0.success != nil }.count, 10)
            XCTAssertGreaterThanOrEqual(spacedLog.smallestGap, 0.3)
            let spacedTimes = spacedLog.all.map(\.time)
            XCTAssertGreaterThanOrEqual((spacedTimes.max() ?? 0) - (spacedTimes.min() ?? 0), 1.5, "4 rests of 400 ms")
            XCTAssertLessThan(freeLog.smallestGap, 0.2, "no delay on the overridden host")
        }
    }

    func testEachConnectionRestsTheDelayAfterItsOwnResponse() async throws {
        let log = RequestLog()
        let latency = 0.05, delay = 0.5, count = 12
        let server = try startServer(self) { request in
            log.record(request)
            return SiteResponse(headers: [("Content-Type", "text/plain")], body: .bytes(Array("ok".utf8)),
                                delayMilliseconds: Int(latency * 1000))
        }
        try await withTestFetcher({
            $0.perHostConnections = 2
            $0.perHostDelayMilliseconds = Int(delay * 1000)
        }) { fetcher in
            let begin = monotonicSeconds()
            let results = await fetchAll(fetcher, (0..<count).map { server.baseURL + "/r\($0)" })
            let elapsed = monotonicSeconds() - begin
            XCTAssertEqual(results.filter { $0.success?.status == 200 }.count, count)
            XCTAssertEqual(log.all.count, count)
            // Requests in flight together reach the server within one latency.
            XCTAssertLessThanOrEqual(log.peakOverlap(window: latency), 2, "never more than the 2 connections")
            XCTAssertLessThanOrEqual(log.peakOverlap(window: delay), 3, "each connection rests the delay (+1 for arrival jitter)")
            // Two connections each rest after every answer: count / 2 - 1 rests at least.
            let lastArrival = try XCTUnwrap(log.all.map(\.time).max())
            XCTAssertGreaterThanOrEqual(lastArrival - begin, Double(count / 2 - 1) * delay)
            // One start per delay over the host (the old meaning) would take count × delay.
            XCTAssertLessThan(elapsed, 0.75 * Double(count) * delay, "the connections rest in parallel")
        }
    }

    func testRetryAfterAsHTTPDatePausesTheHost() async throws {
        let log = RequestLog()
        let firstHit = FirstHit()
        let server = try startServer(self) { request in
            log.record(request)
            guard firstHit.claim() else { return .text("ok") }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            return SiteResponse(status: 503, headers: [("Retry-After", formatter.string(from: Date().addingTimeInterval(3)))])
        }
        await withTestFetcher({ $0.maxRetries = 1 }) { fetcher in
            let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/busy"))
            XCTAssertEqual(response.success?.status, 200)
            XCTAssertEqual(fetcher.statistics(host: hostKey(server)).slowdowns, 1)
            let times = log.times("/busy")
            XCTAssertEqual(times.count, 2)
            // Whole-second dates: a 3 s date pauses for more than 2 s.
            XCTAssertGreaterThanOrEqual(times[1] - times[0], 1.9)
        }
    }

    func testRetryAfterPausesTheWholeHost() async throws {
        let log = RequestLog()
        let firstHit = FirstHit()
        let server = try startServer(self) { request in
            log.record(request)
            if request.path == "/limited", firstHit.claim() {
                return SiteResponse(status: 429, headers: [("Retry-After", "2")])
            }
            return .text("ok \(request.path)")
        }
        try await withTestFetcher({ $0.maxRetries = 1 }) { fetcher in
            let key = hostKey(server)
            async let limited = fetcher.fetch(FetchRequest(url: server.baseURL + "/limited"))
            // Wait until the 429 has been seen by the fetcher, then ask for other pages of the host.
            for _ in 0..<200 where fetcher.statistics(host: key).slowdowns == 0 {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            XCTAssertEqual(fetcher.statistics(host: key).slowdowns, 1)
            let others = await fetchAll(fetcher, [server.baseURL + "/a", server.baseURL + "/b"])
            let retried = await limited
            XCTAssertEqual(retried.success?.status, 200)
            XCTAssertEqual(others.compactMap { $0.success?.status }, [200, 200])

            let pausedAt = try XCTUnwrap(log.times("/limited").first)
            let later = log.all.filter { $0.time > pausedAt }
            XCTAssertEqual(later.count, 3, "the retry and both other pages")
            for entry in later {
                XCTAssertGreaterThanOrEqual(entry.time - pausedAt, 1.9, entry.uri)
            }
            XCTAssertEqual(fetcher.statistics(host: key).retries, 1)
        }
    }

    func testManyConcurrentTransfersAcrossHosts() async throws {
        let logs = (0..<4).map { _ in RequestLog() }
        let servers = try logs.map { log in
            try startServer(self) { request in
                log.record(request)
                return SiteResponse(headers: [("Content-Type", "text/plain")], body: .bytes(Array("trang \(request.path)".utf8)),
                                    delayMilliseconds: 20)
            }
        }
        await withTestFetcher({ $0.perHostConnections = 4 }) { fetcher in
            let urls = servers.flatMap { server in (0..<50).map { server.baseURL + "/item/\($0)" } }
            let results = await fetchAll(fetcher, urls)
            XCTAssertEqual(results.count, 200)
            for (url, result) in zip(urls, results) {
                XCTAssertEqual(result.success?.text, "trang " + (URL(string: url)?.path ?? ""))
            }
            for (server, log) in zip(servers, logs) {
                XCTAssertEqual(fetcher.statistics(host: hostKey(server)).requests, 50)
                XCTAssertLessThanOrEqual(log.peakOverlap(window: 0.02), 4)
            }
        }
    }

    private func fetchAll(_ fetcher: Fetcher, _ urls: [String]) async -> [FetchResult] {
        await withTaskGroup(of: (Int, FetchResult).self) { group in
            for (index, url) in urls.enumerated() {
                group.addTask { (index, await fetcher.fetch(FetchRequest(url: url))) }
            }
            var results = [FetchResult?](repeating: nil, count: urls.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }
}

/// True for the first caller only.
private final class FirstHit: Sendable {
    private let taken = Mutex(false)

    func claim() -> Bool {
        taken.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }
}
