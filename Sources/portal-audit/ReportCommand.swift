import ArgumentParser
import Audit
import Foundation

/// `portal-audit report`: renders a stored night again, in any format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the report of a stored run (latest or a run id) as HTML, CSV, JSON or Markdown.")

    @Option(name: .customLong("run"), help: "latest, or a run id (a folder name under --runs).")
    var runID: String = "latest"

    @Option(help: "html, csv, json or md.")
    var format: ReportFiles.Format = .html

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "The history database.")
    var db: String = "runs/portal-audit.sqlite"

    @Option(help: "The folder holding one folder per run.")
    var runs: String = "runs"

    func run() throws {
        let store = try StoredRuns.open(databasePath: db)
        let model = try StoredRuns.model(run: runID, store: store, runsFolder: URL(fileURLWithPath: runs))
        let data = try ReportFiles.render(model, as: format)
        do {
            try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw AuditError.cannotRun(out, doing: "không ghi được báo cáo (cannot write the report)", error)
        }
        print(out)
    }
}

extension ReportFiles.Format: ExpressibleByArgument {}
