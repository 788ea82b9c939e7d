import GRDB

/// The database layout, built by ordered migrations so an older file is brought up to date.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-history") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id TEXT PRIMARY KEY NOT NULL,
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    year INTEGER NOT NULL,
                    rules TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('running', 'done')));
                CREATE INDEX runs_by_start ON runs(state, started_at);

                CREATE TABLE agencies (
                    run TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    status TEXT NOT NULL,
                    reason TEXT,
                    pages_fetched INTEGER NOT NULL,
                    PRIMARY KEY (run, id));
                CREATE INDEX agencies_by_id ON agencies(id);

                CREATE TABLE pages (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    url TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    content_hash TEXT,
                    captured_at DATETIME,
                    warc_file TEXT,
                    warc_offset INTEGER,
                    etag TEXT,
                    last_modified TEXT,
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);
                CREATE INDEX pages_by_agency ON pages(run, agency);

                CREATE TABLE findings (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    item TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('present', 'absent', 'inconclusive')),
                    url TEXT,
                    evidence TEXT,
                    captured_at DATETIME,
                    warc_record TEXT,
                    PRIMARY KEY (run, agency, item),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);

                CREATE TABLE measurements (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    key TEXT NOT NULL,
                    source TEXT NOT NULL CHECK (source IN ('measured', 'reported')),
                    value REAL NOT NULL,
                    PRIMARY KEY (run, agency, key, source),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);

                CREATE TABLE scores (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    total REAL NOT NULL,
                    PRIMARY KEY (run, agency),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);

                CREATE TABLE changes (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    message TEXT NOT NULL,
                    PRIMARY KEY (run, agency, position),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);

                -- One row per occurrence of a problem; the partial unique index keeps a
                -- problem from being open twice, closed occurrences stay as history.
                CREATE TABLE flags (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    message TEXT NOT NULL,
                    first_run TEXT NOT NULL REFERENCES runs(id),
                    last_run TEXT NOT NULL REFERENCES runs(id),
                    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                    closed_run TEXT REFERENCES runs(id));
                CREATE UNIQUE INDEX flags_open_fingerprint ON flags(fingerprint) WHERE state = 'open';
                CREATE INDEX flags_by_agency ON flags(agency, state);

                -- The latest validators per URL, for the next night's conditional requests.
                CREATE TABLE validators (
                    agency TEXT NOT NULL,
                    url TEXT NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    run TEXT NOT NULL,
                    PRIMARY KEY (agency, url));
                """)
        }
        // The appraisers' workspace: accounts, and their decisions on flags (append-only:
        // the newest decision of a fingerprint is the one in force).
        migrator.registerMigration("v-workspace-users-decisions") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    name TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('viewer', 'appraiser', 'admin')),
                    password_hash TEXT NOT NULL,
                    created_at DATETIME NOT NULL);

                CREATE TABLE flag_decisions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    decision TEXT NOT NULL CHECK (decision IN ('accept', 'dismiss', 'override')),
                    reason TEXT NOT NULL,
                    criterion TEXT,
                    value REAL,
                    user TEXT NOT NULL,
                    decided_at DATETIME NOT NULL);
                CREATE INDEX flag_decisions_by_fingerprint ON flag_decisions(fingerprint, id);
                -- The overview counts each night's new flags.
                CREATE INDEX flags_by_first_run ON flags(first_run);
                """)
        }
        HealthRecords.migrate(&migrator)
        Store.migrateSessions(&migrator)
        StoredReason.migrate(&migrator)
        return migrator
    }
}
