import DataFile
import Foundation
import TextNormalization

/// One agency's self-reported figures for a year.
public struct AgencyReport: Equatable {
    public let id: String
    public let name: String
    public let tier: String
    /// Input id → value; percent figures as given (85 for 85 %); yes-no as 1 or 0. Empty cells are absent.
    public let figures: [String: Double]
    public let line: Int
}

/// The clerks' spreadsheet: one CSV per year, one row per agency. Header rows come
/// first (the Thông tư 06 group, the Vietnamese column head) and end with the key
/// row that starts with `id`; see reported/README.md.
public enum ReportedFigures {
    public static let fixedColumns = ["id", "name", "tier"]

    /// Reads `path`: a CSV file, or a folder holding exactly one.
    public static func load(_ url: URL, criteria: CriteriaSet) throws -> [AgencyReport] {
        let file = try csvFile(url)
        let records = try CSVTable.read(file)
        guard let keyIndex = records.firstIndex(where: { $0.cells.first?.trimmingCharacters(in: .whitespaces) == "id" }) else {
            throw DataFileError(file: file.path, line: records.first?.line ?? 1, message: "không thấy dòng khoá bắt đầu bằng 'id' (no key row starting with id)")
        }
        let keyRow = records[keyIndex]
        let keys = keyRow.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, key) in keys.enumerated() where !key.isEmpty && !fixedColumns.contains(key) && criteria.input(key) == nil {
            throw DataFileError(file: file.path, line: keyRow.line, column: index + 1, message: "cột '\(key)' không có trong bộ tiêu chí (unknown input)")
        }
        for column in fixedColumns where !keys.contains(column) {
            throw DataFileError(file: file.path, line: keyRow.line, message: "thiếu cột '\(column)' (missing column)")
        }
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var reports: [AgencyReport] = []
        for record in records[(keyIndex + 1)...] {
            func cell(_ key: String) -> String {
                guard let index = position[key], index < record.cells.count else { return "" }
                return record.cells[index].trimmingCharacters(in: .whitespaces)
            }
            let id = cell("id"), tier = cell("tier")
            try AgencyID.check(id, file: file.path, line: record.line, column: position["id"]! + 1)
            if let earlier = reports.first(where: { $0.id == id }) {
                throw DataFileError(file: file.path, line: record.line, column: position["id"]! + 1,
                                    message: "mã cơ quan '\(id)' bị trùng với dòng \(earlier.line) (duplicate id)")
            }
            guard criteria.rules.tier(tier) != nil else {
                throw DataFileError(file: file.path, line: record.line, column: position["tier"]! + 1,
                                    message: "khối '\(tier)' không có trong bộ tiêu chí (unknown tier)")
            }
            var figures: [String: Double] = [:]
            for input in criteria.inputs where input.tiers?.contains(tier) ?? true {
                guard let index = position[input.id] else {
                    if criteria.needs(input.id, tier: tier) {
                        throw DataFileError(file: file.path, line: keyRow.line, message: "thiếu cột '\(input.id)' (\(input.label)) (missing column)")
                    }
                    continue
                }
                let text = cell(input.id)
                guard !text.isEmpty else { continue }
                guard let value = parse(text, unit: input.unit) else {
                    throw DataFileError(file: file.path, line: record.line, column: index + 1,
                                        message: "'\(text)' không hợp lệ cho \(input.id) (\(input.unit == .yesNo ? "có/không" : "a number ≥ 0"))")
                }
                figures[input.id] = value
            }
            reports.append(AgencyReport(id: id, name: cell("name"), tier: tier, figures: figures, line: record.line))
        }
        guard !reports.isEmpty else {
            throw DataFileError(file: file.path, line: keyRow.line, message: "không có cơ quan nào sau dòng khoá (no agencies)")
        }
        return reports
    }

    static func parse(_ text: String, unit: InputSpec.Unit) -> Double? {
        if unit == .yesNo {
            switch VietnameseText.fold(text) {
            case "co", "x", "1", "yes", "true": return 1
            case "khong", "0", "no", "false": return 0
            default: return nil
            }
        }
        let number = unit == .percent && text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = DecimalText.parse(number), value >= 0 else { return nil }
        return value
    }

    private static func csvFile(_ url: URL) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw DataFileError(file: url.path, message: "không có tệp hoặc thư mục này (no such file or folder)")
        }
        guard isDirectory.boolValue else { return url }
        let files = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.lowercased().hasSuffix(".csv") }
        guard files.count == 1 else {
            throw DataFileError(file: url.path, message: "thư mục cần đúng một tệp .csv, có \(files.count) (a folder must hold exactly one .csv)")
        }
        return url.appendingPathComponent(files[0])
    }

    /// The clerks' template: group row, Vietnamese heads, key row, then one row per agency.
    public static func template(_ criteria: CriteriaSet, agencies: [(id: String, name: String, tier: String)]) -> String {
        let ordered = criteria.groups.flatMap { group in criteria.inputs.filter { $0.group == group.id } }
        var groupRow = ["", "", ""], heads = ["Mã cơ quan", "Tên cơ quan", "Khối"]
        var previousGroup = ""
        for input in ordered {
            groupRow.append(input.group == previousGroup ? "" : criteria.groups.first { $0.id == input.group }!.label)
            heads.append(input.label)
            previousGroup = input.group
        }
        let rows = agencies.map { [$0.id, $0.name, $0.tier] + ordered.map { _ in "" } }
        return CSVTable.render([groupRow, heads, fixedColumns + ordered.map(\.id)] + rows)
    }
}

extension CriteriaSet {
    /// Whether some criterion scored in `tier` reads `input`.
    func needs(_ input: String, tier: String) -> Bool {
        categories.flatMap(\.criteria).contains { criterion in
            criterion.points[tier] != nil && (criterion.inputs.contains(input) || criterion.per == .input(input))
        }
    }
}
