import Foundation

/// Markdown for e-mail: the decision's tables, then each agency's open flags and missing items.
public enum MarkdownReport {
    public static func render(_ model: ReportModel) -> String {
        var agencies = AgencyLines()
        for agency in model.agencies { agencies.add(agency) }
        return head(model) + agencies.text()
    }

    /// The sections before the agencies' (`model.agencies` is not read).
    public static func head(_ model: ReportModel) -> String {
        var lines: [String] = ["# \(m(model.title))", ""]
        lines.append("\(Wording.run): \(m(model.run.id)) · \(Wording.time(model.run.startedAt)) · \(Wording.rules): \(m(model.run.rules))")
        lines += ["", "## \(Wording.results)", ""]
        let previous = model.run.previousYear.map(Wording.year) ?? ""
        for table in model.rankings {
            lines += tableLines([Wording.stt, Wording.agencyName, Wording.year(model.run.year), previous, Wording.compare, Wording.level],
                                table.rows.map { [String($0.stt), Wording.markedName($0), $0.rankText, $0.previousText, $0.changeText, $0.level] })
            lines += ["", "*\(m(table.caption))*", ""]
        }
        for note in model.rankingNotes ?? [] { lines += [m(note), ""] }
        if !model.levelShares.isEmpty {
            lines += ["## \(Wording.levelShares)", ""]
            let heads = ["\(Wording.level) \\ \(Wording.block)"] + model.levelShares.flatMap { table in
                table.years.map { "\(table.tierLabel) – \(Wording.year($0))" }
            }
            let levels = model.levelShares.first?.rows.map(\.level) ?? []
            lines += tableLines(heads, levels.map { level in
                [Wording.levelName(level)] + model.levelShares.flatMap { table -> [String] in
                    let percents = table.rows.first { $0.level == level }?.percents ?? []
                    return table.years.indices.map { Wording.percent($0 < percents.count ? percents[$0] : nil) }
                }
            })
            lines.append("")
        }
        if !model.averages.isEmpty {
            lines += ["## \(Wording.averages)", ""]
            lines += tableLines([Wording.block, Wording.average, Wording.change],
                                model.averages.map { [$0.label, Wording.decimal($0.average), $0.change.map(Wording.signed) ?? ""] })
            lines.append("")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The agencies' open flags and health, gathered as the agencies come: their
    /// lines, a few per agency, are all that is kept.
    public struct AgencyLines: Sendable {
        private var flags: [String] = []
        private var health: [String] = []

        public init() {}

        public mutating func add(_ agency: AgencyReport) {
            if !agency.openFlags.isEmpty {
                flags.append("### \(m(agency.name))")
                flags += agency.openFlags.map { "- \(m($0.message)) (\(Wording.since) \(Wording.day($0.since)))" }
                flags.append("")
            }
            health += HealthSection.markdown(agency)
        }

        /// The sections after `head`.
        public func text() -> String {
            var lines: [String] = []
            if !flags.isEmpty { lines += ["## \(Wording.openFlags)", ""] + flags }
            if !health.isEmpty { lines += ["## \(HealthSection.heading)", ""] + health }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    private static func tableLines(_ heads: [String], _ rows: [[String]]) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.map(m).joined(separator: " | ") + " |" }
        return [line(heads), "|" + heads.map { _ in "---|" }.joined()] + rows.map(line)
    }

    /// Escapes what Markdown (and the HTML some mail readers allow inside it) would interpret.
    static func m(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": result += "\\\(character)"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
