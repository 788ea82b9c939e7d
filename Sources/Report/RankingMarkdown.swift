import Foundation
import Scoring
import Spreadsheet

/// The ranking as the decision prints it: one table per tier (Bảng 1, 2, …),
/// the averages sentence and the level-share table.
public enum RankingMarkdown {
    public static func render(_ ranking: Ranking, text: RankingText, hasPrevious: Bool) -> String {
        var out: [String] = []
        for (index, tier) in ranking.tiers.enumerated() {
            out.append(table(tier, text: text, hasPrevious: hasPrevious))
            out.append("*Bảng \(index + 1). \(tier.tier.caption)*")
        }
        out += text.footnotes(ranking)
        out.append(averages(ranking, text: text))
        out.append("Về tỷ lệ mức độ:")
        out.append(shares(ranking, text: text, hasPrevious: hasPrevious))
        return out.joined(separator: "\n\n") + "\n"
    }

    static func table(_ tier: TierRanking, text: RankingText, hasPrevious: Bool) -> String {
        let head = hasPrevious ? ["STT", "Tên cơ quan", text.yearLabel, text.previousYearLabel, "So sánh"]
                               : ["STT", "Tên cơ quan", text.yearLabel]
        let rows = tier.rows.map { row -> [String] in
            let cells = [String(row.number), text.name(row.current.agency), text.cell(row.current)]
            return hasPrevious ? cells + [text.cell(row.previous), text.change(row.change)] : cells
        }
        return markdownTable([head] + rows)
    }

    public static func averages(_ ranking: Ranking, text: RankingText) -> String {
        let outOf = DecimalText.format(units: Int(ranking.rules.outOf), decimals: 0)
        func change(_ average: AverageComparison) -> String {
            average.change.map { " (*\(text.averageChange($0))*)" } ?? ""
        }
        var lines = ["\(text.yearLabel), mức độ ứng dụng CNTT của các cơ quan nhà nước tỉnh \(ranking.rules.province) "
            + "đạt mức \(ranking.overall.level) với điểm trung bình là \(ranking.overall.printedCurrent)/\(outOf) điểm"
            + "\(change(ranking.overall)), trong đó:"]
        for (index, tier) in ranking.tiers.enumerated() {
            let end = index == ranking.tiers.count - 1 ? "." : ";"
            lines.append("+ Điểm trung bình của \(tier.tier.averageLabel) là \(tier.average.printedCurrent)/\(outOf) điểm"
                + "\(change(tier.average))\(end)")
        }
        return lines.joined(separator: "\n\n")
    }

    static func shares(_ ranking: Ranking, text: RankingText, hasPrevious: Bool) -> String {
        let years = hasPrevious ? [text.yearLabel, text.previousYearLabel] : [text.yearLabel]
        let head = ["Mức độ \\ Khối"] + ranking.tiers.flatMap { tier in
            [tier.tier.label] + Array(repeating: "", count: years.count - 1)
        }
        let yearRow = [""] + ranking.tiers.flatMap { _ in years }
        let levels = ranking.rules.levels.levels.enumerated().map { index, level -> [String] in
            ["Mức \(level.name)"] + ranking.tiers.flatMap { tier -> [String] in
                let share = tier.shares[index]
                let cells = ["\(share.current)%"]
                return hasPrevious ? cells + [share.previous.map { "\($0)%" } ?? "—"] : cells
            }
        }
        return markdownTable([head, yearRow] + levels)
    }

    static func markdownTable(_ rows: [[String]]) -> String {
        let escaped = rows.map { $0.map { $0.replacingOccurrences(of: "|", with: "\\|") } }
        var lines = ["| " + escaped[0].joined(separator: " | ") + " |",
                     "|" + escaped[0].map { _ in "---" }.joined(separator: "|") + "|"]
        lines += escaped.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}
