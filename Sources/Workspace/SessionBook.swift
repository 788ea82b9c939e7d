import Crypto
import Foundation
import Store

/// A signed-in appraiser: who, with which role, and the token every form must carry.
public struct SignedIn: Sendable, Equatable {
    public var name: String
    public var role: UserAccount.Role
    public var csrf: String
    var expires: Date

    /// Viewers only look; appraisers and admins decide.
    public var canDecide: Bool { role != .viewer }

    /// Admins alone manage the accounts.
    public var canManageAccounts: Bool { role == .admin }
}

/// The server's sessions, kept in the history database (only a digest of each token), so
/// a restart of `portal-audit web` keeps people signed in; and its failed-login counts per
/// account name and per client address (in memory: a restart forgets them). Sessions are the
/// database's, so only the failure counts are the actor's own.
actor SessionBook {
    private let policy: WorkspacePolicy
    private let store: Store
    private var failuresByName: [String: [Date]] = [:]
    private var failuresByAddress: [String: [Date]] = [:]

    init(policy: WorkspacePolicy, store: Store) {
        self.policy = policy
        self.store = store
    }

    /// A new session for the account; returns its token (the cookie's value).
    nonisolated func open(user: UserAccount, now: Date = Date()) throws -> String {
        let token = Self.randomToken()
        try store.openSession(tokenDigest: Self.digest(token), user: user.name, csrf: Self.randomToken(), createdAt: now,
                              expiresAt: now.addingTimeInterval(policy.sessionLifetime))
        return token
    }

    /// The live session of a token, with the account's current role; nil once expired,
    /// closed, or the account removed.
    nonisolated func session(_ token: String, now: Date = Date()) throws -> SignedIn? {
        try store.session(tokenDigest: Self.digest(token), at: now).map {
            SignedIn(name: $0.name, role: $0.role, csrf: $0.csrf, expires: $0.expiresAt)
        }
    }

    nonisolated func close(_ token: String) throws {
        try store.closeSession(tokenDigest: Self.digest(token))
    }

    /// What the history keeps of a token: its SHA-256, so whoever reads the file learns no token.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }

    /// True while this name or address has failed too often within the window.
    func isLimited(name: String, address: String, now: Date = Date()) -> Bool {
        let since = now.addingTimeInterval(-policy.loginWindow)
        failuresByName[name] = failuresByName[name]?.filter { $0 > since }
        failuresByAddress[address] = failuresByAddress[address]?.filter { $0 > since }
        return (failuresByName[name]?.count ?? 0) >= policy.maxFailuresPerName
            || (failuresByAddress[address]?.count ?? 0) >= policy.maxFailuresPerAddress
    }

    func recordFailure(name: String, address: String, now: Date = Date()) {
        failuresByName[name, default: []].append(now)
        failuresByAddress[address, default: []].append(now)
    }

    func recordSuccess(name: String) {
        failuresByName[name] = nil
    }

    /// 256 random bits, hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares tokens without stopping at the first difference.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
