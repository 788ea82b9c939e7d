import Audit
import Crawl
import Detect
import Fetch
import Foundation
import Measure
import SiteServer
import Synchronization
import TestSupport
import Vocabulary
import XCTest

/// Every transport fault a portal can show, crawled together over real
/// HTTP(S) by the real MeasurementRun: each target ends with a clear status
/// and reason, what could not be seen stays "inconclusive", and one broken
/// portal never holds up the healthy ones.
final class FaultSuiteTests: XCTestCase {
    static let timeBoxSeconds = 10.0

    /// Short timeouts so that the faults show quickly; the shape of the run is the real one.
    static func faultOptions(caPath: String?) -> MeasurementRun.Options {
        var options = MeasurementRun.Options(year: 2020)
        options.fetch.connectTimeoutSeconds = 2
        options.fetch.totalTimeoutSeconds = 3
        options.fetch.lowSpeedBytesPerSecond = 100
        options.fetch.lowSpeedSeconds = 2
        options.fetch.retryBackoffSeconds = 0.2
        options.fetch.retryAfterCapSeconds = 1
        options.fetch.perHostDelayMilliseconds = 0
        options.fetch.caCertificatesPath = caPath
        options.settings.delayMilliseconds = 0
        options.settings.targetTimeBoxSeconds = timeBoxSeconds
        options.parallelTargets = 16
        return options
    }

    func testEveryFaultEndsInAClearStatusAndNeverDelaysTheHealthyPortal() async throws {
        let selfSigned = try TLSServer(.selfSigned)
        defer { selfSigned.stop() }
        let expired = try TLSServer(.expired)
        defer { expired.stop() }
        var servers: [SiteServer] = []
        defer { servers.forEach { $0.stop() } }
        func serve(_ handler: @escaping SiteHandler) throws -> String {
            let server = try SiteServer.start(handler: handler)
            servers.append(server)
            return server.baseURL + "/"
        }
        // id → (portal, expected status, a word the reason must contain)
        let cases: [(id: String, portal: String, status: CrawlStatus, reason: String?)] = [
            ("healthy", try serve(FaultSite.healthy), .ok, nil),
            ("refused", "http://127.0.0.1:\(try unusedPort())/", .unreachable, "refused"),
            ("dns", "http://cong-khong-ton-tai.invalid/", .unreachable, "dns"),
            ("tls-self-signed", selfSigned.baseURL + "/", .unreachable, "tls"),
            ("tls-expired", expired.baseURL + "/", .unreachable, "tls"),
            ("stall", try serve(FaultSite.stall), .unreachable, "hết thời gian"),
            ("slow-drip", try serve(FaultSite.slowDrip), .unreachable, "hết thời gian"),
            ("reset-mid-body", try serve(FaultSite.resetMidBody), .unreachable, "network"),
            ("burst-5xx", try serve(FaultSite.burstOf5xx()), .ok, nil),
            ("storm-429", try serve(FaultSite.storm429), .unreachable, "HTTP 429"),
            ("redirect-loop", try serve(FaultSite.redirectLoop), .unreachable, "redirect-loop"),
            ("redirect-ftp", try serve(FaultSite.redirectToOtherScheme), .unreachable, "scheme"),
            ("truncated-gzip", try serve(FaultSite.truncatedGzip()), .unreachable, "network"),
        ]
        let targets = cases.map { CrawlTarget(id: $0.id, name: "Cổng \($0.id)", tier: .province, portal: $0.portal) }
        let finished = FinishTimes()
        let started = Date()
        let run = MeasurementRun(options: Self.faultOptions(caPath: expired.caPath), rules: try RuleSet.load(named: "nd-43-2011"),
                                 policy: try URLPolicy.bundled(), log: { finished.note($0, since: started) })
        let out = makeTemporaryFolder("faults")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = try await run.measure(targets, out: out, keepingPages: false).file

        let measured = Dictionary(uniqueKeysWithValues: file.targets.map { ($0.id, $0) })
        XCTAssertEqual(measured.count, cases.count, "every target has its line in measurements.json")
        var report = [String]()
        for expectation in cases {
            guard let target = measured[expectation.id] else { XCTFail("\(expectation.id) missing"); continue }
            report.append("\(expectation.id): \(target.status.rawValue) — \(target.reason ?? "") — \(target.fetch.errors)")
            XCTAssertEqual(target.status, expectation.status, "\(expectation.id): \(target.reason ?? "")")
            if let word = expectation.reason {
                XCTAssertTrue(target.reason?.contains(word) == true, "\(expectation.id): reason `\(target.reason ?? "")` should name \(word)")
                // Nothing was seen, so nothing may be declared absent.
                XCTAssertFalse(target.findings.sections.isEmpty)
                XCTAssertEqual(target.findings.sections.filter { $0.state != .inconclusive }.map(\.item), [],
                               "\(expectation.id): sections of an unreachable portal must be inconclusive")
            } else {
                XCTAssertEqual(target.pagesFetched, 4, "\(expectation.id) crawls its four pages")
            }
        }
        print(report.joined(separator: "\n"))

        // Each target stays inside its own time box (plus the in-flight transfer's end) ...
        let seconds = finished.snapshot()
        print(seconds.sorted { $0.value < $1.value }.map { "\($0.key) ended after \(String(format: "%.1f", $0.value)) s" }.joined(separator: "\n"))
        for (id, time) in seconds {
            XCTAssertLessThan(time, Self.timeBoxSeconds * 2, "\(id) overran its time box")
        }
        // ... and the healthy portal finishes long before the stalled one ends its box.
        let healthy = try XCTUnwrap(seconds["healthy"]), stalled = try XCTUnwrap(seconds["stall"])
        XCTAssertLessThan(healthy, stalled / 2, "healthy \(healthy) s, stall \(stalled) s")
        XCTAssertGreaterThanOrEqual(stalled, Self.timeBoxSeconds * 0.9, "the stalled portal is cut by its time box, not earlier")
        XCTAssertLessThan(peakResidentMegabytes(), 600)
    }

