@testable import Crawl
import Foundation
import XCTest

/// targets-2026.yaml: Sơn La after 1/7/2025, with no district tier.
final class Targets2026Tests: XCTestCase {
    func testTheProvinceAndItsSeventyFiveCommunes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let targets = try TargetList.load(root.appendingPathComponent("targets-2026.yaml"))
        let communes = targets.filter { $0.tier == .commune }
        XCTAssertEqual(communes.count, 75)
        XCTAssertEqual(communes.filter { $0.id.hasPrefix("phuong-") }.count, 8)
        XCTAssertEqual(communes.filter { $0.id.hasPrefix("xa-") }.count, 67)
        XCTAssertEqual(targets.filter { $0.tier == .province }.count, 15)
        XCTAssertEqual(targets.filter { $0.tier == .district }.count, 0)
        // Merged away on 1/3/2025: their portals are no targets of their own.
        XCTAssertTrue(Set(targets.map(\.id)).isDisjoint(with: ["so-thong-tin-va-truyen-thong", "so-ke-hoach-va-dau-tu", "ban-dan-toc"]))
        XCTAssertTrue(communes.allSatisfy { !$0.verified }, "no commune address was confirmed")
    }
}
