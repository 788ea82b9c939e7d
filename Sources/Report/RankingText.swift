import Foundation
import Scoring
import Spreadsheet

/// How the decision writes its cells: "01 (95,3)", "+5", "-2", "=".
public struct RankingText {
    public let conventions: RankingConventions
    /// "Năm 2020", or "Năm nay"/"Năm trước" when the years are unknown.
    public let yearLabel: String
    public let previousYearLabel: String
    /// "năm 2019" as the averages sentence says it.
    public let previousYearPhrase: String
    /// What the web criteria of an unaudited portal counted, for the footnote.
    public var unauditedRule: UnauditedRule = .reported

    public init(conventions: RankingConventions, year: Int?, previousYear: Int?, unauditedRule: UnauditedRule = .reported) {
        self.conventions = conventions
        self.unauditedRule = unauditedRule
        yearLabel = year.map { "Năm \($0)" } ?? "Năm nay"
        previousYearLabel = previousYear.map { "Năm \($0)" } ?? "Năm trước"
        previousYearPhrase = previousYear.map { "năm \($0)" } ?? "năm trước"
    }

    public func score(_ units: Int) -> String { DecimalText.format(units: units, decimals: conventions.decimals) }

    public func rank(_ rank: Int) -> String {
        let digits = String(rank)
        return String(repeating: "0", count: max(0, conventions.rankDigits - digits.count)) + digits
    }

    public func cell(_ standing: Standing?) -> String {
        guard let standing else { return "—" }
        return "\(rank(standing.rank)) (\(score(standing.agency.units)))"
    }

    /// "+5", "-2", "=", or "mới" (new) for an agency without a previous rank.
    public func change(_ change: Int?) -> String {
        guard let change else { return "mới" }
        return change == 0 ? "=" : change > 0 ? "+\(change)" : "\(change)"
    }

    /// "tăng 6 điểm so với năm 2019", "giảm 2 điểm …", "bằng năm 2019".
    public func averageChange(_ change: Int) -> String {
        change == 0 ? "bằng \(previousYearPhrase)"
            : "\(change > 0 ? "tăng" : "giảm") \(abs(change)) điểm so với \(previousYearPhrase)"
    }

    /// The marks after an agency's name: "(*)" portal not audited, "(**)" no self-report.
    public func marks(_ agency: AgencyScore) -> String {
        (agency.unaudited == nil ? "" : " (*)") + (agency.notReported ? " (**)" : "")
    }

    public func name(_ agency: AgencyScore) -> String { agency.name + marks(agency) }

    /// The footnotes of the marks a ranking uses.
    public func footnotes(_ ranking: Ranking) -> [String] {
        let agencies = ranking.tiers.flatMap(\.rows).map(\.current.agency)
        var notes: [String] = []
        if agencies.contains(where: { $0.unaudited != nil }) {
            let rule = switch unauditedRule {
            case .reported: "tính theo số liệu tự báo cáo, chưa được kiểm chứng"
            case .lastMeasured: "tính theo số đo của đêm gần nhất kiểm tra được"
            case .zero: "tính 0 điểm"
            }
            notes.append("(*) Cổng/Trang TTĐT không kiểm tra được (không truy cập được, bị chặn hoặc không đọc được trang nào): các tiêu chí kiểm chứng trên web \(rule).")
        }
        if agencies.contains(where: \.notReported) {
            notes.append("(**) Cơ quan chưa báo cáo: chỉ tính các tiêu chí đo được trên web, các tiêu chí khác 0 điểm.")
        }
        return notes
    }

    public func scoreValue(_ units: Int) -> Double {
        Double(units) / Double(DecimalText.powerOfTen(conventions.decimals))
    }
}
