import ArgumentParser
import Audit
import Crawl
import DataFile
import Detect
import Foundation
import Synchronization

enum CommandSupport {
    static func badInput(_ message: String) -> AuditError { .badInput(message) }

    static func cannotRun(_ message: String) -> AuditError { .cannotRun(message) }

    /// Loads targets.yaml; a bad file exits 2 naming file, line and column.
    static func loadTargets(_ path: String, only: [String] = [], tiers: TierNames? = nil) throws -> [CrawlTarget] {
        let all = try loadAllTargets(path, tiers: tiers)
        guard !only.isEmpty else { return all }
        let unknown = only.filter { id in !all.contains { $0.id == id } }
        guard unknown.isEmpty else { throw badInput("\(path): no target with id \(unknown.joined(separator: ", "))") }
        return all.filter { only.contains($0.id) }
    }

    /// - Parameter tiers: the tiers a target may name (default: the bundled ones).
    static func loadAllTargets(_ path: String, tiers: TierNames? = nil) throws -> [CrawlTarget] {
        try TargetList.load(URL(fileURLWithPath: path), tiers: tiers)
    }

    static func loadRules(_ nameOrPath: String) throws -> RuleSet {
        do {
            if nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
                return try RuleSet.load(file: URL(fileURLWithPath: nameOrPath))
            }
            return try RuleSet.load(named: nameOrPath)
        } catch let error as DataFileError {
            throw error
        } catch {
            throw badInput("\(nameOrPath): \(error)")
        }
    }
}

/// One progress line on stderr while a crawl runs; silent when stderr is not a terminal.
final class ProgressLine: Sendable {
    let isTerminal = isatty(STDERR_FILENO) == 1
    /// Each target's latest progress; the lock also keeps lines whole on stderr.
    private let lines = Mutex<[String: CrawlProgress]>([:])

    func update(_ progress: CrawlProgress) {
        lines.withLock { lines in
            lines[progress.target] = progress
            let pages = lines.values.reduce(0) { $0 + $1.pages }
            let queued = lines.values.reduce(0) { $0 + $1.queued }
            let errors = lines.values.reduce(0) { $0 + $1.errors }
            let text = "\r\u{1B}[K\(progress.target): \(progress.pages) trang, hàng đợi \(progress.queued), lỗi \(progress.errors) | tổng \(pages) trang, \(queued) chờ, \(errors) lỗi"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    func log(_ message: String) {
        guard isTerminal else { return }
        lines.withLock { _ in FileHandle.standardError.write(Data("\r\u{1B}[K\(message)\n".utf8)) }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
