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
        let targetsFile = try Self.auditableTargets(in: folder)
        let (servers, lock) = try serveRecordedSites(folder: Self.corpus, targets: try TargetList.load(targetsFile))
        defer {
            servers.forEach { $0.stop() }
            lock.release()
        }
        let out = folder.appendingPathComponent("run")
        let result = try runPortalAudit(["crawl", "--targets", targetsFile.path, "--year", "2020", "--out", out.path,
                                         "--delay-ms", "0", "--per-host", "4"])
        XCTAssertEqual(result.status, 0, result.stderr)

        // One scorer for people and tests: compare.py prints the figures and exits 1 below a floor.
        let scored = try runTool(["python3", packageRoot.appendingPathComponent("tools/platforms/compare.py").path,
                                  out.appendingPathComponent("measurements.json").path,
                                  "--floors", Self.corpus.appendingPathComponent("floors.yaml").path])
        print(scored.output)
        XCTAssertEqual(scored.status, 0, scored.output)
    }

    /// The corpus's targets.yaml names each agency's document code (`code:`).
    /// A binary that does not know that field yet rejects it; it is then
    /// audited from a copy without it (its `documents.own` floor is 0 anyway).
    static func auditableTargets(in folder: URL) throws -> URL {
        let targetsFile = corpus.appendingPathComponent("targets.yaml")
        do {
            _ = try TargetList.load(targetsFile)
            return targetsFile
        } catch where "\(error)".contains("unknown key `code`") {
            let text = try String(contentsOf: targetsFile, encoding: .utf8)
            let copy = folder.appendingPathComponent("targets.yaml")
            try text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("code:") }
                .joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
            return copy
        }
    }
}
