import Foundation
import HTML

/// Collects legal documents from document tables ("Số/Ký hiệu | Ngày ban
/// hành | Trích yếu") and document pages ("Số ký hiệu: …"), counted once by
/// number, issuer and year (numbers restart each year), and tells those the
/// agency issued itself.
final class DocumentCounter {
    private let year: Int
    private let owner: DocumentOwner?
    private let table: TableReader
    private let numbers: DocumentNumberScanner
    private let dates: DateParser
    private let pager: PagerReader
    private let keys: URLKeyMaker
    private var documents: [String: DocumentEntry] = [:]
    private var order: [String] = []
    private var fromTables = 0
    private var fromPages = 0
    private var partial = false
    /// Pages that show a document (its row link or its detail page): on
    /// platforms where documents and news share URL shapes, not news.
    private(set) var documentURLs: Set<String> = []

    init(rules: RuleSet, year: Int, keys: URLKeyMaker, agency: AgencyIdentity?) {
        self.year = year
        owner = agency.map { DocumentOwner(agency: $0, vocabulary: rules.documents) }
        table = TableReader(columns: rules.documents.columns)
        numbers = DocumentNumberScanner(vocabulary: rules.documents)
        dates = DateParser(vocabulary: rules.dates)
        pager = PagerReader(vocabulary: rules.news)
        self.keys = keys
    }

    func consume(_ page: PageView) {
        guard (200..<300).contains(page.input.status) else { return }
        var tableRows = 0
        for node in page.document.elements(named: ["table"]) {
            guard let rows = table.rows(of: node, required: "number", minFields: 2) else { continue }
            for row in rows {
                if add(entry(from: row.cells, row: row.node, page: page), page: page) { tableRows += 1 }
            }
        }
        fromTables += tableRows
        if tableRows > 0 {
            if pager.isScriptOnly(page.document) { partial = true }
        } else if let entry = documentPage(page), add(entry, page: page) {
            fromPages += 1
        }
    }

    private func entry(from cells: [String: HTMLNode], row: HTMLNode, page: PageView) -> DocumentEntry {
        let numberText = cells["number"]?.text ?? ""
        let number = numbers.all(in: numberText).first
        let date = cells["date"].flatMap { dates.all(in: $0.text).first }
        let link = (cells["number"]?.nodes(".//a[@href]").first ?? cells["summary"]?.nodes(".//a[@href]").first
            ?? row.nodes(".//a[@href]").first)?.attribute("href")
            .flatMap { URLResolver.resolve($0, against: page.baseURL) }
        let own = owner?.decide(issuer: cells["issuer"]?.text, number: number, named: "issuer")
        return DocumentEntry(
            number: number?.text ?? (numberText.isEmpty ? nil : numberText), date: date?.iso,
            effective: cells["effective"].flatMap { dates.all(in: $0.text).first?.iso },
            summary: cells["summary"]?.text, url: link ?? page.input.url,
            type: cells["type"]?.text ?? number.map { numbers.typeName($0.type) ?? $0.type },
            issuer: cells["issuer"]?.text ?? number?.issuer, year: date?.year ?? number?.year,
            own: own?.own, ownBy: own?.by)
    }

