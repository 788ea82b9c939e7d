import Crawl
import Foundation
import TestSupport
import XCTest

/// Serves the platform corpus (fixtures/platforms: portals built the way
/// WordPress, Joomla, DotNetNuke, static generators, Liferay, Oracle WebCenter
/// and VNPT/Viettel eGov build them), audits it with the real binary, scores
/// the run against each expected.yaml as tools/platforms/compare.py does, and
/// requires no figure to fall below fixtures/platforms/floors.yaml.
final class PlatformCorpusTests: XCTestCase {
    static let corpus = packageRoot.appendingPathComponent("fixtures/platforms")

    func testPlatformCorpusStaysAtOrAboveItsFloors() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let (result, _) = try crawlRecordedSites(folder: Self.corpus, targetsFile: Self.corpus.appendingPathComponent("targets.yaml"),
                                                 year: 2020, out: out)
        XCTAssertEqual(result.status, 0, result.stderr)

        // One scorer for people and tests: compare.py prints the figures and exits 1 below a floor.
        let scored = try runTool(["python3", packageRoot.appendingPathComponent("tools/platforms/compare.py").path,
                                  out.appendingPathComponent("measurements.json").path,
                                  "--floors", Self.corpus.appendingPathComponent("floors.yaml").path])
        print(scored.output)
        XCTAssertEqual(scored.status, 0, scored.output)
    }
}
