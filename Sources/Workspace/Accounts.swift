import Foundation
import HummingbirdBcrypt
import Store

public struct AccountInputError: Error, CustomStringConvertible {
    public var description: String
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
            throw AccountInputError(description: "mật khẩu cần ít nhất \(Self.minimumPasswordLength) ký tự (password too short)")
        }
        return Bcrypt.hash(password, cost: UInt8(policy.bcryptCost))
    }

    /// Names are ascii: letters, digits, '.', '_' and '-', at most 64.
    static func checkName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        guard allowed, (1...64).contains(name.count) else {
            throw AccountInputError(description: "tên tài khoản chỉ gồm chữ, số, '.', '_' hoặc '-' (1–64 ký tự): \(name)")
        }
    }

}
