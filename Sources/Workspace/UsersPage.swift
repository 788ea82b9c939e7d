import Audit
import Report
import Store

/// The administrators' page of accounts: who may sign in, with which role, and the log of
/// who changed what and when.
extension Pages {
    func users(_ accounts: [UserAccount], changes: [AccountChange], user: SignedIn, error: String? = nil) -> HTML {
        let problem: HTML = error.map { "<p class=\"thong-bao\" role=\"alert\">\($0)</p>" } ?? ""
        let csrf: HTML = "<input type=\"hidden\" name=\"csrf\" value=\"\(user.csrf)\">"
        let rows: [HTML] = accounts.map { account in
            let roles: [HTML] = UserAccount.Role.allCases.map { option($0.rawValue, Self.roleLabel($0), account.role.rawValue) }
            return """
                <tr data-account="\(account.name)"><td>\(account.name)</td><td>\(Self.roleLabel(account.role))</td>\
                <td>\(Wording.night(account.createdAt))</td><td>\
                <form method="post" action="/users">\(csrf)<input type="hidden" name="action" value="role">\
                <input type="hidden" name="name" value="\(account.name)"><select name="role" aria-label="Vai trò của \(account.name)">\(roles)</select>\
                <button type="submit">Đổi vai trò</button></form>\
                <form method="post" action="/users">\(csrf)<input type="hidden" name="action" value="password">\
                <input type="hidden" name="name" value="\(account.name)">\
                <input type="password" name="password" autocomplete="new-password" aria-label="Mật khẩu mới của \(account.name)" required>\
                <button type="submit">Đặt lại mật khẩu</button></form>\
                <form method="post" action="/users">\(csrf)<input type="hidden" name="action" value="remove">\
                <input type="hidden" name="name" value="\(account.name)"><button type="submit">Xoá tài khoản</button></form>\
                </td></tr>
                """
        }
        let log: [HTML] = changes.map { change in
            "<tr><td>\(Wording.night(change.at))</td><td>\(change.by)</td><td>\(Self.changeLabel(change))</td><td>\(change.account)</td></tr>"
        }
        let newRoles: [HTML] = UserAccount.Role.allCases.map { option($0.rawValue, Self.roleLabel($0), UserAccount.Role.viewer.rawValue) }
        return layout(title: "Tài khoản", user: user, """
            \(problem)
            <table><thead><tr><th>Tên đăng nhập</th><th>Vai trò</th><th>Tạo lúc</th><th>Thao tác</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>Thêm tài khoản</h2>
            <form method="post" action="/users">\(csrf)<input type="hidden" name="action" value="add">
            <label>Tên đăng nhập <input name="name" autocomplete="off" required></label>
            <label>Vai trò <select name="role">\(newRoles)</select></label>
            <label>Mật khẩu (ít nhất \(Accounts.minimumPasswordLength) ký tự) <input name="password" type="password" autocomplete="new-password" required></label>
            <button type="submit">Thêm tài khoản</button>
            </form>
            <h2>Nhật ký thay đổi tài khoản</h2>
            \(log.isEmpty ? HTML("<p>Chưa có thay đổi nào.</p>") : HTML("<table><thead><tr><th>Lúc</th><th>Người thực hiện</th><th>Thay đổi</th><th>Tài khoản</th></tr></thead><tbody>\(log)</tbody></table>"))
            """)
    }

    static func changeLabel(_ change: AccountChange) -> String {
        switch change.action {
        case .add: return "Thêm (\(change.role.map(roleLabel) ?? ""))"
        case .role: return "Đổi vai trò thành \(change.role.map(roleLabel) ?? "")"
        case .remove: return "Xoá"
        case .password: return "Đặt lại mật khẩu"
        }
    }
}
