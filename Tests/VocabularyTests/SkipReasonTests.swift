import Foundation
import Vocabulary
import XCTest

final class SkipReasonTests: XCTestCase {
    /// measurements.json keeps `fetch.skipped` as an object keyed by the reasons' words.
    func testCountsByReasonAreAnObjectKeyedByTheWords() throws {
        let counts: [SkipReason: Int] = [.calendarTrap: 1, .budget: 41, .scope: 2]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(counts), as: UTF8.self)
        XCTAssertEqual(json, #"{"budget":41,"scope":2,"trap-calendar":1}"#)
        XCTAssertEqual(try JSONDecoder().decode([SkipReason: Int].self, from: Data(json.utf8)), counts)
    }
}
