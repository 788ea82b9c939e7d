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
}

/// The server's sessions (in memory: a restart signs everyone out) and its failed-login
/// counts per account name and per client address.
actor SessionBook {
    private let policy: WorkspacePolicy
    private var sessions: [String: SignedIn] = [:]
    private var failuresByName: [String: [Date]] = [:]
    private var failuresByAddress: [String: [Date]] = [:]

    init(policy: WorkspacePolicy) {
        self.policy = policy
    }

    func open(user: UserAccount, now: Date = Date()) -> String {
        sessions = sessions.filter { $0.value.expires > now }
        let token = Self.randomToken()
        sessions[token] = SignedIn(name: user.name, role: user.role, csrf: Self.randomToken(), expires: now.addingTimeInterval(policy.sessionLifetime))
        return token
    }

    func session(_ token: String, now: Date = Date()) -> SignedIn? {
        guard let session = sessions[token] else { return nil }
        guard session.expires > now else {
            sessions[token] = nil
            return nil
        }
        return session
    }

    func close(_ token: String) {
        sessions[token] = nil
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
