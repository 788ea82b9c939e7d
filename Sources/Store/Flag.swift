import Foundation
import Vocabulary

/// A problem an appraiser should look at, kept open across nights until its condition is gone.
public struct Flag: Codable, Equatable, Sendable {
    public typealias Kind = FlagKind

    public var fingerprint: String
    public var agency: String
    public var kind: Kind
    /// The item id, count key, or "portal".
    public var subject: String
    /// Why it holds, as of the last night it was seen: Report words it.
    public var reason: FlagReason
    public var firstSeenRun: String
    /// When the first night that saw it started: the report's "since".
    public var firstSeenAt: Date
    public var lastSeenRun: String
    public var isOpen: Bool
    public var closedRun: String?
    /// The appraisers' decision in force (the newest), if any.
    public var decision: FlagDecision? = nil

    /// Open and not dismissed: what the appraisers still have to look at.
    public var awaitsReview: Bool { isOpen && decision?.kind != .dismiss }

    /// Stable across nights, so the same problem is updated rather than announced again.
    public static func fingerprint(agency: String, kind: Kind, subject: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(agency)|\(kind.rawValue)|\(subject)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// What recording a night found: the exit code of `audit` depends on `newFlags`.
public struct NightOutcome: Equatable, Sendable {
    public var runID: String
    public var changes: [Change]
    /// Raised tonight for the first time (or again after having been closed).
    public var newFlags: [Flag]
    public var closedFlags: [Flag]
    /// Every flag open after this night and not dismissed, new ones included.
    public var openFlagCount: Int
}
