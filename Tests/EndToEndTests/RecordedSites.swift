import Audit
import Crawl
import Foundation
import SiteServer
import SnapshotServer
import TestSupport

/// Starts recorded sites (`FOLDER/<id>/site`, `FOLDER/<id>/services`) on the
/// addresses of their targets. Their pages carry absolute links with those
/// ports, as real portals do, so the ports cannot change; the lock keeps test
/// processes that serve recorded sites from running at the same time.
func serveRecordedSites(folder: URL, targets: [CrawlTarget]) throws -> (servers: [SiteServer], lock: SnapshotLock) {
    let lock = try SnapshotLock()
    do {
        return (try SnapshotSites.start(try SnapshotSites.bindings(folder: folder, targets: targets)), lock)
    } catch {
        lock.release()
        throw error
    }
}

/// Serves recorded sites, crawls them with the real binary for `year` (no delay,
/// four connections per host) into `out`, and stops serving: the run every
/// recorded-sites test makes. Returns the binary's result and how many servers answered.
func crawlRecordedSites(folder: URL, targetsFile: URL, year: Int, out: URL) throws -> (result: CommandResult, servers: Int) {
    let (servers, lock) = try serveRecordedSites(folder: folder, targets: try TargetList.load(targetsFile))
    defer {
        servers.forEach { $0.stop() }
        lock.release()
    }
    let result = try runPortalAudit(["crawl", "--targets", targetsFile.path, "--year", String(year), "--out", out.path,
                                     "--delay-ms", "0", "--per-host", "4"])
    return (result, servers.count)
}
