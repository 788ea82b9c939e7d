import Foundation
@testable import Store
import Vocabulary
import XCTest

/// A fresh database file per test, and nights built from a few facts.
class StoreTestCase: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("history.sqlite").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    static let firstNight = Date(timeIntervalSince1970: 1_607_997_600) // 2020-12-15 02:00 UTC

    func night(_ number: Int, _ agencies: [AgencyNight]) -> NightRecord {
        let start = Self.firstNight.addingTimeInterval(Double(number - 1) * 86_400)
        return NightRecord(runID: "night-\(number)", startedAt: start, finishedAt: start.addingTimeInterval(3_600),
                           year: 2020, rules: "nd43-2011", agencies: agencies)
    }

    func agency(_ id: String = "so-noi-vu", status: CrawlStatus = .ok, items: [String: String], news: Int? = nil,
                reported: [String: Double] = [:]) -> AgencyNight {
        AgencyNight(id: id, name: "Sở Nội vụ", tier: .province, status: status, pagesFetched: 10,
                    items: items.keys.sorted().map { ItemFinding(item: $0, state: ItemState(rawValue: items[$0]!)!) }, counts: news.map { ["news": $0] } ?? [:], reported: reported)
    }
}
