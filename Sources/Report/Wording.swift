import Foundation
import Spreadsheet
import Vocabulary

/// The report's Vietnamese wording and number/date style, in one place for every renderer.
public enum Wording {
    static let results = "Kết quả đánh giá, xếp hạng"
    static let levelShares = "Tỷ lệ mức độ"
    static let averages = "Điểm trung bình"
    static let agencies = "Kết quả kiểm tra từng cơ quan"
    static let checklist = "Danh mục thông tin bắt buộc"
    static let figures = "Số liệu đo được và số liệu báo cáo"
    static let trend = "Diễn biến qua các đêm kiểm tra"
    static let openFlags = "Cảnh báo đang mở"
    static let noOpenFlags = "Không có cảnh báo đang mở."
    static let stt = "STT"
    static let agencyName = "Tên cơ quan"
    static let compare = "So sánh"
    static let score = "Điểm"
    static let level = "Mức độ"
    static let item = "Mục thông tin"
    static let state = "Tình trạng"
    static let evidence = "Bằng chứng"
    static let capturedAt = "Thời điểm ghi nhận"
    static let warcRecord = "Bản lưu WARC"
    static let figure = "Chỉ tiêu"
    static let measured = "Đo được"
    static let reported = "Báo cáo"
    static let discrepancy = "Chênh lệch"
    static let since = "Từ"
    static let average = "Điểm trung bình"
    static let change = "Thay đổi"
    static let block = "Khối"
    static let status = "Trạng thái"
    static let run = "Lượt kiểm tra"
    static let rules = "Căn cứ"
    static let news = "Tin bài"
    static let documents = "Văn bản"
    static let itemsPresent = "Số mục có"

    static let unconfirmedAddress = "địa chỉ cổng chưa được xác nhận"
    static let notReported = "chưa báo cáo"
    static let unauditedRanked = "Cổng không kiểm tra được đêm nay: các tiêu chí kiểm chứng trên web của cơ quan này chưa được kiểm chứng trong bảng xếp hạng."
    static let notReportedNote = "Cơ quan chưa gửi số liệu tự báo cáo: chỉ các tiêu chí đo được trên web được tính điểm."
    static let unauditedMark = "(*)"
    static let notReportedMark = "(**)"
    static let atLeast = "ít nhất"

    static func year(_ year: Int) -> String { "Năm \(year)" }

    /// The agency's name with the ranking's marks.
    static func markedName(_ row: RankingRow) -> String {
        row.name + (row.unaudited == nil ? "" : " " + unauditedMark) + (row.notReported == true ? " " + notReportedMark : "")
    }

    /// A measured figure, "ít nhất 11" when it is a lower bound.
    static func measured(_ row: FigureRow) -> String {
        guard let value = row.measured else { return "" }
        return row.atLeast == true ? "\(atLeast) \(figure(value))" : figure(value)
    }

    /// Fetch failure kinds (as the crawler names them) in Vietnamese.
    static let failureKinds: [String: String] = [
        "dns": "không phân giải được tên miền", "refused": "máy chủ từ chối kết nối", "timeout": "hết thời gian chờ",
        "tls": "lỗi chứng chỉ/TLS", "too-large": "trang quá lớn", "redirect-loop": "chuyển hướng vòng lặp",
        "robots": "robots.txt cấm", "scheme": "địa chỉ không phải http(s)", "network": "lỗi mạng", "http-status": "mã trạng thái HTTP",
    ]

    /// A crawl's reason with the crawler's ascii kind words ("(refused)") said in Vietnamese.
    static func reason(_ text: String) -> String {
        var result = text
        for (kind, words) in failureKinds { result = result.replacingOccurrences(of: "(\(kind))", with: "(\(words))") }
        return result
    }
    static func levelName(_ level: String) -> String { "Mức \(level)" }

    public static func state(_ state: ItemState) -> String { WordingCatalogue.standard.itemState(state) }

    /// "Kiểm tra được đầy đủ": a status standing alone.
    static func status(_ status: CrawlStatus) -> String { WordingCatalogue.standard.status(status).heading }

    /// "kiểm tra được": a status inside a sentence or a table cell.
    public static func inlineStatus(_ status: CrawlStatus) -> String { WordingCatalogue.standard.status(status).inline }

    public static func flagKind(_ kind: FlagKind) -> String { WordingCatalogue.standard.flagKind(kind) }

    public static func flagState(open: Bool) -> String { WordingCatalogue.standard.flagState(open ? .open : .closed) }

    /// A flag's reason as appraisers read it: "Thiếu mục Lịch công tác".
    public static func flag(_ reason: FlagReason) -> String { WordingCatalogue.standard.message(reason) }

    /// A change's reason as appraisers read it: "Số tin bài: 37 → 52 (+15)".
    public static func change(_ reason: ChangeReason) -> String { WordingCatalogue.standard.message(reason) }

    public static func itemLabel(_ id: String) -> String { WordingCatalogue.standard.itemLabel(id) }

    public static func countLabel(_ key: String) -> String { WordingCatalogue.standard.countLabel(key) }
    /// A portal health check as the report names it.
    public static func healthCheck(_ check: HealthCheck) -> String { WordingCatalogue.standard.healthCheck(check) }
    /// A health check's outcome: "Đạt", "Cần khắc phục" …
    public static func checkState(_ state: CheckState) -> String { WordingCatalogue.standard.checkState(state) }

    /// "Bỏ qua — lý do (người quyết định, 06/12/2026 08:15)": a decision as the workspace recorded it.
    public static func decision(_ kind: DecisionKind, reason: String, criterion: String?, value: Double?, user: String, at date: Date) -> String {
        let reason = reason.isEmpty ? "" : " — \(reason)"
        let by = " (\(user), \(night(date)))"
        let word = WordingCatalogue.standard.decision(kind)
        switch kind {
        case .accept, .dismiss: return word + reason + by
        case .override:
            let value = value.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : score($0) } ?? "—"
            return "\(word) \(criterion ?? "") thành \(value)" + reason + by
        }
    }

    /// 95.3 → "95,3": the decimal comma of Vietnamese documents.
    static func decimal(_ value: Double, digits: Int = 1) -> String { DecimalText.fixed(value, digits: digits) }

    /// Counts: whole numbers plain, anything else with one decimal.
    static func figure(_ value: Double?) -> String { value.map(DecimalText.figure) ?? "" }

    static func signed(_ value: Double) -> String {
        let text = decimal(value)
        return value > 0 ? "+" + text : text
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? "\(Int(value))%" : decimal(value) + "%"
    }

    private static let dayFormat = makeFormat("dd/MM/yyyy")
    private static let timeFormat = makeFormat("dd/MM/yyyy HH:mm")
    private static let shortDayFormat = makeFormat("dd/MM")

    private static func makeFormat(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = pattern
        return formatter
    }

    /// Times in Vietnam's zone (the audit's readers), whatever the server's.
    static func day(_ date: Date) -> String { dayFormat.string(from: date) }
    static func time(_ date: Date?) -> String { date.map(night) ?? "" }
    static func shortDay(_ date: Date) -> String { shortDayFormat.string(from: date) }

    /// A night as the terminal views and the workspace list it: "06/12/2026 08:15".
    public static func night(_ date: Date) -> String { timeFormat.string(from: date) }

    /// A count in a table cell, "—" when it was not measured.
    public static func count(_ value: Int?) -> String { value.map(String.init) ?? "—" }

    /// A score in a table cell, 95.3 → "95,3", "—" when there is none.
    public static func score(_ value: Double?) -> String { value.map { DecimalText.fixed($0, digits: 1) } ?? "—" }
}
