import Spreadsheet
import XCTest
@testable import Scoring

final class ScoringMethodTests: XCTestCase {
    func testYesNoGivesAllOrNothing() {
        XCTAssertEqual(ScoringMethod.yesNo.points(1, outOf: 3, best: 0), 3)
        XCTAssertEqual(ScoringMethod.yesNo.points(0, outOf: 3, best: 0), 0)
    }

    func testRatioScalesAndCapsAtFullPoints() {
        XCTAssertEqual(ScoringMethod.ratio.points(0.9, outOf: 4, best: 0), 3.6, accuracy: 1e-9)
        XCTAssertEqual(ScoringMethod.ratio.points(1.2, outOf: 4, best: 0), 4)
        XCTAssertEqual(ScoringMethod.ratio.points(-1, outOf: 4, best: 0), 0)
    }

    func testStepsTakeTheFirstStepReached() {
        let method = ScoringMethod.steps([.init(minimum: 0.2, share: 1), .init(minimum: 0.1, share: 0.7), .init(minimum: 0.05, share: 0.4)])
        XCTAssertEqual(method.points(0.25, outOf: 5, best: 0), 5)
        XCTAssertEqual(method.points(0.2, outOf: 5, best: 0), 5)
        XCTAssertEqual(method.points(0.15, outOf: 5, best: 0), 3.5, accuracy: 1e-9)
        XCTAssertEqual(method.points(0.05, outOf: 5, best: 0), 2, accuracy: 1e-9)
        XCTAssertEqual(method.points(0.01, outOf: 5, best: 0), 0)
    }

    func testLinearGrowsUpToTheCap() {
        let method = ScoringMethod.linear(cap: 200)
        XCTAssertEqual(method.points(50, outOf: 4, best: 0), 1)
        XCTAssertEqual(method.points(200, outOf: 4, best: 0), 4)
        XCTAssertEqual(method.points(450, outOf: 4, best: 0), 4)
    }

    func testRelativeToBestNormalisesToTheTiersHighest() {
        XCTAssertEqual(ScoringMethod.relativeToBest.points(25, outOf: 3, best: 100), 0.75)
        XCTAssertEqual(ScoringMethod.relativeToBest.points(100, outOf: 3, best: 100), 3)
        XCTAssertEqual(ScoringMethod.relativeToBest.points(0, outOf: 3, best: 0), 0)
    }

    func testTolerances() {
        XCTAssertTrue(Verification.Tolerance.relative(0.1).allows(reported: 120, measured: 108))
        XCTAssertFalse(Verification.Tolerance.relative(0.1).allows(reported: 120, measured: 100))
        XCTAssertTrue(Verification.Tolerance.absolute(1).allows(reported: 17, measured: 16))
        XCTAssertFalse(Verification.Tolerance.absolute(0).allows(reported: 1, measured: 0.5))
    }

    func testPaperRoundingOfSums() {
        XCTAssertEqual(DecimalText.units(3.25 + 2.8, decimals: 1), 61)  // 6,05 (6,0499… in binary) → 6,1
        XCTAssertEqual(DecimalText.units(4.25, decimals: 1), 43)
        XCTAssertEqual(DecimalText.plain(0.8500000001), "0,85")
        XCTAssertEqual(DecimalText.format(units: 870, decimals: 1), "87,0")
    }
}
