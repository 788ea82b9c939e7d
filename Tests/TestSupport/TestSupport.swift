import Foundation
import Glibc
import SiteServer
import Synchronization

// What several test targets need: where the package and the binary are, how
// to run the binary, temporary folders, and a log of what a server saw.

/// The package root, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `portal-audit` binary beside the test bundle.
public func portalAuditBinary() -> URL {
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("portal-audit")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/portal-audit")
}

public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the real binary, as a user or cron would.
public func runPortalAudit(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandResult {
    try runCommand([portalAuditBinary().path] + arguments, in: directory)
}

/// Runs a program (its path first, then its arguments), reading its stdout and stderr.
public func runCommand(_ arguments: [String], in directory: URL = packageRoot) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
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
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs a tool from PATH (warcio from the venv `make deps` makes) and returns its exit status and output.
public func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A new empty folder under the temporary directory.
public func makeTemporaryFolder(_ label: String = "test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-audit-\(label)-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Drains a pipe on another thread; `wait()` returns what it read.
public final class PipeReader: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)

    public init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        DispatchQueue.global().async {
            let read = handle.readDataToEndOfFile()
            self.data.withLock { $0 = read }
            self.done.signal()
        }
    }

    public func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}

/// An exclusive lock shared by test processes (swift test --parallel runs
/// test classes in several processes) around the fixed snapshot addresses.
public final class SnapshotLock {
    private let descriptor: Int32

    public init() throws {
        descriptor = open(FileManager.default.temporaryDirectory.appendingPathComponent("portal-audit-snapshots.lock").path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw CocoaError(.fileLocking) }
    }

    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// The clock of `RequestLog` times.
public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// What a server handler saw, with monotonic arrival times; safe from any thread.
public final class RequestLog: Sendable {
    public struct Entry: Sendable {
        public var uri: String
        public var time: Double
        public var headers: [(name: String, value: String)]
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    public func record(_ request: SiteRequest) {
        let entry = Entry(uri: request.uri, time: monotonicSeconds(), headers: request.headers)
        entries.withLock { $0.append(entry) }
    }

    public var all: [Entry] { entries.withLock { $0 } }
    public var uris: [String] { all.map(\.uri) }
    public func count(_ uri: String) -> Int { all.filter { $0.uri == uri }.count }
    public func times(_ uri: String) -> [Double] { all.filter { $0.uri == uri }.map(\.time) }

    /// Most requests whose [arrival, arrival + window) intervals overlap: the requests
    /// in flight at once when the server answers each after `window` seconds.
    public func peakOverlap(window: Double) -> Int {
        let times = all.map(\.time).sorted()
        var peak = 0
        for (index, start) in times.enumerated() {
            peak = max(peak, times[index...].prefix { $0 < start + window }.count)
        }
        return peak
    }

    /// Smallest gap between consecutive arrivals.
    public var smallestGap: Double {
        let times = all.map(\.time).sorted()
        return zip(times.dropFirst(), times).map { $0 - $1 }.min() ?? .infinity
    }
}
