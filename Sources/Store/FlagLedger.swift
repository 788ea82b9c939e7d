import Foundation
import GRDB
import Vocabulary

/// Matches tonight's assessment with the stored flags: a holding problem already open is
/// updated (last seen, reason), a new one is inserted, an open one whose condition is
/// gone is closed, and one that cannot be judged tonight is left as it is.
enum FlagLedger {
    static func reconcile(agency: String, assessment: FlagAssessment, run: String, _ db: Database) throws -> (raised: [Flag], closed: [Flag]) {
        var holding: [String: FlagCandidate] = [:]
        for candidate in assessment.holding {
            holding[Flag.fingerprint(agency: agency, kind: candidate.kind, subject: candidate.subject)] = candidate
        }
        var closed: [Flag] = []
        for flag in try fetch(db, where: "f.agency = ? AND f.state = 'open'", arguments: [agency]) {
            if let candidate = holding.removeValue(forKey: flag.fingerprint) {
                // A flag stored with worded text takes tonight's typed reason in its place.
                try db.execute(sql: "UPDATE flags SET last_run = ?, reason = ?, message = NULL WHERE fingerprint = ? AND state = 'open'",
                               arguments: [run, try StoredReason.json(candidate.reason), flag.fingerprint])
            } else if assessment.canJudge(kind: flag.kind, subject: flag.subject) {
                try db.execute(sql: "UPDATE flags SET state = 'closed', closed_run = ? WHERE fingerprint = ? AND state = 'open'",
                               arguments: [run, flag.fingerprint])
                closed.append(Flag(fingerprint: flag.fingerprint, agency: flag.agency, kind: flag.kind, subject: flag.subject,
                                   reason: flag.reason, firstSeenRun: flag.firstSeenRun, firstSeenAt: flag.firstSeenAt,
                                   lastSeenRun: flag.lastSeenRun, isOpen: false, closedRun: run))
            }
        }
        // In the rules' order, not the dictionary's (which changes from process to process),
        // so the same night lists its new flags in the same order.
        for fingerprint in assessment.holding.map({ Flag.fingerprint(agency: agency, kind: $0.kind, subject: $0.subject) }) {
            guard let candidate = holding.removeValue(forKey: fingerprint) else { continue }
            try db.execute(sql: """
                INSERT INTO flags (fingerprint, agency, kind, subject, reason, first_run, last_run, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')
                """, arguments: [fingerprint, agency, candidate.kind.rawValue, candidate.subject, try StoredReason.json(candidate.reason), run, run])
        }
        let raised = try fetch(db, where: "f.agency = ? AND f.first_run = ? AND f.state = 'open'", arguments: [agency, run])
        return (raised, closed)
    }

    static func fetch(_ db: Database, where condition: String, arguments: StatementArguments, limit: Int? = nil) throws -> [Flag] {
        try Row.fetchAll(db, sql: """
            SELECT f.*, r.started_at AS first_seen_at, d.id AS d_id, d.decision AS d_decision, d.reason AS d_reason,
                   d.criterion AS d_criterion, d.value AS d_value, d.user AS d_user, d.decided_at AS d_decided_at
            FROM flags f JOIN runs r ON r.id = f.first_run
            LEFT JOIN flag_decisions d ON d.id = (SELECT MAX(id) FROM flag_decisions WHERE fingerprint = f.fingerprint)
            WHERE \(condition) ORDER BY f.id\(limit.map { " LIMIT \($0)" } ?? "")
            """, arguments: arguments).map { row -> Flag in
            var flag = Flag(fingerprint: row["fingerprint"], agency: row["agency"], kind: Flag.Kind(rawValue: row["kind"]) ?? .missing,
                            subject: row["subject"], reason: try StoredReason.read(row, recorded: FlagReason.recorded), firstSeenRun: row["first_run"], firstSeenAt: row["first_seen_at"],
                            lastSeenRun: row["last_run"], isOpen: row["state"] as FlagState == .open, closedRun: row["closed_run"])
            if let kind = row["d_decision"] as DecisionKind? {
                flag.decision = FlagDecision(id: row["d_id"], fingerprint: flag.fingerprint, agency: flag.agency, kind: kind,
                                             reason: row["d_reason"], criterion: row["d_criterion"], value: row["d_value"],
                                             user: row["d_user"], decidedAt: row["d_decided_at"])
            }
            return flag
        }
    }
}
