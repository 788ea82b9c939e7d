import Spreadsheet
import Vocabulary

/// Something that differs for an agency from its previous stored night.
public struct Change: Codable, Equatable, Sendable {
    public typealias Kind = ChangeKind

    public var agency: String
    public var kind: Kind
    /// The item id, count key or "status".
    public var subject: String
    public var before: String?
    public var after: String?
    /// What Report words for appraisers (the history, the workspace).
    public var reason: ChangeReason

    public init(agency: String, kind: Kind, subject: String, before: String?, after: String?, reason: ChangeReason) {
        self.agency = agency
        self.kind = kind
        self.subject = subject
        self.before = before
        self.after = after
        self.reason = reason
    }
}

/// What the change and flag rules need of one agency on one night.
struct AgencySnapshot: Equatable {
    var status: CrawlStatus
    var items: [String: ItemState]
    var measured: [String: Double]
    var reported: [String: Double]
    /// Tonight only: earlier nights are read back without them.
    var discrepancies: [DiscrepancyFinding] = []
    /// Tonight only: the agency was ranked.
    var scored = false
    var health: HealthNight? = nil

    init(status: CrawlStatus, items: [String: ItemState], measured: [String: Double], reported: [String: Double]) {
        self.status = status
        self.items = items
        self.measured = measured
        self.reported = reported
    }

    init(_ night: AgencyNight) {
        self.init(status: night.status,
                  items: Dictionary(night.items.map { ($0.item, $0.state) }, uniquingKeysWith: { first, _ in first }),
                  measured: night.measured, reported: night.reported)
        discrepancies = night.discrepancies
        scored = night.score != nil
        health = night.health
    }

    /// The item's state as a rule may use it: nothing is known of items on a portal that could not be audited.
    func conclusiveState(_ item: String, policy: FlagPolicy) -> ItemState? {
        guard !policy.unauditableStatuses.contains(status), let state = items[item], state != .inconclusive else { return nil }
        return state
    }
}

/// Compares an agency's night with its earlier nights (newest first).
enum ChangeDetector {
    static func changes(agency: String, tonight: AgencySnapshot, earlier: [AgencySnapshot], policy: FlagPolicy) -> [Change] {
        guard let previous = earlier.first else { return [] }
        var result: [Change] = []
        if previous.status != tonight.status {
            result.append(Change(agency: agency, kind: .statusChanged, subject: "status", before: previous.status.rawValue,
                                 after: tonight.status.rawValue, reason: .statusChanged(before: previous.status, after: tonight.status)))
        }
        // An item changes only between present and absent; an inconclusive night in between
        // is skipped, so "present, inconclusive, absent" still reports the disappearance once.
        for item in tonight.items.keys.sorted() {
            guard let now = tonight.conclusiveState(item, policy: policy),
                  let before = earlier.lazy.compactMap({ $0.conclusiveState(item, policy: policy) }).first,
                  before != now else { continue }
            let reason: ChangeReason = now == .present ? .itemAppeared(item: item) : .itemDisappeared(item: item)
            result.append(Change(agency: agency, kind: now == .present ? .itemAppeared : .itemDisappeared, subject: item,
                                 before: before.rawValue, after: now.rawValue, reason: reason))
        }
        for key in tonight.measured.keys.sorted() {
            guard let now = tonight.measured[key], let before = previous.measured[key], before != now else { continue }
            result.append(Change(agency: agency, kind: .countChanged, subject: key, before: DecimalText.figure(before), after: DecimalText.figure(now),
                                 reason: .countChanged(count: key, before: before, after: now)))
        }
        return result
    }
}
