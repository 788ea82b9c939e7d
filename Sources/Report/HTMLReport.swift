import Foundation

/// One self-contained, printable HTML file: inline CSS, inline SVG charts, no scripts, no external assets.
/// Well-formed as XML too, so tests can parse it whole.
public enum HTMLReport {
    public static func render(_ model: ReportModel) -> String {
        var html = head(model, agencies: model.agencies.map(\.id))
        for agency in model.agencies { html += part(agency) }
        return html + tail(agencies: !model.agencies.isEmpty)
    }

    /// The report in parts, for a night whose agencies come one at a time: `head`,
    /// then each agency's `part`, then `tail` make `render`'s text.
    /// - Parameter agencies: the ids of the agencies whose parts follow (the ranking links to them); `model.agencies` is not read.
    public static func head(_ model: ReportModel, agencies: [String]) -> String {
        var html: [String] = []
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"vi\"><head><meta charset=\"utf-8\"/>")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        html.append("<title>\(e(model.title))</title>")
        html.append("<style>\(style)</style></head><body>")
        html.append("<header><h1>\(e(model.title))</h1>")
        html.append("<p class=\"meta\">\(e(Wording.run)): \(e(model.run.id)) · \(e(Wording.time(model.run.startedAt)))"
                    + (model.run.finishedAt.map { " – \(e(Wording.time($0)))" } ?? "")
                    + " · \(e(Wording.rules)): \(e(model.run.rules))</p></header>")
        html.append("<main>")
        html.append("<section><h2>\(e(Wording.results))</h2>")
        let detailed = Set(agencies)
        for table in model.rankings { html.append(ranking(table, run: model.run, detailed: detailed)) }
        for note in model.rankingNotes ?? [] { html.append("<p class=\"note\">\(e(note))</p>") }
        html.append("</section>")
        if !model.levelShares.isEmpty {
            html.append("<section><h2>\(e(Wording.levelShares))</h2>\(levelShares(model.levelShares))</section>")
        }
        if !model.averages.isEmpty {
            html.append("<section><h2>\(e(Wording.averages))</h2>\(averages(model.averages))</section>")
        }
        if !agencies.isEmpty { html.append("<section><h2>\(e(Wording.agencies))</h2>") }
        return html.map { $0 + "\n" }.joined()
    }

    public static func part(_ agency: AgencyReport) -> String { self.agency(agency) + "\n" }

    /// - Parameter agencies: whether any agency's part came.
    public static func tail(agencies: Bool) -> String {
        (agencies ? "</section>\n" : "") + "</main></body></html>\n"
    }

    private static func e(_ text: String) -> String { Markup.escape(text) }

    /// Names link to the agency's section when the report has one.
    private static func ranking(_ table: RankingTable, run: RunSummary, detailed: Set<String>) -> String {
        var rows: [String] = []
        for row in table.rows {
            let marked = Wording.markedName(row)
            let name = detailed.contains(row.id) ? "<a href=\"#agency-\(e(row.id))\">\(e(marked))</a>" : e(marked)
            rows.append("<tr><td class=\"num\">\(row.stt)</td><td>\(name)</td>"
                        + "<td class=\"num\">\(e(row.rankText))</td><td class=\"num\">\(e(row.previousText))</td>"
                        + "<td class=\"num\">\(e(row.changeText))</td><td>\(e(row.level))</td></tr>")
        }
        let previous = run.previousYear.map { e(Wording.year($0)) } ?? ""
        return """
            <table class="ranking"><caption>\(e(table.caption))</caption>
            <thead><tr><th>\(Wording.stt)</th><th>\(Wording.agencyName)</th><th>\(e(Wording.year(run.year)))</th><th>\(previous)</th><th>\(Wording.compare)</th><th>\(Wording.level)</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            """
    }

    private static func levelShares(_ tables: [LevelShareTable]) -> String {
        let head1 = tables.map { "<th colspan=\"\(max(1, $0.years.count))\">\(e($0.tierLabel))</th>" }.joined()
        let head2 = tables.flatMap { $0.years.map { "<th>\(e(Wording.year($0)))</th>" } }.joined()
        let levels = tables.first?.rows.map(\.level) ?? []
        let body = levels.map { level in
            let cells = tables.flatMap { table -> [String] in
                let percents = table.rows.first { $0.level == level }?.percents ?? []
                return table.years.indices.map { index in
                    "<td class=\"num\">\(e(Wording.percent(index < percents.count ? percents[index] : nil)))</td>"
                }
            }
            return "<tr><th scope=\"row\">\(e(Wording.levelName(level)))</th>\(cells.joined())</tr>"
        }
        return """
            <table class="shares"><thead>
            <tr><th rowspan="2">\(Wording.level) \\ \(Wording.block)</th>\(head1)</tr>
            <tr>\(head2)</tr></thead>
            <tbody>
            \(body.joined(separator: "\n"))
            </tbody></table>
            """
    }

    private static func averages(_ rows: [AverageRow]) -> String {
        let body = rows.map { row in
            "<tr><td>\(e(row.label))</td><td class=\"num\">\(e(Wording.decimal(row.average)))</td>"
                + "<td class=\"num\">\(e(row.change.map(Wording.signed) ?? ""))</td></tr>"
        }
        return """
            <table class="averages"><thead><tr><th>\(Wording.block)</th><th>\(Wording.average)</th><th>\(Wording.change)</th></tr></thead>
            <tbody>
            \(body.joined(separator: "\n"))
            </tbody></table>
            """
    }

    private static func agency(_ agency: AgencyReport) -> String {
        var parts: [String] = []
        parts.append("<section class=\"agency\" id=\"agency-\(e(agency.id))\">")
        parts.append("<h3>\(e(agency.name))</h3>")
        var facts = "\(e(agency.tierLabel)) · \(Wording.status): <strong class=\"status-\(e(agency.status.rawValue))\">\(e(Wording.status(agency.status)))</strong>"
        if let reason = agency.statusReason { facts += " (\(e(Wording.reason(reason))))" }
        if let portal = agency.portal { facts += " · \(Markup.link(portal))" }
        if agency.unconfirmedAddress == true { facts += " <em class=\"unconfirmed\">(\(Wording.unconfirmedAddress))</em>" }
        parts.append("<p class=\"meta\">\(facts)</p>")
        if agency.rankedUnaudited == true { parts.append("<p class=\"warning\">\(Wording.unauditedMark) \(e(Wording.unauditedRanked))</p>") }
        if agency.notReported == true { parts.append("<p class=\"warning\">\(Wording.notReportedMark) \(e(Wording.notReportedNote))</p>") }

        parts.append("<h4>\(Wording.openFlags)</h4>")
        if agency.openFlags.isEmpty {
            parts.append("<p class=\"none\">\(Wording.noOpenFlags)</p>")
        } else {
            let items = agency.openFlags.map { "<li>\(e($0.message)) <span class=\"since\">(\(Wording.since) \(e(Wording.day($0.since))))</span></li>" }
            parts.append("<ul class=\"flags\">\(items.joined())</ul>")
        }

        parts.append(HealthSection.html(agency.health))

        if !agency.checklist.isEmpty {
            parts.append("<h4>\(Wording.checklist)</h4>")
            let rows = agency.checklist.enumerated().map { index, row in
                "<tr class=\"state-\(row.state.rawValue)\"><td class=\"num\">\(index + 1)</td><td>\(e(row.label))</td>"
                    + "<td class=\"state\">\(e(Wording.state(row.state)))</td><td class=\"url\">\(row.evidenceURL.map { Markup.link($0) } ?? "")</td>"
                    + "<td>\(e(Wording.time(row.capturedAt)))</td><td class=\"warc\">\(row.warcRecord.map(warcLink) ?? "")</td></tr>"
            }
            parts.append("""
                <table class="checklist"><thead><tr><th>\(Wording.stt)</th><th>\(Wording.item)</th><th>\(Wording.state)</th><th>\(Wording.evidence)</th><th>\(Wording.capturedAt)</th><th>\(Wording.warcRecord)</th></tr></thead>
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody></table>
                """)
        }

        if !agency.figures.isEmpty {
            parts.append("<h4>\(Wording.figures)</h4>")
            let rows = agency.figures.map { row in
                let links = row.evidenceURLs.map { Markup.link($0) }.joined(separator: "<br/>")
                return "<tr\(row.discrepancy ? " class=\"discrepancy\"" : "")><td>\(e(row.label))</td>"
                    + "<td class=\"num\">\(e(Wording.measured(row)))</td><td class=\"num\">\(e(Wording.figure(row.reported)))</td>"
                    + "<td class=\"flag\">\(row.discrepancy ? "⚠ Có" : "")</td><td class=\"url\">\(links)</td></tr>"
            }
            parts.append("""
                <table class="figures"><thead><tr><th>\(Wording.figure)</th><th>\(Wording.measured)</th><th>\(Wording.reported)</th><th>\(Wording.discrepancy)</th><th>\(Wording.evidence)</th></tr></thead>
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody></table>
                """)
        }

        if agency.trend.count > 1 {
            parts.append("<h4>\(Wording.trend)</h4><div class=\"charts\">")
            for chart in TrendCharts.charts(agency.trend) { parts.append(chart.svg) }
            parts.append("</div>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// "evidence/so-noi-vu.warc.gz#offset=123&length=456" → a link to the file beside the
    /// report, shown short; anything else stays text.
    private static func warcLink(_ reference: String) -> String {
        guard let pattern = try? Regex(#"evidence/([A-Za-z0-9._-]+\.warc\.gz)#offset=([0-9]+)&length=[0-9]+"#),
              let match = reference.wholeMatch(of: pattern),
              let file = match.output[1].substring, let offset = match.output[2].substring else {
            return e(reference)
        }
        return "<a href=\"\(e(reference))\" title=\"\(e(reference))\">\(e(String(file))) @\(offset)</a>"
    }

    private static let style = """
        body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; color: #111; margin: 2em auto; max-width: 60em; padding: 0 1em; }
        h1 { font-size: 17pt; text-align: center; text-transform: uppercase; }
        h2 { font-size: 15pt; border-bottom: 2px solid #234; padding-bottom: .2em; margin-top: 1.6em; }
        h3 { font-size: 14pt; margin-top: 1.4em; color: #123; }
        h4 { font-size: 12pt; margin: 1em 0 .4em; }
        .meta { color: #444; font-size: 11pt; }
        header .meta { text-align: center; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: 11.5pt; }
        caption { caption-side: bottom; font-style: italic; padding-top: .3em; }
        th, td { border: 1px solid #777; padding: .25em .45em; vertical-align: top; }
        th { background: #e8edf3; }
        td.num { text-align: center; white-space: nowrap; }
        td.url { font-size: 9.5pt; word-break: break-all; }
        td.warc { font-size: 9.5pt; white-space: nowrap; }
        td.state { white-space: nowrap; }
        p.note { font-size: 10.5pt; font-style: italic; margin: .2em 0; }
        p.warning { color: #7a3a00; font-size: 11pt; }
        em.unconfirmed { color: #7a5a00; }
        tr.state-present td.state { color: #14622e; font-weight: bold; }
        tr.state-absent td.state { color: #a4161a; font-weight: bold; }
        tr.health-critical td.health-state { color: #a4161a; font-weight: bold; }
        tr.health-warning td.health-state { color: #9a6700; }
        tr.state-inconclusive td.state { color: #7a5a00; font-style: italic; }
        tr.discrepancy td { background: #fde2e1; }
        tr.discrepancy td.flag { color: #a4161a; font-weight: bold; }
        ul.flags li { color: #a4161a; }
        .since { color: #555; }
        .none { color: #14622e; }
        .status-unreachable, .status-blocked { color: #a4161a; }
        .status-partial { color: #7a5a00; }
        a { color: #0b4f8a; }
        .charts svg { display: block; margin: .4em 0; max-width: 100%; height: auto; }
        svg .grid { stroke: #ddd; stroke-width: 1; }
        svg .axis { font-size: 10px; fill: #444; font-family: sans-serif; }
        svg .chart-title { font-size: 12px; font-weight: bold; fill: #123; font-family: sans-serif; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
            body { margin: 0; max-width: none; font-size: 11pt; padding: 0; }
            a { color: inherit; text-decoration: none; }
            h2, h3, h4 { break-after: avoid; }
            p.meta, caption { break-after: avoid; }
            thead { display: table-header-group; }
            tr, svg, ul.flags li { break-inside: avoid; }
            .charts { break-inside: avoid; }
            th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            tr.discrepancy td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

/// The two trend charts of an agency: its score, and its counts night by night.
enum TrendCharts {
    static func charts(_ trend: [TrendPoint]) -> [LineChart] {
        let labels = trend.map { Wording.shortDay($0.night) }
        var charts: [LineChart] = []
        if trend.contains(where: { $0.score != nil }) {
            charts.append(LineChart(title: Wording.score, xLabels: labels,
                                    series: [.init(name: Wording.score, values: trend.map(\.score), color: "#0b4f8a")]))
        }
        charts.append(LineChart(title: "\(Wording.news), \(Wording.documents), \(Wording.itemsPresent)", xLabels: labels, series: [
            .init(name: Wording.news, values: trend.map { $0.news.map(Double.init) }, color: "#c0392b"),
            .init(name: Wording.documents, values: trend.map { $0.documents.map(Double.init) }, color: "#27ae60"),
            .init(name: Wording.itemsPresent, values: trend.map { $0.itemsPresent.map(Double.init) }, color: "#8e44ad"),
        ]))
        return charts
    }
}
