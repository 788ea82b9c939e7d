import Crawl
import Foundation
import TestSupport
import XCTest

/// Serves the held-out corpora (six Sơn La portals of 2025 in fixtures/holdout-2026,
/// four more in fixtures/holdout-2027, both under Nghị định 42/2022 and written
/// by hands that did not read the detectors), audits each with the real binary
/// for the year 2025, and requires no figure to fall below the corpus's
/// floors.yaml, scored by tools/platforms/compare.py as for the platform corpus.
final class HoldoutCorpusTests: XCTestCase {
    func testHoldoutCorpusStaysAtOrAboveItsFloors() throws {
        try assertAtOrAboveFloors(corpus: "fixtures/holdout-2026", generator: "tools/holdout/generate.py")
    }

    /// The second corpus: Joomla-, SharePoint-, Drupal-like and hand-made portals (see its MISSES.md).
    func testBlindCorpus2027StaysAtOrAboveItsFloors() throws {
        try assertAtOrAboveFloors(corpus: "fixtures/holdout-2027", generator: "tools/holdout2027/generate.py")
    }

    /// A corpus's expected figures are only as good as its generator's facts: a hand edit of a page
    /// would leave them stale, so the committed files must be what the generator writes.
    private func assertAtOrAboveFloors(corpus path: String, generator: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let generated = try runTool(["python3", packageRoot.appendingPathComponent(generator).path, "--check"])
        XCTAssertEqual(generated.status, 0, generated.output, file: file, line: line)
        let corpus = packageRoot.appendingPathComponent(path)
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let (result, _) = try crawlRecordedSites(folder: corpus, targetsFile: corpus.appendingPathComponent("targets.yaml"),
                                                 year: 2025, out: out)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)

        let scored = try runTool(["python3", packageRoot.appendingPathComponent("tools/platforms/compare.py").path,
                                  out.appendingPathComponent("measurements.json").path,
                                  "--fixtures", corpus.path,
                                  "--floors", corpus.appendingPathComponent("floors.yaml").path])
        print(scored.output)
        XCTAssertEqual(scored.status, 0, scored.output, file: file, line: line)
    }
}
