import Foundation

/// CSV for Excel: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, Vietnamese heads.
public enum CSVReport {
    /// Both ranking tables, one row per agency.
    public static func rankings(_ model: ReportModel) -> Data {
        let previous = model.run.previousYear.map(Wording.year) ?? ""
        var rows: [[String]] = [[Wording.block, Wording.stt, "Mã", Wording.agencyName, Wording.year(model.run.year), previous,
                                 Wording.compare, Wording.score, Wording.level]]
        for table in model.rankings {
            for row in table.rows {
                rows.append([table.tier, String(row.stt), row.id, row.name, row.rankText, row.previousText, row.changeText,
                             row.score.map { Wording.decimal($0) } ?? "", row.level])
            }
        }
        return table(rows)
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
                rows.append([agency.name, row.label, Wording.figure(row.measured), Wording.figure(row.reported),
                             row.discrepancy ? "Có" : "", row.evidenceURLs.joined(separator: " ")])
            }
        }
        return table(rows)
    }

    static func table(_ rows: [[String]]) -> Data {
        let text = rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// Quotes when needed (RFC 4180), and defuses text Excel would run as a formula:
    /// a crawled title starting with "=", "+", "-" or "@" gets a leading apostrophe.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), !isPlainFigure(text) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// "+5", "-2", "=" (the ranking's change column) and signed numbers are data, not formulas.
    private static func isPlainFigure(_ text: String) -> Bool {
        if text == "=" { return true }
        let digits = text.dropFirst()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ",") }
    }
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
