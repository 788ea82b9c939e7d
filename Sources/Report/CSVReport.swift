import Foundation
import Spreadsheet

/// CSV for Excel: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, Vietnamese heads.
public enum CSVReport {
    /// Every tier's ranking table, one row per agency.
    public static func rankings(_ model: ReportModel) -> Data {
        let previous = model.run.previousYear.map(Wording.year) ?? ""
        var rows: [[String]] = [[Wording.block, Wording.stt, "Mã", Wording.agencyName, Wording.year(model.run.year), previous,
                                 Wording.compare, Wording.score, Wording.level]]
        for table in model.rankings {
            for row in table.rows {
                rows.append([table.tierLabel ?? table.tier.rawValue, String(row.stt), row.id, Wording.markedName(row), row.rankText, row.previousText,
                             row.changeText, row.score.map { Wording.decimal($0) } ?? "", row.level])
            }
        }
        return table(rows + (model.rankingNotes ?? []).map { [$0] })
    }

    /// Every agency's checklist with its evidence.
    public static func checklist(_ model: ReportModel) -> Data {
        model.agencies.reduce(into: checklistHead()) { $0.append(checklistRows($1)) }
    }

    static let checklistHeads = [Wording.agencyName, "Mã mục", Wording.item, Wording.state, Wording.evidence, Wording.capturedAt, Wording.warcRecord]

    /// The checklist's heads: the file's start, before each agency's `checklistRows`.
    public static func checklistHead() -> Data { table([checklistHeads]) }

    /// One agency's lines of the checklist.
    public static func checklistRows(_ agency: AgencyReport) -> Data {
        lines(agency.checklist.map { row in
            [agency.name, row.item, row.label, Wording.state(row.state), row.evidenceURL ?? "", Wording.time(row.capturedAt), row.warcRecord ?? ""]
        })
    }

    /// Measured against reported figures, per agency.
    public static func figures(_ model: ReportModel) -> Data {
        model.agencies.reduce(into: figuresHead()) { $0.append(figuresRows($1)) }
    }

    /// The figures' heads: the file's start, before each agency's `figuresRows`.
    public static func figuresHead() -> Data {
        table([[Wording.agencyName, Wording.figure, Wording.measured, Wording.reported, Wording.discrepancy, Wording.evidence]])
    }

    /// One agency's lines of the figures.
    public static func figuresRows(_ agency: AgencyReport) -> Data {
        lines(agency.figures.map { row in
            [agency.name, row.label, Wording.measured(row), Wording.figure(row.reported), row.discrepancy ? "Có" : "", row.evidenceURLs.joined(separator: " ")]
        })
    }

    /// Rows as a table's lines, without the byte-order mark (3 bytes in UTF-8) that starts the file.
    static func lines(_ rows: [[String]]) -> Data {
        rows.isEmpty ? Data() : Data(CSVTable.render(rows).utf8.dropFirst(3))
    }

    static func table(_ rows: [[String]]) -> Data { CSVTable.data(rows) }
}

/// The model as JSON, for machines: stable key order, ISO 8601 dates.
public enum JSONReport {
    public static func encode(_ model: ReportModel) throws -> Data {
        try encoder().encode(model)
    }

    /// The encoder of `encode`: an agency encoded alone by it is the model's text of that agency, reindented.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func decode(_ data: Data) throws -> ReportModel {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ReportModel.self, from: data)
    }
}
