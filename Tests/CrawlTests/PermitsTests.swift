@testable import Crawl
import XCTest

final class PermitsTests: XCTestCase {
    /// Parsing ahead never takes the permits kept for the crawl loops, and a
    /// permit given back goes to the loop waiting for it before anyone else.
    func testTryTakeLeavesTheReserveAndWaitersComeFirst() async {
        let permits = Permits(3)
        XCTAssertTrue(permits.tryTake(leaving: 1))
        XCTAssertTrue(permits.tryTake(leaving: 1))
        XCTAssertFalse(permits.tryTake(leaving: 1), "the last permit is kept")
        await permits.take()  // a loop takes the kept one
        let waiter = Task { await permits.take() }
        while permits.waiting == 0 { await Task.yield() }
        permits.give()
        XCTAssertFalse(permits.tryTake(), "the permit given back went to the waiter")
        await waiter.value
        XCTAssertEqual(permits.waiting, 0)
        permits.give()
        XCTAssertTrue(permits.tryTake())
    }
}
