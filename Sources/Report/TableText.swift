import Foundation
import Spreadsheet

/// How nights, counts and scores are written for appraisers (the terminal views and the workspace).
public enum TableText {
    private static let nightFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter
    }()

    public static func night(_ date: Date) -> String { nightFormat.string(from: date) }

    public static func count(_ value: Int?) -> String { value.map(String.init) ?? "—" }

    /// 95.3 → "95,3".
    public static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        return DecimalText.fixed(value, digits: 1)
    }
}
