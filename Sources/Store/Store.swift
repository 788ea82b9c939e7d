import Foundation
import GRDB
import Vocabulary

/// A run as stored.
public struct RunInfo: Equatable, Sendable {
    public var id: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var year: Int
    public var rules: String
    /// Only done runs count in history, changes and flags.
    public var state: RunState
    public var agencyCount: Int
}

/// One agency on one night, as the `history` command lists it.
public struct AgencyHistoryRow: Equatable, Sendable {
    public var runID: String
    public var startedAt: Date
    public var status: CrawlStatus
    public var itemsPresent: Int
    public var news: Int?
    public var documents: Int?
    public var level3: Int?
    public var level4: Int?
    public var score: Double?
    public var changes: [Change]
}

/// What the history refuses, with a stable code (the command line decides the exit code from it).
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The night's id is in the history already: a night is never counted twice.
    case runAlreadyRecorded(String)
    /// An account of that name exists.
    case accountExists(String)
    /// No account of that name.
    case noSuchAccount(String)

    public var description: String {
        switch self {
        case .runAlreadyRecorded(let id): return "run \(id) is already recorded; a night is never counted twice"
        case .accountExists(let name): return "tài khoản \(name) đã có (account exists)"
        case .noSuchAccount(let name): return "không có tài khoản \(name) (no such account)"
        }
    }

    /// Stable across versions, for scripts and logs.
    public var code: String {
        switch self {
        case .runAlreadyRecorded: return "run-already-recorded"
        case .accountExists: return "account-exists"
        case .noSuchAccount: return "no-such-account"
        }
    }
}

/// The nightly history in one SQLite file (WAL mode).
/// Each night is written in one transaction: a killed run leaves nothing of itself behind.
public final class Store: Sendable {
    let pool: any DatabaseWriter
    public let policy: FlagPolicy

    /// Opens (creating if needed) and migrates the database at `path`.
    public static func open(path: String, policy: FlagPolicy? = nil) throws -> Store {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try Schema.migrator.migrate(pool)
        return Store(pool: pool, policy: try policy ?? FlagPolicy.standard())
    }

