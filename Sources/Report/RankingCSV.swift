import Foundation
import Scoring
import Spreadsheet

/// The ranking as one spreadsheet (UTF-8 with BOM, Vietnamese headers), one row per agency.
public enum RankingCSV {
    /// `adjustments` (agency id → appraisers' overrides), when given, adds a column "Điều chỉnh".
    public static func render(_ ranking: Ranking, text: RankingText, adjustments: [String: [String]]? = nil) -> String {
        let head = ["Khối", "STT", "Mã cơ quan", "Tên cơ quan",
                    "Điểm \(text.yearLabel.lowercased())", "Xếp hạng \(text.yearLabel.lowercased())",
                    "Mức độ \(text.yearLabel.lowercased())",
                    "Điểm \(text.previousYearLabel.lowercased())", "Xếp hạng \(text.previousYearLabel.lowercased())",
                    "So sánh"] + (adjustments == nil ? [] : ["Điều chỉnh"])
        let rows = ranking.tiers.flatMap { tier in
            tier.rows.map { row in
                [tier.tier.label, String(row.number), row.current.agency.id, text.name(row.current.agency),
                 text.score(row.current.agency.units), text.rank(row.current.rank), row.current.level,
                 row.previous.map { text.score($0.agency.units) } ?? "",
                 row.previous.map { text.rank($0.rank) } ?? "",
                 row.previous == nil ? "" : text.change(row.change)]
                    + (adjustments.map { [($0[row.current.agency.id] ?? []).joined(separator: "; ")] } ?? [])
            }
        }
        return CSVTable.render([head] + rows + text.footnotes(ranking).map { [$0] })
    }
}
