import Crawl
import Foundation
import TestSupport
import XCTest

/// Serves the held-out corpus (fixtures/holdout-2026: six Sơn La portals of
/// 2025 under Nghị định 42/2022, written by a hand that did not read the
/// detectors), audits it with the real binary for the year 2025, and requires
/// no figure to fall below fixtures/holdout-2026/floors.yaml, scored by
/// tools/platforms/compare.py as for the platform corpus.
final class HoldoutCorpusTests: XCTestCase {
    static let corpus = packageRoot.appendingPathComponent("fixtures/holdout-2026")

    func testHoldoutCorpusStaysAtOrAboveItsFloors() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let (result, _) = try crawlRecordedSites(folder: Self.corpus, targetsFile: Self.corpus.appendingPathComponent("targets.yaml"),
                                                 year: 2025, out: out)
        XCTAssertEqual(result.status, 0, result.stderr)

        let scored = try runTool(["python3", packageRoot.appendingPathComponent("tools/platforms/compare.py").path,
                                  out.appendingPathComponent("measurements.json").path,
                                  "--fixtures", Self.corpus.path,
                                  "--floors", Self.corpus.appendingPathComponent("floors.yaml").path])
        print(scored.output)
        XCTAssertEqual(scored.status, 0, scored.output)
    }
}
