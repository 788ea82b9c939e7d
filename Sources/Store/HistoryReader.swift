import Foundation
import GRDB
import Vocabulary

/// Reads stored nights back (inside the caller's read or write).
enum HistoryReader {
    static func runs(_ db: Database, where condition: String, arguments: StatementArguments = [],
                     order: String = "r.started_at, r.id", limit: Int? = nil) throws -> [RunInfo] {
        let sql = """
            SELECT r.*, (SELECT COUNT(*) FROM agencies a WHERE a.run = r.id) AS agency_count
            FROM runs r WHERE \(condition) ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            RunInfo(id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], year: row["year"],
                    rules: row["rules"], state: row["state"], agencyCount: row["agency_count"])
        }
    }

    /// The agency's finished nights that started before `date`, newest first.
    static func snapshots(agency: String, before date: Date, limit: Int, _ db: Database) throws -> [AgencySnapshot] {
        let nights = try Row.fetchAll(db, sql: """
            SELECT a.run, a.status FROM agencies a JOIN runs r ON r.id = a.run
            WHERE a.id = ? AND r.state = 'done' AND r.started_at < ?
            ORDER BY r.started_at DESC, r.id DESC LIMIT ?
            """, arguments: [agency, date, limit])
        return try nights.map { night in
            let run: String = night["run"]
            var items: [String: ItemState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT item, state FROM findings WHERE run = ? AND agency = ?", arguments: [run, agency]) {
                items[row["item"]] = row["state"]
            }
            let figures = try self.figures(run: run, agency: agency, db)
            var snapshot = AgencySnapshot(status: night["status"], items: items, measured: figures["measured"] ?? [:], reported: figures["reported"] ?? [:])
            snapshot.health = try HealthRecords.read(agency: agency, run: run, db)
            return snapshot
        }
    }

    /// Figures by source ("measured", "reported") and key.
    private static func figures(run: String, agency: String, _ db: Database) throws -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, source, value FROM measurements WHERE run = ? AND agency = ?", arguments: [run, agency]) {
            result[row["source"], default: [:]][row["key"]] = row["value"]
        }
        return result
    }

    static func night(id: String, _ db: Database) throws -> NightRecord? {
        guard let run = try runs(db, where: "r.id = ? AND r.state = 'done'", arguments: [id]).first else { return nil }
        let agencies = try Row.fetchAll(db, sql: "SELECT * FROM agencies WHERE run = ? ORDER BY rowid", arguments: [id]).map { row in
            try agency(row, run: id, db)
        }
        return NightRecord(runID: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, year: run.year, rules: run.rules, agencies: agencies)
    }

    /// One agency of a stored night, or nil when it was not audited that night.
    static func agency(run: String, id: String, _ db: Database) throws -> AgencyNight? {
        try Row.fetchOne(db, sql: "SELECT * FROM agencies WHERE run = ? AND id = ?", arguments: [run, id]).map { try agency($0, run: run, db) }
    }

    private static func agency(_ row: Row, run: String, _ db: Database) throws -> AgencyNight {
        let agencyID: String = row["id"]
        var agency = AgencyNight(id: agencyID, name: row["name"], tier: row["tier"], status: row["status"], reason: row["reason"],
                                 pagesFetched: row["pages_fetched"])
        agency.items = try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE run = ? AND agency = ? ORDER BY rowid",
                                        arguments: [run, agencyID]).map { finding in
            ItemFinding(item: finding["item"], state: finding["state"], url: finding["url"], evidence: finding["evidence"],
                        capturedAt: finding["captured_at"], warcRecord: finding["warc_record"])
        }
        let figures = try figures(run: run, agency: agencyID, db)
        agency.counts = (figures["measured"] ?? [:]).mapValues { Int($0) }
        agency.reported = figures["reported"] ?? [:]
        agency.score = try Double.fetchOne(db, sql: "SELECT total FROM scores WHERE run = ? AND agency = ?", arguments: [run, agencyID])
        agency.health = try HealthRecords.read(agency: agencyID, run: run, db)
        agency.pages = try Row.fetchAll(db, sql: "SELECT * FROM pages WHERE run = ? AND agency = ? ORDER BY rowid",
                                        arguments: [run, agencyID]).map { page in
            PageRecord(url: page["url"], status: page["status"], contentHash: page["content_hash"], capturedAt: page["captured_at"],
                       warcFile: page["warc_file"], warcOffset: page["warc_offset"], etag: page["etag"], lastModified: page["last_modified"])
        }
        return agency
    }

    static func history(agency: String, limit: Int, _ db: Database) throws -> [AgencyHistoryRow] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT a.run, a.status, r.started_at,
                   (SELECT COUNT(*) FROM findings f WHERE f.run = a.run AND f.agency = a.id AND f.state = 'present') AS items_present,
                   (SELECT total FROM scores s WHERE s.run = a.run AND s.agency = a.id) AS score
            FROM agencies a JOIN runs r ON r.id = a.run
            WHERE a.id = ? AND r.state = 'done'
            ORDER BY r.started_at DESC, r.id DESC LIMIT ?
            """, arguments: [agency, limit])
        return try rows.reversed().map { row in
            let run: String = row["run"]
            let measured = try figures(run: run, agency: agency, db)["measured"] ?? [:]
            return AgencyHistoryRow(runID: run, startedAt: row["started_at"], status: row["status"], itemsPresent: row["items_present"],
                                    news: measured["news"].map { Int($0) }, documents: measured["documents"].map { Int($0) },
                                    level3: measured["level3"].map { Int($0) }, level4: measured["level4"].map { Int($0) },
                                    score: row["score"],
                                    changes: try changes(db, where: "run = ? AND agency = ?", arguments: [run, agency]))
        }
    }

    static func changes(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [Change] {
        try Row.fetchAll(db, sql: "SELECT * FROM changes WHERE \(condition) ORDER BY agency, position", arguments: arguments).map { row in
            Change(agency: row["agency"], kind: Change.Kind(rawValue: row["kind"]) ?? .statusChanged, subject: row["subject"],
                   before: row["before"], after: row["after"], reason: try StoredReason.read(row, recorded: ChangeReason.recorded))
        }
    }
}
