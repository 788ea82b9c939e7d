import ArgumentParser
import Audit
import DataFile
import Foundation
import Scoring
import Store
import Workspace

/// `portal-audit web`: the appraisers' workspace over the history and runs of `audit`.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the appraisers' workspace (nights, agencies, flags, decisions, evidence) on loopback.")

    @Option(help: "The history database.")
    var db: String = "runs/portal-audit.sqlite"

    @Option(help: "The folder holding one folder per run.")
    var runs: String = "runs"

    @Option(help: "Address to listen on; anything but loopback must be named here explicitly.")
    var listen: String = "127.0.0.1:8080"

    @Option(help: "Criteria set whose criteria an override may set (default: the one criteria/by-year.yaml gives for the year being audited, the previous calendar year).")
    var criteria: String?

    func run() async throws {
        let (host, port) = try Self.address(listen)
        let criteriaSet: CriteriaSet
        let policy: WorkspacePolicy
        do {
            criteriaSet = try CriteriaSet.load(RankingOptions.parse(criteria.map { ["--criteria", $0] } ?? []).criteriaURL(year: nil))
            policy = try WorkspacePolicy.standard()
        } catch let error as DataFileError {
            throw CommandSupport.badInput(error.description)
        }
        let store = try StoredRuns.open(databasePath: db, writing: true)
        let server = WorkspaceServer(configuration: WorkspaceConfiguration(store: store, runsFolder: URL(fileURLWithPath: runs),
                                                                           policy: policy, criteria: criteriaSet))
        let app = server.application(host: host, port: port) { bound in
            // Written at once, unbuffered: scripts and tests wait for this line.
            FileHandle.standardOutput.write(Data("Không gian làm việc của Tổ thẩm định: http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            throw CommandSupport.cannotRun("cannot listen on \(listen): \(error)")
        }
    }

    /// "HOST:PORT" (IPv6 as "[::1]:PORT").
    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw CommandSupport.badInput("--listen \(text): expected HOST:PORT, e.g. 127.0.0.1:8080")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw CommandSupport.badInput("--listen \(text): the host must be named, e.g. 127.0.0.1:\(port)") }
        return (host, port)
    }
}

/// `portal-audit user`: the workspace's accounts, kept in the history database.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the workspace's accounts (viewer, appraiser, admin).",
        subcommands: [Add.self, List.self, Remove.self, Passwd.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; the password is read from stdin.")
        @Argument var name: String
        @Option(help: "viewer | appraiser | admin") var role: String
        @ArgumentParser.Flag(help: "Read the password from standard input (required: never from the command line).") var passwordStdin = false
        @Option(help: "The history database.") var db: String = "runs/portal-audit.sqlite"

        func run() throws {
            guard let role = UserAccount.Role(rawValue: role) else {
                throw CommandSupport.badInput("--role \(role): expected viewer, appraiser or admin")
            }
            let password = try UserCommand.password(passwordStdin)
            try UserCommand.withStore(db, create: true) { store, accounts in
                try accounts.add(name: name, role: role, password: password, to: store, by: Accounts.commandLine)
                print("Đã thêm tài khoản \(name) (\(role.rawValue)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts.")
        @Option(help: "The history database.") var db: String = "runs/portal-audit.sqlite"

        func run() throws {
            try UserCommand.withStore(db, create: false) { store, _ in
                print(UsersView.render(try store.users()), terminator: "")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an account (its decisions stay, with its name).")
        @Argument var name: String
        @Option(help: "The history database.") var db: String = "runs/portal-audit.sqlite"

        func run() throws {
            try UserCommand.withStore(db, create: false) { store, _ in
                try store.removeUser(named: name, by: Accounts.commandLine)
                print("Đã xoá tài khoản \(name).")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password, read from stdin.")
        @Argument var name: String
        @ArgumentParser.Flag(help: "Read the password from standard input (required).") var passwordStdin = false
        @Option(help: "The history database.") var db: String = "runs/portal-audit.sqlite"

        func run() throws {
            let password = try UserCommand.password(passwordStdin)
            try UserCommand.withStore(db, create: false) { store, accounts in
                try accounts.setPassword(password, user: name, in: store, by: Accounts.commandLine)
                print("Đã đổi mật khẩu của \(name).")
            }
        }
    }

    /// The first line of stdin.
    static func password(_ fromStdin: Bool) throws -> String {
        guard fromStdin else { throw CommandSupport.badInput("the password is read from stdin: add --password-stdin") }
        guard let line = readLine(strippingNewline: true) else { throw CommandSupport.badInput("no password on stdin") }
        return line
    }

    /// Accounts live in the history database; `user add` may create it (before the first night).
    static func withStore(_ path: String, create: Bool, _ body: (Store, Accounts) throws -> Void) throws {
        let store: Store
        do {
            if create {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
                store = try Store.open(path: path)
            } else {
                store = try StoredRuns.open(databasePath: path, writing: true)
            }
        } catch let error as AuditError {
            throw error
        } catch {
            throw CommandSupport.cannotRun("\(path): không mở được cơ sở dữ liệu (cannot open the database): \(error)")
        }
        defer { try? store.close() }
        try body(store, Accounts(policy: try WorkspacePolicy.standard()))
    }
}