    /// A page describing one document: two-cell rows or "Label: value" lines.
    private func documentPage(_ page: PageView) -> DocumentEntry? {
        var fields: [String: String] = [:]
        for row in page.document.elements(named: ["tr"]) {
            let cells = row.children(named: ["td", "th"])
            guard cells.count == 2 else { continue }
            if let field = table.field(named: cells[0].text), fields[field] == nil { fields[field] = cells[1].text }
        }
        if let main = page.main {
            for line in main.lines where line.containsByte(0x3A) && !line.isLonger(than: 399) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let label = String(line[..<colon])
                let value = line[line.index(after: colon)...].trimmingWhitespace()
                if !value.isEmpty, let field = table.field(named: label), fields[field] == nil { fields[field] = value }
            }
        }
        guard let numberText = fields["number"], let number = numbers.all(in: numberText).first else { return nil }
        let date = fields["date"].flatMap { dates.all(in: $0).first }
        let own = owner?.decide(issuer: fields["issuer"], number: number, named: "page")
        return DocumentEntry(
            number: number.text, date: date?.iso, effective: fields["effective"].flatMap { dates.all(in: $0).first?.iso },
            summary: fields["summary"], url: page.input.url,
            type: fields["type"] ?? numbers.typeName(number.type) ?? number.type,
            issuer: fields["issuer"] ?? number.issuer, year: date?.year ?? number.year, own: own?.own, ownBy: own?.by)
    }

    /// Adds a document unless already known; fills gaps of a known one.
    @discardableResult
    private func add(_ entry: DocumentEntry, page: PageView) -> Bool {
        if let url = entry.url, url != page.input.url || entry.summary != nil { documentURLs.insert(url) }
        let key: String
        if let text = entry.number, let number = numbers.all(in: text).first {
            // 100/QĐ-SYT of 2020 and of 2021 are two documents.
            key = number.key + (number.year == nil ? "@" + (entry.year.map(String.init) ?? "?") : "")
        } else if let url = entry.url, url != page.input.url {
            key = keys.key(url)
        } else {
            return false
        }
        if var known = documents[key] {
            known.date = known.date ?? entry.date
            known.effective = known.effective ?? entry.effective
            known.summary = known.summary ?? entry.summary
            known.year = known.year ?? entry.year
            // What the issuer column or the document's page says outranks the code in the number.
            if entry.own != nil, known.own == nil || (known.ownBy == "code" && entry.ownBy != "code") {
                known.own = entry.own
                known.ownBy = entry.ownBy
            }
            documents[key] = known
            return false
        }
        documents[key] = entry
        order.append(key)
        return true
    }

    func finish() -> DocumentFindings {
        let inYear = order.compactMap { documents[$0] }.filter { $0.year == year }
        let method: String
        switch (fromTables > 0, fromPages > 0) {
        case (true, true): method = "table+pages"
        case (true, false): method = "table"
        case (false, true): method = "pages"
        default: method = "none"
        }
        let (own, reason) = ownCount(inYear)
        return DocumentFindings(count: inYear.count, own: own, ownReason: reason, method: method, partial: partial, list: inYear)
    }

    /// The documents the agency issued, when every one's issuer is told.
    private func ownCount(_ documents: [DocumentEntry]) -> (Int?, String) {
        guard let owner else { return (nil, "không biết tên, mã cơ quan (targets.yaml) để so với cơ quan ban hành") }
        let unknown = documents.filter { $0.own == nil }
        guard unknown.isEmpty else {
            let examples = unknown.prefix(3).compactMap(\.number).joined(separator: ", ")
            return (nil, "\(unknown.count)/\(documents.count) văn bản không rõ cơ quan ban hành (\(examples)): "
                + "không có cột hay trang ghi cơ quan ban hành" + (owner.sharedCode ? ", và mã \(owner.code ?? "") trong số ký hiệu cũng là mã của cơ quan khác" : "")
                + (owner.code == nil ? ", và targets.yaml không ghi mã (code:) của cơ quan" : ""))
        }
        let own = documents.filter { $0.own == true }.count
        let by = Dictionary(grouping: documents, by: { $0.ownBy ?? "" }).mapValues(\.count)
        let basis = [("issuer", "cột cơ quan ban hành"), ("page", "trang văn bản"), ("code", "mã \(owner.code ?? "") trong số ký hiệu")]
            .compactMap { key, name in by[key].map { "\(name): \($0)" } }
        return (own, "\(own)/\(documents.count) văn bản do \(owner.name) ban hành" + (basis.isEmpty ? "" : " (" + basis.joined(separator: ", ") + ")"))
    }
}
