import Foundation
import GRDB
import Vocabulary

/// An agency's portal health on one night, as the history keeps it: each
/// check's state and one line of Vietnamese, the injected-content evidence and
/// the stale sections (the two that raise flags).
public struct HealthNight: Codable, Equatable, Sendable {
    public struct Check: Codable, Equatable, Sendable {
        public var id: HealthCheck
        /// Nil when the check left no state (nights stored with an empty one).
        public var state: CheckState?
        public var summary: String

        public init(id: HealthCheck, state: CheckState?, summary: String) {
            self.id = id
            self.state = state
            self.summary = summary
        }

        private enum CodingKeys: String, CodingKey { case id, state, summary }

        // Older nights stored a missing state as "": read as no state, like an unknown word,
        // so the rules leave the check undecided instead of the night failing to load.
        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            id = try values.decode(HealthCheck.self, forKey: .id)
            state = try values.decodeIfPresent(String.self, forKey: .state).flatMap(CheckState.init(rawValue:))
            summary = try values.decode(String.self, forKey: .summary)
        }
    }

    public struct StaleSection: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var daysSince: Int
        public var newestDate: String
        public var url: String?

        public init(id: String, label: String, daysSince: Int, newestDate: String, url: String?) {
            self.id = id
            self.label = label
            self.daysSince = daysSince
            self.newestDate = newestDate
            self.url = url
        }
    }

    public var checks: [Check]
    public var injectedHitCount: Int
    /// "URL — text (way hidden)", the first few hits.
    public var injectedEvidence: [String]
    public var staleSections: [StaleSection]

    public init(checks: [Check], injectedHitCount: Int, injectedEvidence: [String], staleSections: [StaleSection]) {
        self.checks = checks
        self.injectedHitCount = injectedHitCount
        self.injectedEvidence = injectedEvidence
        self.staleSections = staleSections
    }

    public func state(of check: HealthCheck) -> CheckState? {
        checks.first { $0.id == check }?.state
    }
}

/// The `health` table: one JSON row per agency and night (migration "v-health").
enum HealthRecords {
    static func migrate(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v-health") { db in
            try db.execute(sql: """
                CREATE TABLE health (
                    run TEXT NOT NULL,
                    agency TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (run, agency),
                    FOREIGN KEY (run, agency) REFERENCES agencies(run, id) ON DELETE CASCADE);
                """)
        }
    }

    static func insert(_ health: HealthNight?, agency: String, run: String, _ db: Database) throws {
        guard let health else { return }
        let body = String(decoding: try JSONEncoder().encode(health), as: UTF8.self)
        try db.execute(sql: "INSERT INTO health (run, agency, body) VALUES (?, ?, ?)", arguments: [run, agency, body])
    }

    static func read(agency: String, run: String, _ db: Database) throws -> HealthNight? {
        guard let body = try String.fetchOne(db, sql: "SELECT body FROM health WHERE run = ? AND agency = ?", arguments: [run, agency]) else {
            return nil
        }
        return try JSONDecoder().decode(HealthNight.self, from: Data(body.utf8))
    }
}

/// The health flags: injected content is flagged the night it is seen; a
/// section with dated entries older than its limit is flagged once it was
/// stale on `staleSectionAfterNights` nights in a row (nights whose freshness
/// could not be judged neither count nor break the run).
enum HealthFlagRules {
    static func assess(_ health: HealthNight?, earlier: [HealthNight?], policy: FlagPolicy, into holding: inout [FlagCandidate],
                       undecided: inout [Flag.Kind: Set<String>]) {
        guard let health else {
            undecided[.injectedContent, default: []].insert("*")
            undecided[.staleSection, default: []].insert("*")
            return
        }
        switch health.state(of: .injectedContent) {
        case .critical?:
            holding.append(FlagCandidate(kind: .injectedContent, subject: "portal", reason: .injectedContent(hits: health.injectedHitCount,
                                                                                     example: health.injectedEvidence.first ?? "")))
        case .ok?:
            break
        default:
            undecided[.injectedContent, default: []].insert("*")
        }
        guard judged(health) else {
            undecided[.staleSection, default: []].insert("*")
            return
        }
        for section in health.staleSections where staleRun(section.id, tonight: health, earlier: earlier) >= policy.staleSectionAfterNights {
            holding.append(FlagCandidate(kind: .staleSection, subject: section.id, reason: .staleSection(label: section.label, days: section.daysSince,
                                                                                    newestDate: section.newestDate)))
        }
    }

    /// Freshness could be judged that night: its state is ok or warning.
    private static func judged(_ health: HealthNight?) -> Bool {
        switch health?.state(of: .freshness) {
        case .ok?, .warning?: true
        default: false
        }
    }

    /// Stale nights of a section in a row, tonight first.
    static func staleRun(_ section: String, tonight: HealthNight, earlier: [HealthNight?]) -> Int {
        var count = 0
        for night in [tonight] + earlier {
            guard judged(night), let night else { continue }
            guard night.staleSections.contains(where: { $0.id == section }) else { return count }
            count += 1
        }
        return count
    }
}
