import Foundation
import Report
import XCTest
@testable import Store
import Vocabulary

/// Portal health in the history: injected content is a critical flag the night
/// it is seen; a section stale two nights in a row is flagged; a night whose
/// check could not be made leaves the open flag alone.
final class HealthFlagTests: StoreTestCase {
    func health(injected: CheckState, hits: Int = 0, freshness: CheckState = .ok, stale: [HealthNight.StaleSection] = []) -> HealthNight {
        HealthNight(checks: [HealthNight.Check(id: .injectedContent, state: injected, summary: ""),
                             HealthNight.Check(id: .freshness, state: freshness, summary: "")],
                    injectedHitCount: hits,
                    injectedEvidence: hits == 0 ? [] : ["http://x/ — «nổ hũ đổi thưởng» (ẩn bằng display:none)"],
                    staleSections: stale)
    }

    func commune(_ health: HealthNight?, status: CrawlStatus = .ok) -> AgencyNight {
        var night = agency("xa-chieng-hoa", status: status, items: [:])
        night.health = health
        return night
    }

    func testInjectedContentIsFlaggedTheFirstNightAndReadBack() throws {
        let store = try Store.open(path: path)
        var outcome = try store.record(night(1, [commune(health(injected: .ok))]))
        XCTAssertEqual(outcome.newFlags, [])

        outcome = try store.record(night(2, [commune(health(injected: .critical, hits: 3))]))
        XCTAssertEqual(outcome.newFlags.map(\.kind), [.injectedContent])
        XCTAssertEqual(outcome.newFlags.first.map { Wording.flag($0.reason) },
                       "NGHIÊM TRỌNG: cổng bị chèn nội dung cờ bạc/quảng cáo (3 vị trí), ví dụ: http://x/ — «nổ hũ đổi thưởng» (ẩn bằng display:none)")
        XCTAssertEqual(try store.night(id: "night-2")?.agencies.first?.health?.injectedHitCount, 3)

        // Could not be scanned tonight: the flag stays open, not closed.
        outcome = try store.record(night(3, [commune(health(injected: .inconclusive))]))
        XCTAssertEqual(outcome.closedFlags, [])
        XCTAssertEqual(try store.openFlags(agency: "xa-chieng-hoa").map(\.kind), [.injectedContent])

        outcome = try store.record(night(4, [commune(health(injected: .ok))]))
        XCTAssertEqual(outcome.closedFlags.map(\.kind), [.injectedContent])
    }

    func testAStaleSectionIsFlaggedOnItsSecondStaleNight() throws {
        let store = try Store.open(path: path)
        let news = HealthNight.StaleSection(id: "tin-tuc", label: "Tin tức, sự kiện", daysSince: 138, newestDate: "15/08/2025", url: nil)
        let stale = commune(health(injected: .ok, freshness: .warning, stale: [news]))
        var outcome = try store.record(night(1, [stale]))
        XCTAssertEqual(outcome.newFlags, [], "one stale night is not yet a problem")
        // A night without health (recorded before it was measured) neither counts nor breaks the run.
        outcome = try store.record(night(2, [commune(nil)]))
        XCTAssertEqual(outcome.newFlags, [])
        outcome = try store.record(night(3, [stale]))
        XCTAssertEqual(outcome.newFlags.map { Wording.flag($0.reason) }, ["Mục Tin tức, sự kiện không cập nhật 138 ngày (mới nhất 15/08/2025)"])
        outcome = try store.record(night(4, [commune(nil)]))
        XCTAssertEqual(outcome.closedFlags, [], "a night that could not judge leaves the flag open")
        outcome = try store.record(night(5, [commune(health(injected: .ok, freshness: .ok))]))
        XCTAssertEqual(outcome.closedFlags.map(\.subject), ["tin-tuc"])
    }
}
