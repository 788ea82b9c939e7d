@testable import Audit
import Crawl
import Detect
import Foundation
@testable import Measure
import Synchronization
import XCTest

final class AnalysisLaneTests: XCTestCase {
    /// Work runs in submission order, and a full lane holds the submitter
    /// back until a slot is free: the crawl cannot run ahead of the analysis.
    func testFullLaneHoldsTheSubmitterAndKeepsOrder() async throws {
        let slots = Permits(2)
        let gate = DispatchSemaphore(value: 0)
        let log = Log()
        let (_, read) = try await AnalysisLane.run(slots: slots, reader: { Probe(gate: gate, log: log) }) { lane in
            await lane.submit(PageInput(url: "a"))
            await lane.submit(PageInput(url: "b"))
            let third = Task {
                await lane.submit(PageInput(url: "c"))
                log.add("third submitted")
            }
            // "a" is being read (held at the gate) and "b" waits in the lane: both slots are taken.
            while slots.waiting == 0 { await Task.yield() }
            XCTAssertFalse(log.entries.contains("third submitted"), "the third page waits while two are queued")
            gate.signal()
            await third.value
            lane.post(LinkOutcome(url: "d", anchor: "", outcome: .skipped("robots")))
            return ((), CrawlCoverage(complete: true))
        }
        XCTAssertEqual(read, ["a", "b", "c", "d"], "pages and link outcomes are read in the order handed over")
        XCTAssertLessThan(log.entries.firstIndex(of: "a")!, log.entries.firstIndex(of: "third submitted")!)
    }

    func testAFailingCrawlStillEndsTheLane() async throws {
        struct Failure: Error {}
        let log = Log()
        do {
            _ = try await AnalysisLane.run(slots: Permits(1), reader: { Probe(gate: nil, log: log) }) { lane -> ((), CrawlCoverage) in
                await lane.submit(PageInput(url: "a"))
                throw Failure()
            }
            XCTFail("the crawl's error is passed on")
        } catch is Failure {}
        XCTAssertEqual(log.entries, ["a"], "what was handed over is read before the lane ends")
    }

    /// Logs what it reads; holds page "a" until the gate opens.
    private final class Probe: PageReader {
        let gate: DispatchSemaphore?
        let log: Log
        var read: [String] = []

        init(gate: DispatchSemaphore?, log: Log) {
            self.gate = gate
            self.log = log
        }

        func consume(_ page: PageInput) {
            if page.url == "a" { gate?.wait() }
            read.append(page.url)
            log.add(page.url)
        }

        func record(_ outcome: LinkOutcome) { read.append(outcome.url) }
        func finish(_ coverage: CrawlCoverage) -> [String] { read }
    }

    private final class Log: Sendable {
        private let items = Mutex<[String]>([])
        func add(_ item: String) { items.withLock { $0.append(item) } }
        var entries: [String] { items.withLock { $0 } }
    }
}
