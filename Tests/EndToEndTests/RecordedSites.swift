import Audit
import Crawl
import Foundation
import SiteServer
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
