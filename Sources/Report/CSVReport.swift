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
        var rows: [[String]] = [[Wording.agencyName, "Mã mục", Wording.item, Wording.state, Wording.evidence, Wording.capturedAt, Wording.warcRecord]]
        for agency in model.agencies {
            for row in agency.checklist {
                rows.append([agency.name, row.item, row.label, Wording.state(row.state), row.evidenceURL ?? "",
                             Wording.time(row.capturedAt), row.warcRecord ?? ""])
            }
        }
        return table(rows)
    }

    /// Measured against reported figures, per agency.
    public static func figures(_ model: ReportModel) -> Data {
        var rows: [[String]] = [[Wording.agencyName, Wording.figure, Wording.measured, Wording.reported, Wording.discrepancy, Wording.evidence]]
        for agency in model.agencies {
            for row in agency.figures {
                rows.append([agency.name, row.label, Wording.measured(row), Wording.figure(row.reported),
                             row.discrepancy ? "Có" : "", row.evidenceURLs.joined(separator: " ")])
            }
        }
        return table(rows)
    }

    static func table(_ rows: [[String]]) -> Data { CSVTable.data(rows) }
}

/// The model as JSON, for machines: stable key order, ISO 8601 dates.
public enum JSONReport {
    public static func encode(_ model: ReportModel) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(model)
    }

    public static func decode(_ data: Data) throws -> ReportModel {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ReportModel.self, from: data)
    }
}
