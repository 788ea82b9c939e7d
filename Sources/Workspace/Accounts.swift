import Foundation
import HummingbirdBcrypt
import Store

/// What the workspace refuses of an account's input, with a stable code (the command
/// line decides the exit code from it, the pages show the description).
public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case passwordTooShort(minimum: Int)
    case badAccountName(String)

    public var description: String {
        switch self {
        case .passwordTooShort(let minimum): return "mật khẩu cần ít nhất \(minimum) ký tự (password too short)"
        case .badAccountName(let name): return "tên tài khoản chỉ gồm chữ, số, '.', '_' hoặc '-' (1–64 ký tự): \(name)"
        }
    }

    /// Stable across versions, for scripts and logs.
    public var code: String {
        switch self {
        case .passwordTooShort: return "password-too-short"
        case .badAccountName: return "bad-account-name"
        }
    }
}

/// Creating accounts and checking passwords: bcrypt, never the password itself.
public struct Accounts: Sendable {
    public let policy: WorkspacePolicy

    public init(policy: WorkspacePolicy) {
        self.policy = policy
    }

    public static let minimumPasswordLength = 8

    /// Who changes accounts with `portal-audit user`, in the account log.
    public static let commandLine = "dòng lệnh"

    /// `by`: the administrator adding it, or `commandLine`.
    public func add(name: String, role: UserAccount.Role, password: String, to store: Store, by: String) throws {
        try Self.checkName(name)
        try store.addUser(UserAccount(name: name, role: role, passwordHash: try hash(password), createdAt: Date()), by: by)
    }

    public func setPassword(_ password: String, user name: String, in store: Store, by: String) throws {
        try store.setPasswordHash(try hash(password), user: name, by: by)
    }

    /// A valid hash at the policy's cost that no password is known for (see `verify`).
    func decoyHash() -> String {
        Bcrypt.hash(SessionBook.randomToken(), cost: UInt8(policy.bcryptCost))
    }

    /// The account when the password matches. An unknown name is checked against `decoy`
    /// all the same, so the answer's timing does not tell which names exist.
    func verify(name: String, password: String, in store: Store, decoy: String) throws -> UserAccount? {
        guard let user = try store.user(named: name) else {
            _ = Bcrypt.verify(password, hash: decoy)
            return nil
        }
        return Bcrypt.verify(password, hash: user.passwordHash) ? user : nil
    }

    private func hash(_ password: String) throws -> String {
        guard password.count >= Self.minimumPasswordLength else {
            throw WorkspaceError.passwordTooShort(minimum: Self.minimumPasswordLength)
        }
        return Bcrypt.hash(password, cost: UInt8(policy.bcryptCost))
    }

    /// Names are ascii: letters, digits, '.', '_' and '-', at most 64.
    static func checkName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        guard allowed, (1...64).contains(name.count) else {
            throw WorkspaceError.badAccountName(name)
        }
    }

}
