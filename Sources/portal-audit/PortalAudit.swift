import ArgumentParser
import Audit
import CMalloc
import DataFile
import Foundation
import Store
import Workspace

struct PortalAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-audit",
        abstract: "Audits the web portals of Vietnamese state agencies and ranks their IT use.",
        subcommands: [CrawlCommand.self, ServeCommand.self, Rank.self, Score.self, AuditCommand.self, HistoryCommand.self,
                      FlagsCommand.self, ReportCommand.self, WebCommand.self, UserCommand.self]
    )
}

/// Parses, runs, and turns whatever stopped the command into its exit code in one place.
@main
enum Main {
    static func main() async {
        MallocArenas.limitToOne()
        do {
            var command = try PortalAudit.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ExitStatus.exit(for: error)
        }
    }
}

/// Exit codes (README): 0 done, 1 only `audit`'s new flags, 2 bad input (files, options,
/// ids, including the argument parser's own errors), 3 could not run.
enum ExitStatus {
    static let newFlags: Int32 = 1
    static let badInput: Int32 = 2
    static let cannotRun: Int32 = 3

    /// `audit` found new flags: a successful night with news for the appraisers.
    struct NewFlags: Error {}

    static func exit(for error: Error) -> Never {
        switch error {
        case is NewFlags:
            Foundation.exit(newFlags)
        case let error as AuditError:
            printError("\(error)")
            switch error {
            case .badInput: Foundation.exit(badInput)
            case .cannotRun: Foundation.exit(cannotRun)
            }
        case let error as DataFileError:
            printError(error.description)
            Foundation.exit(badInput)
        case let error as StoreError:
            printError(error.description)
            switch error {
            case .accountExists, .noSuchAccount: Foundation.exit(badInput)
            case .runAlreadyRecorded: Foundation.exit(cannotRun)
            }
        case let error as WorkspaceError:
            // Every refusal of an account's input is the user's to fix.
            printError(error.description)
            Foundation.exit(badInput)
        default:
            let code = PortalAudit.exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser prints them.
                PortalAudit.exit(withError: error)
            }
            if code == .validationFailure {
                printError(PortalAudit.fullMessage(for: error))
                Foundation.exit(badInput)
            }
            if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue == 1 ? cannotRun : exitCode.rawValue) }
            printError(AuditError.from(error).description)
            Foundation.exit(cannotRun)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("portal-audit: \(message)\n".utf8))
    }
}

/// One malloc arena for the process. With one per thread, what the crawl frees
/// on one thread stays in another's arena, and a run of many portals grows with
/// the portals done (measured: 263 MB against 181 MB after 256 small portals,
/// BENCHMARKS.md).
enum MallocArenas {
    static func limitToOne() { _ = pa_limit_malloc_arenas(1) }
}
