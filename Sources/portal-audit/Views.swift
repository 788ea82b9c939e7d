import Foundation
import Report
import Store

/// `portal-audit history`: an agency's nights, oldest first, with what changed each night.
enum HistoryView {
    static func render(_ rows: [AgencyHistoryRow]) -> String {
        let heads = ["Đêm kiểm tra", "Lượt", "Trạng thái", "Số mục có", "Tin bài", "Văn bản", "DVC mức 3", "DVC mức 4", "Điểm", "Thay đổi"]
        let body = rows.map { row in
            [Wording.night(row.startedAt), row.runID, Wording.inlineStatus(row.status), String(row.itemsPresent),
             Wording.count(row.news), Wording.count(row.documents), Wording.count(row.level3), Wording.count(row.level4),
             Wording.score(row.score), row.changes.map { Wording.change($0.reason) }.joined(separator: "; ")]
        }
        return TerminalTable(heads: heads, rows: body, numeric: [3, 4, 5, 6, 7, 8]).render()
    }
}

/// `portal-audit flags`: the flags, oldest first.
enum FlagsView {
    /// - Parameter names: agency id → name; an agency without one is shown by its id.
    static func render(_ flags: [Flag], names: [String: String] = [:]) -> String {
        let heads = ["Cơ quan", "Loại", "Nội dung", "Từ đêm", "Lượt gần nhất", "Tình trạng", "Quyết định"]
        let body = flags.map { flag in
            [names[flag.agency] ?? flag.agency, Wording.flagKind(flag.kind), Wording.flag(flag.reason), Wording.night(flag.firstSeenAt),
             flag.lastSeenRun, Wording.flagState(open: flag.isOpen), flag.decision.map(words) ?? ""]
        }
        return TerminalTable(heads: heads, rows: body).render()
    }

    static func words(_ decision: FlagDecision) -> String {
        Wording.decision(decision.kind, reason: decision.reason, criterion: decision.criterion, value: decision.value,
                         user: decision.user, at: decision.decidedAt)
    }
}

/// `portal-audit user list`: the workspace's accounts.
enum UsersView {
    static func render(_ users: [UserAccount]) -> String {
        TerminalTable(heads: ["Tài khoản", "Vai trò", "Tạo lúc"], rows: users.map { [$0.name, $0.role.rawValue, Wording.night($0.createdAt)] }).render()
    }
}