    func testTLSFailuresAreTLSErrorsAndATrustedCertificateIsFetched() async throws {
        let valid = try TLSServer(.valid)
        defer { valid.stop() }
        let expired = try TLSServer(.expired)
        defer { expired.stop() }
        var configuration = Self.faultOptions(caPath: valid.caPath).fetch
        configuration.maxRetries = 0
        try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            // The control: the same CA setup with an unexpired certificate works.
            let good = await fetcher.fetch(FetchRequest(url: valid.baseURL + "/"))
            XCTAssertEqual(try good.get().status, 200)
            // The expired one is trusted by a different test CA; configure that one.
            var expiredConfiguration = configuration
            expiredConfiguration.caCertificatesPath = expired.caPath
            let refused = await Fetcher.withFetcher(configuration: expiredConfiguration) { strict in
                await strict.fetch(FetchRequest(url: expired.baseURL + "/"))
            }
            guard case .failure(let error) = refused else { return XCTFail("an expired certificate must be refused") }
            XCTAssertEqual(error.kind, .tls)
            XCTAssertTrue(error.message.lowercased().contains("expired"), error.message)
        }
    }
}

/// When each target's line appeared in the run's log, in seconds from the start.
final class FinishTimes: Sendable {
    private let times = Mutex<[String: Double]>([:])

    /// MeasurementRun logs "<id>: <status>, <n> trang" as each target ends.
    func note(_ line: String, since start: Date) {
        guard line.hasSuffix(" trang"), let colon = line.firstIndex(of: ":") else { return }
        let id = String(line[..<colon])
        times.withLock { times in if times[id] == nil { times[id] = Date().timeIntervalSince(start) } }
    }

    func snapshot() -> [String: Double] { times.withLock { $0 } }
}

final class TimeBoxProbeTests: XCTestCase {
    /// A portal whose home page answers and whose other pages stall uses its whole
    /// time box on the crawl: it is not probed after it (the home page is asked for
    /// once, by the crawl), and its transport checks stay inconclusive.
    func testAPortalThatUsedItsTimeBoxIsNotProbedAfterIt() async throws {
        let log = RequestLog()
        let server = try SiteServer.start { request in
            log.record(request)
            switch request.path {
            case "/": return .html("<html><head><title>Cổng xã</title></head><body><a href=\"/tin-tuc\">Tin tức</a></body></html>")
            case "/tin-tuc": return SiteResponse(body: .stall)
            default: return SiteResponse(status: 404)
            }
        }
        defer { server.stop() }
        var options = FaultSuiteTests.faultOptions(caPath: nil)
        options.settings.targetTimeBoxSeconds = 2
        options.fetch.totalTimeoutSeconds = 30
        options.fetch.lowSpeedSeconds = 30
        let run = MeasurementRun(options: options, rules: try RuleSet.load(named: "nd-43-2011"), policy: try URLPolicy.bundled(), log: { _ in })
        let out = makeTemporaryFolder("time-box-probe")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = try await run.measure([CrawlTarget(id: "xa-cham", name: "Cổng xã chậm", tier: .province, portal: server.baseURL + "/")], out: out, keepingPages: false).file
        let target = try XCTUnwrap(file.targets.first)
        XCTAssertEqual(target.status, .partial, target.reason ?? "")
        XCTAssertEqual(log.count("/"), 1, "\(log.all.map(\.uri))")
        let health = try XCTUnwrap(target.health)
        XCTAssertEqual(health.https.state, .inconclusive)
        XCTAssertEqual(health.headers.state, .inconclusive)
    }
}
