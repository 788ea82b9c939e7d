import Foundation
import Vocabulary

/// An appraiser's decision on a flag. Decisions are never changed nor deleted:
/// the newest one of a fingerprint supersedes the earlier ones.
public struct FlagDecision: Codable, Equatable, Sendable {
    public var id: Int64?
    public var fingerprint: String
    public var agency: String
    public var kind: DecisionKind
    public var reason: String
    /// The criterion whose figure an override sets.
    public var criterion: String?
    public var value: Double?
    public var user: String
    public var decidedAt: Date

    public init(id: Int64? = nil, fingerprint: String, agency: String, kind: DecisionKind, reason: String, criterion: String? = nil,
                value: Double? = nil, user: String, decidedAt: Date) {
        self.id = id
        self.fingerprint = fingerprint
        self.agency = agency
        self.kind = kind
        self.reason = reason
        self.criterion = criterion
        self.value = value
        self.user = user
        self.decidedAt = decidedAt
    }
}

/// A workspace account. The password hash is made and checked by the workspace (bcrypt).
public struct UserAccount: Equatable, Sendable {
    public enum Role: String, Sendable, CaseIterable {
        /// Looks only.
        case viewer
        /// Decides flags.
        case appraiser
        /// Decides flags; the accounts are managed with `portal-audit user`.
        case admin
    }

    public var name: String
    public var role: Role
    public var passwordHash: String
    public var createdAt: Date

    public init(name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}
