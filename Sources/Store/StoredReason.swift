import Foundation
import GRDB

/// The `reason` column of `flags` and `changes`: the typed reason as JSON, worded
/// when read (by Report's catalogue). Rows stored before the column (migration
/// "v-typed-reasons") have no reason but their Vietnamese `message`, read as recorded text.
enum StoredReason {
    static func json<Reason: Encodable>(_ reason: Reason) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(reason), as: UTF8.self)
    }

    static func read<Reason: Decodable>(_ row: Row, recorded: (String) -> Reason) throws -> Reason {
        if let json = row["reason"] as String? { return try JSONDecoder().decode(Reason.self, from: Data(json.utf8)) }
        return recorded(row["message"] ?? "")
    }

    /// Makes `message` optional and adds `reason` (SQLite changes a column's
    /// constraint only by copying the table); every row keeps one or the other.
    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-typed-reasons") { db in
            try db.execute(sql: """
                CREATE TABLE flags_typed (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    message TEXT,
                    reason TEXT,
                    first_run TEXT NOT NULL REFERENCES runs(id),
                    last_run TEXT NOT NULL REFERENCES runs(id),
                    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                    closed_run TEXT REFERENCES runs(id),
                    CHECK (message IS NOT NULL OR reason IS NOT NULL));
                INSERT INTO flags_typed (id, fingerprint, agency, kind, subject, message, first_run, last_run, state, closed_run)
                    SELECT id, fingerprint, agency, kind, subject, message, first_run, last_run, state, closed_run FROM flags;
                DROP TABLE flags;
                ALTER TABLE flags_typed RENAME TO flags;
                CREATE UNIQUE INDEX flags_open_fingerprint ON flags(fingerprint) WHERE state = 'open';
                CREATE INDEX flags_by_agency ON flags(agency, state);
                CREATE INDEX flags_by_first_run ON flags(first_run);

                CREATE TABLE changes_typed (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    message TEXT,
                    reason TEXT,
                    PRIMARY KEY (run, agency, position),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE,
                    CHECK (message IS NOT NULL OR reason IS NOT NULL));
                INSERT INTO changes_typed (run, agency, position, kind, subject, before, after, message)
                    SELECT run, agency, position, kind, subject, before, after, message FROM changes;
                DROP TABLE changes;
                ALTER TABLE changes_typed RENAME TO changes;
                """)
        }
    }
}
