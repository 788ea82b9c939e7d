import Foundation
import Store

/// `portal-audit history`: an agency's nights, oldest first, with what changed each night.
public enum HistoryView {
    public static func render(_ rows: [AgencyHistoryRow], policy: FlagPolicy) -> String {
        let heads = ["Đêm kiểm tra", "Lượt", "Trạng thái", "Số mục có", "Tin bài", "Văn bản", "DVC mức 3", "DVC mức 4", "Điểm", "Thay đổi"]
        let body = rows.map { row in
            [TableText.night(row.startedAt), row.runID, policy.statusLabels[row.status] ?? row.status, String(row.itemsPresent),
             TableText.count(row.news), TableText.count(row.documents), TableText.count(row.level3), TableText.count(row.level4),
             TableText.score(row.score), row.changes.map(\.message).joined(separator: "; ")]
        }
        return TextTable(heads: heads, rows: body, numeric: [3, 4, 5, 6, 7, 8]).render()
    }
}

/// `portal-audit flags`: the flags, oldest first.
public enum FlagsView {
    public static func render(_ flags: [Flag]) -> String {
        let heads = ["Cơ quan", "Loại", "Nội dung", "Từ đêm", "Lượt gần nhất", "Tình trạng"]
        let body = flags.map { flag in
            [flag.agency, kindLabel(flag.kind), flag.message, TableText.night(flag.firstSeenAt),
             flag.lastSeenRun, flag.isOpen ? "Đang mở" : "Đã đóng"]
        }
        return TextTable(heads: heads, rows: body).render()
    }

    static func kindLabel(_ kind: Flag.Kind) -> String {
        switch kind {
        case .missing: return "Thiếu mục"
        case .discrepancy: return "Sai lệch số liệu"
        case .stale: return "Không kiểm tra được"
        case .injectedContent: return "Nội dung bị chèn"
        case .staleSection: return "Chậm cập nhật"
        }
    }
}
