import Audit
import Crawl
import Foundation
import Measure
import SiteServer
import Store
import Synchronization
import TestSupport
import Vocabulary
import XCTest

/// SIGKILL at random moments: during a crawl (the real binary) and during
/// database writes (a child process writing nights). Every rerun completes,
/// evidence ends at a record boundary or has a detectable cut tail, the
/// database passes its integrity check, and no finding is lost or doubled.
final class CrashSafetyTests: XCTestCase {
    /// A generated portal of 1 + 10 + 100 pages, answered with a little latency
    /// so that a crawl lasts long enough to be killed in its middle.
    @Sendable static func treeSite(_ request: SiteRequest) -> SiteResponse {
        var response: SiteResponse
        if request.path == "/robots.txt" || request.path == "/sitemap.xml" {
            response = .notFound
        } else {
            let number = request.path == "/" ? 0 : Int(request.path.dropFirst(3)) ?? -1
            guard number >= 0 else { return .notFound }
            let children = (1...10).map { number * 10 + $0 }.filter { $0 <= 110 }
            let links = children.map { "<li><a href=\"/p/\($0)\">Trang \($0)</a></li>" }.joined()
            response = .html("<html><head><title>Trang \(number)</title></head><body><h1>Trang \(number)</h1><ul>\(links)</ul>"
                + "<p>\(String(repeating: "Nội dung trang thử nghiệm. ", count: 40))</p></body></html>")
        }
        response.delayMilliseconds = 15
        return response
    }

    static let sitePages = 111

