import Audit
import Crawl
import Foundation
import SiteServer
import XCTest

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `portal-audit` binary next to the test bundle.
func portalAuditBinary() -> URL {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("portal-audit")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/portal-audit")
}

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary, as a user or cron would.
func runPortalAudit(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandResult {
    let process = Process()
    process.executableURL = portalAuditBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes while the process runs: a full pipe would block it.
    let errReader = PipeReader(err)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errReader.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

func makeTemporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-audit-e2e-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

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

/// An exclusive lock shared by test processes (swift test --parallel runs
/// test classes in several processes) around the fixed snapshot addresses.
final class SnapshotLock {
    private let descriptor: Int32

    init() throws {
        descriptor = open(FileManager.default.temporaryDirectory.appendingPathComponent("portal-audit-snapshots.lock").path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw CocoaError(.fileLocking) }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Drains a pipe on another thread; `wait()` returns what it read.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        DispatchQueue.global().async {
            self.data = pipe.fileHandleForReading.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
