import Foundation
import GRDB
import Vocabulary

/// Accounts and flag decisions of the workspace.
extension Store {
    // MARK: Accounts

    /// Adds an account; `by` (who did it) is logged with the time.
    public func addUser(_ user: UserAccount, by: String) throws {
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [user.name]) == true {
                throw StoreError.accountExists(user.name)
            }
            try db.execute(sql: "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [user.name, user.role.rawValue, user.passwordHash, user.createdAt])
            try Self.log(AccountChange(account: user.name, action: .add, role: user.role, by: by, at: user.createdAt), db)
        }
    }

    public func users() throws -> [UserAccount] {
        try pool.read { db in try Self.users(db, where: "1", arguments: []) }
    }

    public func user(named name: String) throws -> UserAccount? {
        try pool.read { db in try Self.users(db, where: "name = ?", arguments: [name]).first }
    }

    /// Removes an account and its sessions; its decisions stay, with its name.
    public func removeUser(named name: String, by: String, at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name])
            if db.changesCount == 0 { throw StoreError.noSuchAccount(name) }
            try Self.log(AccountChange(account: name, action: .remove, by: by, at: date), db)
        }
    }

    /// Sets a new password and ends the account's sessions: whoever held the old one is signed out.
    public func setPasswordHash(_ hash: String, user name: String, by: String, at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            if db.changesCount == 0 { throw StoreError.noSuchAccount(name) }
            try db.execute(sql: "DELETE FROM sessions WHERE user = ?", arguments: [name])
            try Self.log(AccountChange(account: name, action: .password, by: by, at: date), db)
        }
    }

    /// Gives an account another role; its open sessions carry the new role from their next request.
    public func setRole(_ role: UserAccount.Role, user name: String, by: String, at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE users SET role = ? WHERE name = ?", arguments: [role.rawValue, name])
            if db.changesCount == 0 { throw StoreError.noSuchAccount(name) }
            try Self.log(AccountChange(account: name, action: .role, role: role, by: by, at: date), db)
        }
    }

    private static func users(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [UserAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM users WHERE \(condition) ORDER BY name", arguments: arguments).map { row in
            UserAccount(name: row["name"], role: UserAccount.Role(rawValue: row["role"]) ?? .viewer,
                        passwordHash: row["password_hash"], createdAt: row["created_at"])
        }
    }

    // MARK: Decisions

    /// Appends a decision; it supersedes the earlier ones of the same fingerprint.
    @discardableResult
    public func recordDecision(_ decision: FlagDecision) throws -> FlagDecision {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO flag_decisions (fingerprint, agency, decision, reason, criterion, value, user, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [decision.fingerprint, decision.agency, decision.kind.rawValue, decision.reason, decision.criterion,
                                 decision.value, decision.user, decision.decidedAt])
            var stored = decision
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Every decision taken on a fingerprint, oldest first.
    public func decisions(fingerprint: String) throws -> [FlagDecision] {
        try pool.read { db in
            try Self.decisions(db, where: "fingerprint = ?", arguments: [fingerprint])
        }
    }

    /// The overrides in force: flags whose newest decision is an override; for one agency
    /// and criterion the newest override wins. Oldest first.
    public func overridesInForce() throws -> [FlagDecision] {
        try pool.read { db in
            let latest = try Self.decisions(db, where: """
                id IN (SELECT MAX(id) FROM flag_decisions GROUP BY fingerprint) AND decision = 'override'
                """, arguments: [])
            var byTarget: [String: FlagDecision] = [:]
            for decision in latest { byTarget["\(decision.agency)/\(decision.criterion ?? "")"] = decision }
            return byTarget.values.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        }
    }

    /// The flag with this fingerprint: its open occurrence, else its latest one.
    public func flag(fingerprint: String) throws -> Flag? {
        try pool.read { db in
            try FlagLedger.fetch(db, where: "f.id = (SELECT id FROM flags WHERE fingerprint = ? ORDER BY state = 'open' DESC, id DESC LIMIT 1)",
                                 arguments: [fingerprint]).first
        }
    }

    private static func decisions(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [FlagDecision] {
        try Row.fetchAll(db, sql: "SELECT * FROM flag_decisions WHERE \(condition) ORDER BY id", arguments: arguments).map { row in
            FlagDecision(id: row["id"], fingerprint: row["fingerprint"], agency: row["agency"],
                         kind: row["decision"], reason: row["reason"],
                         criterion: row["criterion"], value: row["value"], user: row["user"], decidedAt: row["decided_at"])
        }
    }

    // MARK: The workspace's overview

    /// Finished nights, newest first, with what the overview shows of each.
    public func nightSummaries(limit: Int) throws -> [NightSummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.started_at, r.year,
                       (SELECT COUNT(*) FROM agencies a WHERE a.run = r.id) AS agencies,
                       (SELECT COUNT(*) FROM agencies a WHERE a.run = r.id AND a.status IN ('ok', 'partial')) AS audited,
                       (SELECT AVG(total) FROM scores s WHERE s.run = r.id) AS average,
                       (SELECT COUNT(*) FROM flags f WHERE f.first_run = r.id) AS new_flags
                FROM runs r WHERE r.state = 'done' ORDER BY r.started_at DESC, r.id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                NightSummary(id: row["id"], startedAt: row["started_at"], year: row["year"], agencies: row["agencies"],
                             audited: row["audited"], averageScore: row["average"], newFlags: row["new_flags"])
            }
        }
    }

    /// The agencies of a night without their pages, in the order they were recorded.
    public func agencySummaries(run: String) throws -> [AgencySummary] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.name, a.tier, a.status, a.reason, a.pages_fetched,
                       (SELECT COUNT(*) FROM findings f WHERE f.run = a.run AND f.agency = a.id AND f.state = 'present') AS present,
                       (SELECT COUNT(*) FROM findings f WHERE f.run = a.run AND f.agency = a.id) AS items,
                       (SELECT total FROM scores s WHERE s.run = a.run AND s.agency = a.id) AS score
                FROM agencies a WHERE a.run = ? ORDER BY a.rowid
                """, arguments: [run]).map { row in
                AgencySummary(id: row["id"], name: row["name"], tier: row["tier"], status: row["status"], reason: row["reason"],
                              pagesFetched: row["pages_fetched"], itemsPresent: row["present"], items: row["items"], score: row["score"])
            }
        }
    }

    /// Flags awaiting review (open, not dismissed), counted.
    public func flagsAwaitingReview() throws -> Int {
        try pool.read { db in try Self.awaitingReviewCount(db) }
    }

    static func awaitingReviewCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM flags f WHERE f.state = 'open' AND COALESCE((SELECT decision FROM flag_decisions d
                WHERE d.fingerprint = f.fingerprint ORDER BY d.id DESC LIMIT 1), '') <> 'dismiss'
            """) ?? 0
    }

    /// The flags queue: filtered by agency, kind and state (open: awaiting review; dismissed;
    /// closed; nil: all), at most `limit`, oldest first.
    public func flagQueue(agency: String?, kind: Flag.Kind?, state: FlagQueueState?, limit: Int) throws -> [Flag] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let agency { conditions.append("f.agency = ?"); arguments += [agency] }
        if let kind { conditions.append("f.kind = ?"); arguments += [kind.rawValue] }
        switch state {
        case .open?: conditions.append("f.state = 'open' AND COALESCE(d.decision, '') <> 'dismiss'")
        case .dismissed?: conditions.append("d.decision = 'dismiss'")
        case .closed?: conditions.append("f.state = 'closed'")
        case nil: break
        }
        return try pool.read { db in
            try FlagLedger.fetch(db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments: arguments, limit: limit)
        }
    }

    /// One agency on one night, without reading the whole night.
    public func agencyNight(run: String, agency: String) throws -> AgencyNight? {
        try pool.read { db in try HistoryReader.agency(run: run, id: agency, db) }
    }

    /// The latest finished night in which the agency was audited.
    public func latestRun(agency: String) throws -> RunInfo? {
        try pool.read { db in
            try HistoryReader.runs(db, where: "r.state = 'done' AND EXISTS (SELECT 1 FROM agencies a WHERE a.run = r.id AND a.id = ?)",
                                   arguments: [agency], order: "r.started_at DESC, r.id DESC", limit: 1).first
        }
    }

    /// Finished nights that audited the agency, newest first, for reading older evidence.
    public func runs(agency: String) throws -> [RunInfo] {
        try pool.read { db in
            try HistoryReader.runs(db, where: "r.state = 'done' AND EXISTS (SELECT 1 FROM agencies a WHERE a.run = r.id AND a.id = ?)",
                                   arguments: [agency], order: "r.started_at DESC, r.id DESC")
        }
    }
}

public enum FlagQueueState: String, Sendable, CaseIterable {
    case open, dismissed, closed
}

/// One finished night as the workspace's overview lists it.
public struct NightSummary: Equatable, Sendable {
    public var id: String
    public var startedAt: Date
    public var year: Int
    public var agencies: Int
    /// Agencies whose portal could be audited (ok or partial).
    public var audited: Int
    public var averageScore: Double?
    public var newFlags: Int
}

/// One agency of a night, without its pages.
public struct AgencySummary: Equatable, Sendable {
    public var id: String
    public var name: String
    public var tier: Tier
    public var status: CrawlStatus
    public var reason: String?
    public var pagesFetched: Int
    public var itemsPresent: Int
    public var items: Int
    public var score: Double?
}