    func testCrawlKilledMidwayAlwaysRecovers() throws {
        let holds = HoldSwitch()
        let server = try SiteServer.start { holds.apply(to: Self.treeSite($0)) }
        defer {
            holds.release()
            server.stop()
        }
        let folder = makeTemporaryFolder("crawl-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = folder.appendingPathComponent("targets.yaml")
        try """
            targets:
              - id: so-thu-nghiem
                name: Sở Thử nghiệm
                tier: province
                portal: \(server.baseURL)/
            """.write(to: targets, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("run")
        let evidence = out.appendingPathComponent("evidence/so-thu-nghiem.warc.gz")
        let arguments = ["crawl", "--targets", targets.path, "--out", out.path, "--year", "2020", "--delay-ms", "0", "--per-host", "2"]

        // Each round kills the crawl while it waits for a page, after a different number of
        // answers; every other round then cuts the last record in two, as a kill in the middle
        // of a write leaves it, so the repair is exercised on every run, not by chance.
        for (round, answered) in [5, 25, 50, 80, 105].enumerated() {
            let hold = holds.hold(passing: answered)
            let process = try launch(portalAuditBinary(), arguments)
            XCTAssertTrue(hold.waitUntilHolding(seconds: 120), "round \(round): the crawl never got that far")
            XCTAssertTrue(process.isRunning, "round \(round): a crawl waiting for a page is still running")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            holds.release()
            // What the killed run left: whole records, then at most one cut member.
            var left = try WARCRecovery.scan(evidence)
            if left.hasTruncatedTail {
                let whole = left.records
                left = try WARCRecovery.truncateToLastCompleteRecord(evidence)
                XCTAssertEqual(left.records, whole, "round \(round)")
                XCTAssertFalse(try WARCRecovery.scan(evidence).hasTruncatedTail, "round \(round)")
            }
            XCTAssertGreaterThan(left.records, 1, "round \(round): the answered pages left evidence")
            if round.isMultiple(of: 2) {
                let handle = try FileHandle(forWritingTo: evidence)
                try handle.truncate(atOffset: UInt64(left.validBytes - 7))
                try handle.close()
                let cut = try WARCRecovery.scan(evidence)
                XCTAssertTrue(cut.hasTruncatedTail, "round \(round)")
                let repaired = try WARCRecovery.truncateToLastCompleteRecord(evidence)
                XCTAssertEqual(repaired.records, left.records - 1, "round \(round): only the cut record is dropped")
                XCTAssertFalse(try WARCRecovery.scan(evidence).hasTruncatedTail, "round \(round)")
            }
            // The rerun completes and has everything.
            let rerun = try launch(portalAuditBinary(), arguments)
            rerun.waitUntilExit()
            XCTAssertEqual(rerun.terminationStatus, 0, "round \(round)")
            let file = try MeasurementsFile.decoder().decode(MeasurementsFile.self, from: Data(contentsOf: out.appendingPathComponent("measurements.json")))
            XCTAssertEqual(file.targets.first?.pagesFetched, Self.sitePages, "round \(round): no page lost")
            XCTAssertEqual(file.targets.first?.status, .ok)
            let scan = try WARCRecovery.scan(evidence)
            XCTAssertFalse(scan.hasTruncatedTail, "round \(round)")
            // warcinfo, then robots.txt and sitemap.xml, then each page: response + request.
            XCTAssertEqual(scan.types.filter { $0 == "response" }.count, Self.sitePages + 2, "round \(round): no record lost or doubled")
            XCTAssertEqual(scan.types.filter { $0 == "request" }.count, Self.sitePages + 2)
            let index = try String(contentsOf: out.appendingPathComponent("evidence/so-thu-nghiem.cdxj"), encoding: .utf8)
            XCTAssertEqual(index.split(separator: "\n").count, Self.sitePages + 2)
        }
    }

    func testDatabaseWriterKilledAtRandomMomentsLosesAndDoublesNothing() throws {
        let folder = makeTemporaryFolder("store-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        var random = SeededRandom(seed: UInt64(ProcessInfo.processInfo.environment["RELIABILITY_SEED"] ?? "") ?? 11)
        var kills = 0
        var confirmed = 0
        while confirmed < StoreWriterChild.lastNight {
            let child = try StoreWriterChild.launch(database: path)
            // Let it commit something, then kill it somewhere inside the next nights.
            let printed = child.waitForLine(containing: "recorded", seconds: 60)
            if kills < 6 && printed {
                usleep(UInt32(random.next(in: 0...400)) * 1000)
                kill(child.process.processIdentifier, SIGKILL)
                kills += 1
            }
            child.process.waitUntilExit()
            let committed = child.recordedNights()

            let store = try Store.open(path: path)
            XCTAssertTrue(try store.integrityCheck())
            let latest = try store.latestRun().map { Int($0.id.dropFirst("night-".count))! } ?? 0
            XCTAssertGreaterThanOrEqual(latest, committed.max() ?? 0, "a night the writer saw committed was lost")
            for number in 1...max(1, latest) where latest > 0 {
                XCTAssertEqual(try store.night(id: "night-\(number)"), StoreWriterChild.night(number), "night \(number) after kill \(kills)")
            }
            try store.close()
            confirmed = latest
        }
        XCTAssertGreaterThanOrEqual(kills, 3, "the writer must have been killed several times")
        print("database kills: \(kills), nights kept: \(confirmed)")
    }

    private func launch(_ binary: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// The child process of the database kill test: this test bundle run again
/// with one test selected, writing deterministic nights into the database
/// named by RELIABILITY_STORE_CHILD and saying "recorded night-N" after each
/// commit. Run as a plain test, it is the kill test's control: the same
/// nights written without a kill read back exactly as written.
final class StoreWriterChild: XCTestCase {
    static let environmentKey = "RELIABILITY_STORE_CHILD"
    static let lastNight = 16

    func testWriteNightsWhenRunAsChild() throws {
        let child = ProcessInfo.processInfo.environment[Self.environmentKey]
        let folder = child == nil ? makeTemporaryFolder("store-control") : nil
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let path = child ?? folder!.appendingPathComponent("history.sqlite").path
        let store = try Store.open(path: path)
        let start = (try store.latestRun().map { Int($0.id.dropFirst("night-".count))! } ?? 0) + 1
        guard start <= Self.lastNight else { return }
        for number in start...Self.lastNight {
            try store.record(Self.night(number))
            FileHandle.standardOutput.write(Data("recorded night-\(number)\n".utf8))
        }
        guard child == nil else { return }
        for number in 1...Self.lastNight {
            XCTAssertEqual(try store.night(id: "night-\(number)"), Self.night(number))
        }
    }

    /// Night `number`: 32 agencies, 25 items and 20 pages each, all fixed by the number.
    static func night(_ number: Int) -> NightRecord {
        let start = Date(timeIntervalSince1970: 1_607_997_600 + Double(number - 1) * 86_400)
        let states: [ItemState] = [.present, .absent, .inconclusive]
        let agencies = (0..<32).map { agency in
            AgencyNight(id: "co-quan-\(agency)", name: "Cơ quan \(agency)", tier: agency < 20 ? .province : .district,
                        status: .ok, pagesFetched: 20 + number,
                        items: (0..<25).map { ItemFinding(item: "muc-\($0)", state: states[(agency + $0 + number) % 3],
                                                         url: "https://cq\(agency).sonla.gov.vn/\($0)", evidence: "Mục \($0)") },
                        counts: ["news": number * 3 + agency, "documents": agency],
                        pages: (0..<20).map { PageRecord(url: "https://cq\(agency).sonla.gov.vn/p/\($0)", status: 200,
                                                         contentHash: "h\(number)-\($0)", etag: "\"e\($0)\"") })
        }
        return NightRecord(runID: "night-\(number)", startedAt: start, finishedAt: start.addingTimeInterval(3_600),
                           year: 2020, rules: "nd43-2011", agencies: agencies)
    }

    struct Running {
        let process: Process
        private let output: Pipe
        private let lines: LineCollector

        init(process: Process, output: Pipe) {
            self.process = process
            self.output = output
            lines = LineCollector()
            let collector = lines
            output.fileHandleForReading.readabilityHandler = { handle in collector.append(handle.availableData) }
        }

        func waitForLine(containing text: String, seconds: Double) -> Bool {
            eventually(within: seconds) { lines.text.contains(text) || !process.isRunning }
                && lines.text.contains(text)
        }

        func recordedNights() -> [Int] {
            output.fileHandleForReading.readabilityHandler = nil
            lines.append(output.fileHandleForReading.availableData)
            return lines.text.split(separator: "\n").compactMap { line in
                line.hasPrefix("recorded night-") ? Int(line.dropFirst("recorded night-".count)) : nil
            }
        }
    }

    static func launch(database: String) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        process.arguments = ["ReliabilityTests.StoreWriterChild/testWriteNightsWhenRunAsChild"]
        var environment = ProcessInfo.processInfo.environment
        environment[environmentKey] = database
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return Running(process: process, output: output)
    }
}

final class LineCollector: Sendable {
    private let data = Mutex(Data())

    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}

/// SplitMix64: the same kill moments for the same seed (RELIABILITY_SEED).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
