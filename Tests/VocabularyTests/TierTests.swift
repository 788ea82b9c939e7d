import Foundation
import Vocabulary
import XCTest

final class TierTests: XCTestCase {
    /// A tier is whatever slug the data declares, not only the bundled three.
    func testAnyAsciiSlugIsATierAndNothingElse() {
        XCTAssertEqual(Tier(rawValue: "ban-quan-ly")?.rawValue, "ban-quan-ly")
        XCTAssertEqual(Tier(rawValue: "commune"), .commune)
        for refused in ["", "Xã", "xã", "a--b", "-a", "a-", "a b", "A"] {
            XCTAssertNil(Tier(rawValue: refused), refused)
        }
    }

    /// Files keep storing the bare id: measurements.json and the reports must not change shape.
    func testCodableAsTheBareId() throws {
        let data = try JSONEncoder().encode(["tier": Tier.province])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"tier":"province"}"#)
        XCTAssertEqual(try JSONDecoder().decode([String: Tier].self, from: Data(#"{"tier":"ban-quan-ly"}"#.utf8))["tier"]?.rawValue,
                       "ban-quan-ly")
        XCTAssertThrowsError(try JSONDecoder().decode([String: Tier].self, from: Data(#"{"tier":"Cấp tỉnh"}"#.utf8)))
    }
}
