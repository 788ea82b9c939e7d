@testable import Audit
import Foundation
import XCTest

final class AnalysisLaneTests: XCTestCase {
    /// Work runs in submission order, and a full lane holds the submitter
    /// back until a slot is free: the crawl cannot run ahead of the analysis.
    func testFullLaneHoldsTheSubmitterAndKeepsOrder() async throws {
        let lane = AnalysisLane(label: "test", slots: PageSlots(2))
        let gate = DispatchSemaphore(value: 0)
        let log = Log()
        await lane.submit { gate.wait(); log.add("a") }
        await lane.submit { log.add("b") }
        let third = Task {
            await lane.submit { log.add("c") }
            log.add("third submitted")
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(log.entries, [], "the third page waits while two are queued")
        gate.signal()
        await third.value
        await lane.drain()
        XCTAssertEqual(log.entries.filter { $0.count == 1 }, ["a", "b", "c"])
        XCTAssertLessThan(log.entries.firstIndex(of: "a")!, log.entries.firstIndex(of: "third submitted")!)
    }

    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var entries: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}
