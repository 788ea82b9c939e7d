import Foundation
import GRDB

/// A signed-in session as stored: the token's digest (never the token), its form token,
/// its expiry; the account's name and role are read from `users` on every look-up, so a
/// removed account or a changed role takes effect at once.
public struct StoredSession: Equatable, Sendable {
    public var name: String
    public var role: UserAccount.Role
    public var csrf: String
    public var expiresAt: Date
}

/// What an administrator (or the command line) did to an account: kept, never changed.
public struct AccountChange: Equatable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        case add, role, remove, password
    }

    public var account: String
    public var action: Action
    /// The role given (add, role).
    public var role: UserAccount.Role?
    /// Who did it: an account name, or `dòng lệnh` for `portal-audit user`.
    public var by: String
    public var at: Date

    public init(account: String, action: Action, role: UserAccount.Role? = nil, by: String, at: Date) {
        self.account = account
        self.action = action
        self.role = role
        self.by = by
        self.at = at
    }
}

/// Sessions and the account log of the workspace (migration `v-sessions`).
extension Store {
    static func migrateSessions(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-sessions") { db in
            try db.execute(sql: """
                -- Sessions survive a restart of `portal-audit web`. Only a digest of the token is
                -- kept: whoever reads the file cannot sign in with it.
                CREATE TABLE sessions (
                    token_digest TEXT PRIMARY KEY NOT NULL,
                    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL);
                CREATE INDEX sessions_by_expiry ON sessions(expires_at);

                -- Who added, removed or changed an account, and when (append-only).
                CREATE TABLE account_changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('add', 'role', 'remove', 'password')),
                    role TEXT CHECK (role IN ('viewer', 'appraiser', 'admin')),
                    by_user TEXT NOT NULL,
                    at DATETIME NOT NULL);
                """)
        }
    }

    // MARK: Sessions

    /// Stores a new session and drops the expired ones.
    public func openSession(tokenDigest: String, user: String, csrf: String, createdAt: Date, expiresAt: Date) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [createdAt])
            try db.execute(sql: "INSERT INTO sessions (token_digest, user, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [tokenDigest, user, csrf, createdAt, expiresAt])
        }
    }

    /// The live session with this token digest, with its account's current role.
    public func session(tokenDigest: String, at now: Date) throws -> StoredSession? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.user, u.role, s.csrf, s.expires_at FROM sessions s JOIN users u ON u.name = s.user
                WHERE s.token_digest = ? AND s.expires_at > ?
                """, arguments: [tokenDigest, now]).flatMap { row in
                UserAccount.Role(rawValue: row["role"]).map { StoredSession(name: row["user"], role: $0, csrf: row["csrf"], expiresAt: row["expires_at"]) }
            }
        }
    }

    public func closeSession(tokenDigest: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_digest = ?", arguments: [tokenDigest]) }
    }

    // MARK: The account log

    /// Every change to the accounts, newest first.
    public func accountChanges(limit: Int) throws -> [AccountChange] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM account_changes ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                AccountChange(account: row["account"], action: AccountChange.Action(rawValue: row["action"]) ?? .add,
                              role: (row["role"] as String?).flatMap(UserAccount.Role.init(rawValue:)), by: row["by_user"], at: row["at"])
            }
        }
    }

    static func log(_ change: AccountChange, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO account_changes (account, action, role, by_user, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [change.account, change.action.rawValue, change.role?.rawValue, change.by, change.at])
    }
}
