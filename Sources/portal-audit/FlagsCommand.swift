import ArgumentParser
import Audit
import Foundation

/// `portal-audit flags`: the problems the nightly audit raised.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "List the flags (missing items, discrepancies, portals not audited), oldest first.")

    @Flag(help: "Only the flags still open.")
    var open = false

    @Option(help: "Only this agency's flags.")
    var agency: String?

    @Option(help: "The history database.")
    var db: String = "runs/portal-audit.sqlite"

    func run() throws {
        let store = try StoredRuns.open(databasePath: db)
        let names = try store.agencyNames()
        if let agency, names[agency] == nil {
            throw AuditError.badInput("\(db): không có cơ quan '\(agency)' trong lịch sử (no agency with this id)")
        }
        print(FlagsView.render(try store.allFlags(open: open ? true : nil, agency: agency), names: names), terminator: "")
    }
}
