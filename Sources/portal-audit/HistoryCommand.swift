import ArgumentParser
import Audit
import Foundation

/// `portal-audit history`: how one agency moved night by night.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print an agency's nights: status, items present, counts, score and what changed.")

    @Option(help: "The agency id (as in targets.yaml).")
    var agency: String

    @Option(help: "The history database.")
    var db: String = "runs/portal-audit.sqlite"

    @Option(help: "How many recent nights.")
    var nights: Int = 30

    func run() throws {
        let store = try StoredRuns.open(databasePath: db)
        let rows = try store.history(agency: agency, limit: max(1, nights))
        guard !rows.isEmpty else { throw AuditError.badInput("\(db): không có lịch sử của cơ quan '\(agency)' (no history for this agency)") }
        print(HistoryView.render(rows), terminator: "")
    }
}
