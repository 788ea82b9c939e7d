import HTML

/// Reads data tables whose header row names known columns ("Số/Ký hiệu",
/// "Trích yếu", "Mức độ"…): each data row becomes field → cell.
struct TableReader {
    private let columns: PhraseIndex<String>

    init(columns: [String: [String]]) {
        self.columns = PhraseIndex(columns.flatMap { field, synonyms in synonyms.map { ($0, field) } })
    }

    struct Row {
        var cells: [String: HTMLNode]
        var node: HTMLNode
    }

    /// The rows of `table` keyed by field, when its header names `required`
    /// and at least `minFields` known columns.
    func rows(of table: HTMLNode, required: String, minFields: Int) -> [Row]? {
        // ./tr|./thead/tr|./tbody/tr|./tfoot/tr, in document order.
        let rows = table.children(named: ["tr", "thead", "tbody", "tfoot"]).flatMap { part in
            part.name == "tr" ? [part] : part.children(named: ["tr"])
        }
        guard let headerIndex = rows.prefix(3).firstIndex(where: { !$0.children(named: ["th"]).isEmpty })
            ?? (rows.isEmpty ? nil : 0) else {
            return nil
        }
        let header = rows[headerIndex].children(named: ["th", "td"])
        var fields: [Int: String] = [:]
        for (index, cell) in header.enumerated() {
            if let field = field(named: cell.text), !fields.values.contains(field) { fields[index] = field }
        }
        guard fields.values.contains(required), fields.count >= minFields else { return nil }
        return rows[(headerIndex + 1)...].compactMap { row in
            let cells = row.children(named: ["td", "th"])
            guard cells.count >= 2 else { return nil }
            var byField: [String: HTMLNode] = [:]
            for (index, field) in fields where index < cells.count { byField[field] = cells[index] }
            return Row(cells: byField, node: row)
        }
    }

    /// The field a header or label names; the longest matching synonym wins.
    func field(named text: String) -> String? {
        let words = Words.of(text)
        guard words.count <= 8 else { return nil }
        return columns.labels(of: words, maxExtraWords: 3).max { $0.words.count < $1.words.count }?.value
    }
}
