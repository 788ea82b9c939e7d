import DataFile
import Foundation

/// One record of a CSV file with the line it starts on (1-based), for error messages.
public struct CSVRecord: Equatable, Sendable {
    public let line: Int
    public let cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// The cells up to the last one that holds something: Excel pads rows with empty cells.
    public var filledCount: Int {
        (cells.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
    }
}

/// CSV as Excel reads and writes it (RFC 4180: quoted cells with doubled quotes and
/// embedded newlines). Reading takes what Excel saves: UTF-8 with or without BOM,
/// UTF-16 ("Unicode text"), CR, LF or CRLF, and `,`, `;` or tab between fields,
/// told apart by the key row (the row holding a cell `id`). Writing is UTF-8 with
/// a BOM and CRLF, so Excel opens Vietnamese text correctly.
public enum CSVTable {
    public static let delimiters: [Unicode.Scalar] = [",", ";", "\t"]

    public static func read(_ url: URL) throws -> [CSVRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: url.path, message: "không đọc được tệp (cannot read the file: \(FileProblem.describe(error)))")
        }
        return try parse(decode(data, file: url.path), file: url.path)
    }

    /// The file's text; Windows-1258 and other legacy encodings are refused with how to save as UTF-8.
    public static func decode(_ data: Data, file: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw DataFileError(file: file, line: 1, message: "tệp UTF-16 hỏng (broken UTF-16 file)")
            }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if let text = String(validatingUTF8Bytes: bytes) { return text }
        let bad = firstInvalidUTF8(bytes)
        let line = 1 + bytes.prefix(bad).filter { $0 == 0x0A }.count
        throw DataFileError(file: file, line: line, message: "tệp không phải UTF-8 (có lẽ Windows-1258/TCVN3): trong Excel chọn "
            + "File › Save As › \"CSV UTF-8 (Comma delimited) (*.csv)\" rồi gửi lại (the file is not UTF-8; save it as CSV UTF-8)")
    }

    /// Parses text, choosing the delimiter that splits the key row into the most cells.
    public static func parse(_ text: String, file: String) throws -> [CSVRecord] {
        var best: [CSVRecord]?
        var bestWidth = -1
        for delimiter in delimiters {
            let records = try parse(text, file: file, delimiter: delimiter)
            guard let key = records.first(where: { $0.cells.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "id" } }) else {
                continue
            }
            if key.cells.count > bestWidth { (best, bestWidth) = (records, key.cells.count) }
        }
        if let best { return best }
        // No key row: the first line's most frequent delimiter (or a comma).
        let firstLine = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter = delimiters.max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count } ?? ","
        return try parse(text, file: file, delimiter: firstLine.contains(delimiter) ? delimiter : ",")
    }

    public static func parse(_ text: String, file: String, delimiter: Unicode.Scalar) throws -> [CSVRecord] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
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
                    if c == "\n" || (c == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")) { line += 1 }
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

    /// Refuses a record with more filled cells than the key row: usually an unquoted
    /// decimal comma ("90,5" split into 90 and 5).
    public static func checkWidth(_ record: CSVRecord, keyRow: CSVRecord, file: String) throws {
        guard record.filledCount > keyRow.cells.count else { return }
        throw DataFileError(file: file, line: record.line, column: keyRow.cells.count + 1,
                            message: "dòng có \(record.filledCount) ô, nhiều hơn \(keyRow.cells.count) cột của dòng khoá (dòng \(keyRow.line)); "
                                + "thường do số có dấu phẩy thập phân không đặt trong ngoặc kép, ví dụ 90,5 → \"90,5\" "
                                + "(more fields than the key row: an unquoted decimal comma?)")
    }

    /// Cells as CSV with a UTF-8 BOM and CRLF, so Excel opens Vietnamese text correctly.
    public static func render(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    public static func data(_ rows: [[String]]) -> Data { Data(render(rows).utf8) }

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

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let b = bytes[index]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  bytes[(index + 1)..<(index + length)].allSatisfy({ $0 >> 6 == 0b10 }) else { return index }
            index += length
        }
        return index
    }
}

extension String {
    /// Strict UTF-8: nil on any invalid byte (String(decoding:) would repair them silently).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }
}
