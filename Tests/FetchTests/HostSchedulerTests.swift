@testable import Fetch
import XCTest

/// The scheduler alone, with explicit times: which requests start when.
final class HostSchedulerTests: XCTestCase {
    private struct Job: HostBoundRequest {
        let id: UInt64
        let hostKey: String
    }

    func testEachSlotRestsTheDelayAfterItsOwnFinish() throws {
        var scheduler = HostScheduler<Job>(connections: 2, delaySeconds: 1, maxInFlight: 10)
        enqueue(&scheduler, ids: 1...6, host: "a")
        XCTAssertEqual(started(&scheduler, at: 0), [1, 2], "a fresh host starts on both slots at once")
        XCTAssertNil(scheduler.secondsUntilNextStart(now: 0), "both slots in flight: only a finish frees one")

        scheduler.finished(hostKey: "a", bodyBytes: 10, now: 0.3)
        XCTAssertEqual(try XCTUnwrap(scheduler.secondsUntilNextStart(now: 0.3)), 1, accuracy: 1e-9)
        scheduler.finished(hostKey: "a", bodyBytes: 20, now: 0.8)
        XCTAssertEqual(try XCTUnwrap(scheduler.secondsUntilNextStart(now: 0.8)), 0.5, accuracy: 1e-9, "the first slot rests until 1.3")
        XCTAssertEqual(started(&scheduler, at: 1.29), [])
        XCTAssertEqual(started(&scheduler, at: 1.3), [3])
        XCTAssertEqual(try XCTUnwrap(scheduler.secondsUntilNextStart(now: 1.3)), 0.5, accuracy: 1e-9, "the second slot rests until 1.8")
        XCTAssertEqual(started(&scheduler, at: 1.79), [])
        XCTAssertEqual(started(&scheduler, at: 1.8), [4])
        XCTAssertNil(scheduler.secondsUntilNextStart(now: 1.8))

        // A Retry-After pause holds both slots beyond their rests.
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 2)
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 2.1)
        scheduler.pause(hostKey: "a", until: 5)
        XCTAssertEqual(try XCTUnwrap(scheduler.secondsUntilNextStart(now: 3.5)), 1.5, accuracy: 1e-9)
        XCTAssertEqual(started(&scheduler, at: 4.9), [])
        XCTAssertEqual(started(&scheduler, at: 5), [5, 6])
        XCTAssertNil(scheduler.secondsUntilNextStart(now: 5), "nothing left to wait for")

        let statistics = scheduler.statistics(hostKey: "a")
        XCTAssertEqual(statistics.requests, 6)
        XCTAssertEqual(statistics.bytes, 30)
        XCTAssertEqual(statistics.slowdowns, 1)
    }

    func testALoweredConnectionLimitWaitsForInFlightToDropBelowIt() {
        var scheduler = HostScheduler<Job>(connections: 3, delaySeconds: 0, maxInFlight: 10)
        enqueue(&scheduler, ids: 1...5, host: "a")
        XCTAssertEqual(started(&scheduler, at: 0), [1, 2, 3])
        scheduler.setPolicy(hostKey: "a", connections: 1, delaySeconds: nil)
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 1)
        XCTAssertEqual(started(&scheduler, at: 1), [], "two still in flight, limit one")
        XCTAssertNil(scheduler.secondsUntilNextStart(now: 1))
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 2)
        XCTAssertEqual(started(&scheduler, at: 2), [])
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 3)
        XCTAssertEqual(started(&scheduler, at: 3), [4])
        XCTAssertEqual(started(&scheduler, at: 4), [])
    }

    func testTheGlobalCapHoldsEveryHostAndTheSkippedHostGoesFirst() {
        var scheduler = HostScheduler<Job>(connections: 2, delaySeconds: 0, maxInFlight: 2)
        enqueue(&scheduler, ids: 1...3, host: "a")
        enqueue(&scheduler, ids: 11...12, host: "b")
        XCTAssertEqual(started(&scheduler, at: 0), [1, 2])
        XCTAssertNil(scheduler.secondsUntilNextStart(now: 0), "at the cap only a finish frees a transfer")
        scheduler.finished(hostKey: "a", bodyBytes: 0, now: 1)
        XCTAssertEqual(try XCTUnwrap(scheduler.secondsUntilNextStart(now: 1)), 0)
        XCTAssertEqual(started(&scheduler, at: 1), [11], "host b waited; it goes before a")
    }

    private func enqueue(_ scheduler: inout HostScheduler<Job>, ids: ClosedRange<UInt64>, host: String) {
        ids.forEach { scheduler.enqueue(Job(id: $0, hostKey: host)) }
    }

    private func started(_ scheduler: inout HostScheduler<Job>, at now: Double) -> [UInt64] {
        scheduler.takeStartable(now: now).map(\.id)
    }
}
