import Foundation

/// A plain-text table for the terminal: columns padded to their widest cell,
/// counted in characters so Vietnamese letters with diacritics align.
struct TerminalTable {
    var heads: [String]
    var rows: [[String]]
    /// Columns of figures, aligned right.
    var numeric: Set<Int> = []

    func render() -> String {
        let widths = heads.indices.map { column in
            ([heads] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            heads.indices.map { column in
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(heads), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
