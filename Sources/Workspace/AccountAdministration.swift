import Foundation
import Hummingbird
import Store

/// `GET /users` and `POST /users`: administrators add accounts, change roles, reset passwords
/// and remove accounts; every change is logged with who and when. Anyone else gets 403.
extension WorkspaceServer {
    static let accountLogShown = 200

    func usersPage(_ request: Request) async throws -> Response {
        guard let user = try await signedIn(request) else { return Self.redirect("/login") }
        try requireAdmin(user)
        return Self.html(pages.users(try store.users(), changes: try store.accountChanges(limit: Self.accountLogShown), user: user))
    }

    func changeAccount(_ request: Request) async throws -> Response {
        guard let user = try await signedIn(request) else { return Self.redirect("/login") }
        let form = try await requireToken(request, user: user)
        try requireAdmin(user)
        func refuse(_ problem: String) throws -> Response {
            Self.html(pages.users(try store.users(), changes: try store.accountChanges(limit: Self.accountLogShown), user: user, error: problem),
                      status: .unprocessableContent)
        }
        let name = form.nonEmpty("name") ?? ""
        let role = form.nonEmpty("role").flatMap(UserAccount.Role.init(rawValue:))
        do {
            switch form.nonEmpty("action") {
            case "add":
                guard let role else { return try refuse("Hãy chọn vai trò.") }
                try accounts.add(name: name, role: role, password: form["password"] ?? "", to: store, by: user.name)
            case "role":
                guard let role else { return try refuse("Hãy chọn vai trò.") }
                // An administrator who demoted themselves could leave the workspace without one.
                if name == user.name, role != .admin { return try refuse("Không thể tự hạ vai trò của tài khoản đang dùng.") }
                try store.setRole(role, user: name, by: user.name)
            case "password":
                try accounts.setPassword(form["password"] ?? "", user: name, in: store, by: user.name)
            case "remove":
                if name == user.name { return try refuse("Không thể tự xoá tài khoản đang dùng.") }
                try store.removeUser(named: name, by: user.name)
            default:
                return try refuse("Thao tác không hợp lệ.")
            }
        } catch let error as StoreError {
            return try refuse(error.description)
        } catch let error as WorkspaceError {
            return try refuse(error.description)
        }
        return Self.redirect("/users")
    }

    private func requireAdmin(_ user: SignedIn) throws {
        guard user.canManageAccounts else {
            throw PageError(status: .forbidden, title: "Không được phép", text: "Chỉ tài khoản quản trị mới quản lý được tài khoản.")
        }
    }
}
