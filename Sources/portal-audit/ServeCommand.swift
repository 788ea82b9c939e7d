import ArgumentParser
import Audit
import Foundation
import SiteServer
import SnapshotServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve recorded portals over HTTP on loopback, each agency on its own address.")

    @Argument(help: "The snapshots folder (one folder per target id).")
    var folder: String = "snapshots"

    @Option(help: "The targets file naming each agency's address (default: FOLDER/targets.yaml).")
    var targets: String?

    @Option(help: "Serve on this port instead of the targets file's.")
    var port: Int?

    @Option(help: "Milliseconds of latency added to every answer.")
    var latencyMs: Int = 0

    @Option(help: "Write one line per answered request to this file (time, host:port, method, path, status, body bytes).")
    var accessLog: String?

    func run() throws {
        let folderURL = URL(fileURLWithPath: folder)
        let list = try CommandSupport.loadTargets(targets ?? folderURL.appendingPathComponent("targets.yaml").path)
        let bindings = try SnapshotSites.bindings(folder: folderURL, targets: list, port: port)
        let servers: [SiteServer]
        do {
            servers = try SnapshotSites.start(bindings, latencyMilliseconds: latencyMs)
        } catch {
            throw CommandSupport.cannotRun("cannot listen: \(error)")
        }
        if let accessLog {
            do {
                let log = try AccessLog(path: accessLog)
                servers.forEach { $0.logAccess(to: log) }
            } catch {
                servers.forEach { $0.stop() }
                throw CommandSupport.cannotRun("\(error)")
            }
        }
        // Written at once, unbuffered: scripts wait for this line before they crawl.
        let lines = ["serving \(servers.count) sites from \(folderURL.path):"] + servers.map { "  \($0.baseURL)/" }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try servers.first?.wait()
    }
}
