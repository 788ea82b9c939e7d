import DataFile
import Foundation

/// One record of a CSV file with the line it starts on (1-based), for error messages.
public struct CSVRecord: Equatable {
    public let line: Int
    public let cells: [String]
}

/// RFC 4180 reading as Excel writes it: optional UTF-8 BOM, quoted cells with
/// doubled quotes and embedded newlines, CRLF or LF, and `;` as the delimiter when
/// the first line has semicolons but no commas (Excel in a Vietnamese locale).
public enum CSVTable {
    public static func read(_ url: URL) throws -> [CSVRecord] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: url.path, message: "không đọc được tệp (cannot read file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: url.path, line: 1, message: "tệp không phải UTF-8 (file is not UTF-8)")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","

        var records: [CSVRecord] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 1
        var index = 0

        func endCell() { cells.append(String(cell)); cell = String.UnicodeScalarView() }
        func endRecord() {
            endCell()
            // Blank lines (and Excel's trailing empty rows) carry no record.
            if !cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                records.append(CSVRecord(line: recordLine, cells: cells))
            }
            cells = []
        }

        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        cell.append("\""); index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true; quoteLine = line
            } else if c == delimiter {
                endCell()
            } else if c == "\r" || c == "\n" {
                if c == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                cell.append(c)
            }
            index += 1
        }
        if quoted { throw DataFileError(file: file, line: quoteLine, message: "dấu ngoặc kép chưa đóng (unterminated quote)") }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }

    /// Writes cells as CSV with a UTF-8 BOM and CRLF, so Excel opens Vietnamese text correctly.
    public static func render(_ rows: [[String]]) -> String {
        func quote(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return "\u{FEFF}" + rows.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }
}