    /// Opens an existing history for reading only: nothing is created, migrated or
    /// written, so a user who may not write the file or its folder can read it.
    public static func openReadOnly(path: String, policy: FlagPolicy? = nil) throws -> Store {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let policy = try policy ?? FlagPolicy.standard()
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") }
            return Store(pool: queue, policy: policy, readOnly: true)
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) {
            // A WAL database needs its -shm file, which a reader without write access to the
            // folder cannot create when no writer is running; with no writer, the file is
            // unchanging and may be read as immutable (system SQLite takes URI names).
            let uri = "file:\(path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)?immutable=1"
            let queue = try DatabaseQueue(path: uri, configuration: configuration)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") }
            return Store(pool: queue, policy: policy, readOnly: true)
        }
    }

    private let readOnly: Bool

    private init(pool: any DatabaseWriter, policy: FlagPolicy, readOnly: Bool = false) {
        self.pool = pool
        self.policy = policy
        self.readOnly = readOnly
    }

    /// A writer folds the write-ahead log into the file first, so the history is one
    /// self-contained file between nights (for backups and for read-only readers).
    public func close() throws {
        if !readOnly { _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
        try pool.close()
    }

    // MARK: Writing a night

    /// Marks a night as started, so an operator sees it in progress. If the process
    /// dies before `record`, the marker is discarded by the next `beginRun` or `record`.
    public func beginRun(id: String, startedAt: Date, year: Int, rules: String) throws {
        try pool.write { db in
            try Self.discardUnfinished(db)
            try Self.requireNew(id, db)
            try db.execute(sql: "INSERT INTO runs (id, started_at, year, rules, state) VALUES (?, ?, ?, ?, 'running')",
                           arguments: [id, startedAt, year, rules])
        }
    }

    /// Writes the whole night, its changes and its flags in one transaction.
    @discardableResult
    public func record(_ night: NightRecord) throws -> NightOutcome {
        try pool.write { db in
            try Self.discardUnfinished(db)
            try Self.requireNew(night.runID, db)
            try db.execute(sql: "INSERT INTO runs (id, started_at, finished_at, year, rules, state) VALUES (?, ?, ?, ?, ?, 'running')",
                           arguments: [night.runID, night.startedAt, night.finishedAt, night.year, night.rules])
            var outcome = NightOutcome(runID: night.runID, changes: [], newFlags: [], closedFlags: [], openFlagCount: 0)
            for agency in night.agencies {
                try NightWriter.insert(agency, run: night.runID, db)
                let tonight = AgencySnapshot(agency)
                let earlier = try HistoryReader.snapshots(agency: agency.id, before: night.startedAt, limit: policy.lookbackNights, db)
                let changes = ChangeDetector.changes(agency: agency.id, tonight: tonight, earlier: earlier, policy: policy)
                try NightWriter.insert(changes, run: night.runID, db)
                outcome.changes += changes
                let assessment = FlagRules.assess(tonight: tonight, earlier: earlier, policy: policy)
                let result = try FlagLedger.reconcile(agency: agency.id, assessment: assessment, run: night.runID, db)
                // A dismissed fingerprint is not announced again while it stays the same.
                outcome.newFlags += result.raised.filter { $0.decision?.kind != .dismiss }
                outcome.closedFlags += result.closed
            }
            try db.execute(sql: "UPDATE runs SET state = 'done', finished_at = COALESCE(finished_at, ?) WHERE id = ?",
                           arguments: [Date(), night.runID])
            outcome.openFlagCount = try Self.awaitingReviewCount(db)
            return outcome
        }
    }

    private static func discardUnfinished(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM runs WHERE state = 'running'")
    }

    private static func requireNew(_ id: String, _ db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [id]) == true {
            throw StoreError.runAlreadyRecorded(id)
        }
    }

    // MARK: Reading

    public func latestRun() throws -> RunInfo? {
        try pool.read { db in
            try HistoryReader.runs(db, where: "r.state = 'done'", order: "r.started_at DESC, r.id DESC", limit: 1).first
        }
    }

    /// The run with this id, in whatever state it is.
    public func run(id: String) throws -> RunInfo? {
        try pool.read { db in try HistoryReader.runs(db, where: "r.id = ?", arguments: [id], limit: 1).first }
    }

    /// The last finished night that started before the run `id`.
    public func previousNight(before id: String) throws -> RunInfo? {
        try pool.read { db in
            try HistoryReader.runs(db, where: "r.state = 'done' AND r.started_at < (SELECT started_at FROM runs WHERE id = ?)",
                                   arguments: [id], order: "r.started_at DESC, r.id DESC", limit: 1).first
        }
    }

    /// A finished night read back whole, e.g. to render its report again.
    public func night(id: String) throws -> NightRecord? {
        try pool.read { db in try HistoryReader.night(id: id, db) }
    }

    /// The agency's last `limit` finished nights, oldest first.
    public func history(agency: String, limit: Int) throws -> [AgencyHistoryRow] {
        try pool.read { db in try HistoryReader.history(agency: agency, limit: limit, db) }
    }

    public func changes(run: String) throws -> [Change] {
        try pool.read { db in try HistoryReader.changes(db, where: "run = ?", arguments: [run]) }
    }

    public func openFlags(agency: String) throws -> [Flag] {
        try allFlags(open: true, agency: agency)
    }

    /// Flags, filtered by state and agency when given, oldest first.
    public func allFlags(open: Bool? = nil, agency: String? = nil) throws -> [Flag] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let open { conditions.append("f.state = ?"); arguments += [open ? FlagState.open : FlagState.closed] }
        if let agency { conditions.append("f.agency = ?"); arguments += [agency] }
        return try pool.read { db in
            try FlagLedger.fetch(db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments: arguments)
        }
    }

    /// Each agency's name as its latest finished night recorded it, by id.
    public func agencyNames() throws -> [String: String] {
        try pool.read { db in
            var names: [String: String] = [:]
            let sql = """
                SELECT a.id, a.name FROM agencies a JOIN runs r ON r.id = a.run
                WHERE r.state = 'done' ORDER BY r.started_at, r.id
                """
            for row in try Row.fetchAll(db, sql: sql) { names[row["id"]] = row["name"] }
            return names
        }
    }

    /// Flags first raised by the run `id`.
    public func newFlags(run id: String) throws -> [Flag] {
        try pool.read { db in try FlagLedger.fetch(db, where: "f.first_run = ?", arguments: [id]) }
    }

    /// ETag / Last-Modified last seen per URL of the agency.
    public func validators(agency: String) throws -> [String: HTTPValidators] {
        try pool.read { db in
            var result: [String: HTTPValidators] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT url, etag, last_modified FROM validators WHERE agency = ?", arguments: [agency]) {
                result[row["url"]] = HTTPValidators(etag: row["etag"], lastModified: row["last_modified"])
            }
            return result
        }
    }

    /// SQLite's own check of the file ("ok" or a list of problems).
    public func integrityCheck() throws -> Bool {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] }
    }

    public func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }
}
