import Foundation
import Spreadsheet

/// The report's Vietnamese wording and number/date style, in one place for every renderer.
enum Wording {
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

    static func year(_ year: Int) -> String { "Năm \(year)" }
    static func levelName(_ level: String) -> String { "Mức \(level)" }

    static func state(_ state: ItemState) -> String {
        switch state {
        case .present: return "Có"
        case .absent: return "Không có"
        case .inconclusive: return "Chưa xác định"
        }
    }

    static func status(_ status: String) -> String {
        switch status {
        case "ok": return "Kiểm tra được đầy đủ"
        case "partial": return "Kiểm tra được một phần"
        case "unreachable": return "Không truy cập được"
        case "blocked": return "Bị chặn truy cập"
        default: return status
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
    static func time(_ date: Date?) -> String { date.map { timeFormat.string(from: $0) } ?? "" }
    static func shortDay(_ date: Date) -> String { shortDayFormat.string(from: date) }
}
