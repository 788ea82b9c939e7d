import GRDB

/// Inserts one agency's night and its changes (inside the caller's transaction).
enum NightWriter {
    static func insert(_ agency: AgencyNight, run: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO agencies (run, id, name, tier, status, reason, pages_fetched) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run, agency.id, agency.name, agency.tier, agency.status, agency.reason, agency.pagesFetched])
        for finding in agency.items {
            try db.execute(sql: """
                INSERT INTO findings (run, agency, item, state, url, evidence, captured_at, warc_record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, agency.id, finding.item, finding.state, finding.url, finding.evidence, finding.capturedAt, finding.warcRecord])
        }
        for (source, figures) in [("measured", agency.measured), ("reported", agency.reported)] {
            for (key, value) in figures {
                try db.execute(sql: "INSERT INTO measurements (run, agency, key, source, value) VALUES (?, ?, ?, ?, ?)",
                               arguments: [run, agency.id, key, source, value])
            }
        }
        try HealthRecords.insert(agency.health, agency: agency.id, run: run, db)
        if let score = agency.score {
            try db.execute(sql: "INSERT INTO scores (run, agency, total) VALUES (?, ?, ?)", arguments: [run, agency.id, score])
        }
        for page in agency.pages {
            try db.execute(sql: """
                INSERT INTO pages (run, agency, url, status, content_hash, captured_at, warc_file, warc_offset, etag, last_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, agency.id, page.url, page.status, page.contentHash, page.capturedAt, page.warcFile,
                                 page.warcOffset, page.etag, page.lastModified])
            guard page.etag != nil || page.lastModified != nil else { continue }
            try db.execute(sql: """
                INSERT INTO validators (agency, url, etag, last_modified, run) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (agency, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, run = excluded.run
                """, arguments: [agency.id, page.url, page.etag, page.lastModified, run])
        }
    }

    static func insert(_ changes: [Change], run: String, _ db: Database) throws {
        for (position, change) in changes.enumerated() {
            try db.execute(sql: """
                INSERT INTO changes (run, agency, position, kind, subject, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, change.agency, position, change.kind.rawValue, change.subject, change.before, change.after,
                                 try StoredReason.json(change.reason)])
        }
    }
}
