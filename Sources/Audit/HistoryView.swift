import Foundation
import Store

/// `portal-audit history`: an agency's nights, oldest first, with what changed each night.
public enum HistoryView {
    public static func render(_ rows: [AgencyHistoryRow], policy: FlagPolicy) -> String {
        let heads = ["Đêm kiểm tra", "Lượt", "Trạng thái", "Số mục có", "Tin bài", "Văn bản", "DVC mức 3", "DVC mức 4", "Điểm", "Thay đổi"]
        let body = rows.map { row in
            [TableText.night(row.startedAt), row.runID, policy.statusLabel(row.status), String(row.itemsPresent),
             TableText.count(row.news), TableText.count(row.documents), TableText.count(row.level3), TableText.count(row.level4),
             TableText.score(row.score), row.changes.map(\.message).joined(separator: "; ")]
        }
        return TextTable(heads: heads, rows: body, numeric: [3, 4, 5, 6, 7, 8]).render()
    }
}

/// `portal-audit flags`: the flags, oldest first.
public enum FlagsView {
    /// - Parameter names: agency id → name; an agency without one is shown by its id.
    public static func render(_ flags: [Flag], names: [String: String] = [:]) -> String {
        let heads = ["Cơ quan", "Loại", "Nội dung", "Từ đêm", "Lượt gần nhất", "Tình trạng", "Quyết định"]
        let body = flags.map { flag in
            [names[flag.agency] ?? flag.agency, kindLabel(flag.kind), flag.message, TableText.night(flag.firstSeenAt),
             flag.lastSeenRun, flag.isOpen ? "Đang mở" : "Đã đóng", flag.decision.map(decisionText) ?? ""]
        }
        return TextTable(heads: heads, rows: body).render()
    }

    /// "Bỏ qua — lý do (người quyết định, 06/12/2026 08:15)": the decision in force, as the workspace wrote it.
    public static func decisionText(_ decision: FlagDecision) -> String {
        let reason = decision.reason.isEmpty ? "" : " — \(decision.reason)"
        let by = " (\(decision.user), \(TableText.night(decision.decidedAt)))"
        switch decision.kind {
        case .accept: return "Chấp nhận" + reason + by
        case .dismiss: return "Bỏ qua" + reason + by
        case .override:
            let value = decision.value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : TableText.score($0) } ?? "—"
            return "Điều chỉnh \(decision.criterion ?? "") thành \(value)" + reason + by
        }
    }

    public static func kindLabel(_ kind: Flag.Kind) -> String {
        switch kind {
        case .missing: return "Thiếu mục"
        case .discrepancy: return "Sai lệch số liệu"
        case .stale: return "Không kiểm tra được"
        case .unaudited: return "Xếp hạng chưa kiểm chứng"
        case .injectedContent: return "Nội dung bị chèn"
        case .staleSection: return "Chậm cập nhật"
        }
    }
}

/// `portal-audit user list`: the workspace's accounts.
public enum UsersView {
    public static func render(_ users: [UserAccount]) -> String {
        TextTable(heads: ["Tài khoản", "Vai trò", "Tạo lúc"], rows: users.map { [$0.name, $0.role.rawValue, TableText.night($0.createdAt)] }).render()
    }
}
