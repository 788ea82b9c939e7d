import DataFile
import Foundation
import Spreadsheet
import TextNormalization
import Vocabulary

/// One agency's self-reported figures for a year.
public struct SelfReport: Equatable {
    public let id: String
    public let name: String
    public let tier: Tier
    /// Input id → value; percent figures as given (85 for 85 %); yes-no as 1 or 0. Empty cells are absent.
    public let figures: [String: Double]
    public let line: Int
    /// False for a known agency without a row ("chưa báo cáo"): scored by the criteria's `notReported` rule.
    public let reported: Bool

    public init(id: String, name: String, tier: Tier, figures: [String: Double], line: Int, reported: Bool = true) {
        self.id = id
        self.name = name
        self.tier = tier
        self.figures = figures
        self.line = line
        self.reported = reported
    }
}

/// An agency the self-report must account for (from targets.yaml or measurements.json).
public struct KnownAgency: Equatable, Sendable {
    public let id: String
    public let name: String
    public let tier: Tier

    public init(id: String, name: String, tier: Tier) {
        self.id = id
        self.name = name
        self.tier = tier
    }
}

/// The clerks' spreadsheet: one CSV per year, one row per agency. Header rows come
/// first (the Thông tư 06 group, the Vietnamese column head) and end with the key
/// row that starts with `id`; see reported/README.md.
public enum ReportedFigures {
    public static let fixedColumns = ["id", "name", "tier"]

    /// Reads `path`: a CSV file, or a folder holding exactly one. With `agencies`, every
    /// row must name one of them (a typo is refused with the closest ids) and each one
    /// without a row is added as not reported, in the order of `agencies`.
    public static func load(_ url: URL, criteria: CriteriaSet, agencies: [KnownAgency]? = nil) throws -> [SelfReport] {
        let file = try csvFile(url)
        let records = try CSVTable.read(file)
        guard let keyIndex = records.firstIndex(where: { $0.cells.first?.trimmingCharacters(in: .whitespaces) == "id" }) else {
            throw DataFileError(file: file.path, line: records.first?.line ?? 1, message: "không thấy dòng khoá bắt đầu bằng 'id' (no key row starting with id)")
        }
        let keyRow = records[keyIndex]
        for record in records[(keyIndex + 1)...] { try CSVTable.checkWidth(record, keyRow: keyRow, file: file.path) }
        let keys = keyRow.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, key) in keys.enumerated() where !key.isEmpty && !fixedColumns.contains(key) && criteria.input(key) == nil {
            throw DataFileError(file: file.path, line: keyRow.line, column: index + 1, message: "cột '\(key)' không có trong bộ tiêu chí (unknown input)")
        }
        for column in fixedColumns where !keys.contains(column) {
            throw DataFileError(file: file.path, line: keyRow.line, message: "thiếu cột '\(column)' (missing column)")
        }
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var reports: [SelfReport] = []
        for record in records[(keyIndex + 1)...] {
            func cell(_ key: String) -> String {
                guard let index = position[key], index < record.cells.count else { return "" }
                return record.cells[index].trimmingCharacters(in: .whitespaces)
            }
            let id = cell("id"), tierText = cell("tier")
            try AgencyID.check(id, file: file.path, line: record.line, column: position["id"]! + 1)
            if let agencies, !agencies.contains(where: { $0.id == id }) {
                let closest = AgencyID.closest(to: id, among: agencies.map(\.id))
                throw DataFileError(file: file.path, line: record.line, column: position["id"]! + 1,
                                    message: "mã cơ quan '\(id)' không có trong danh sách cơ quan (unknown id)"
                                        + (closest.isEmpty ? "" : "; gần nhất: \(closest.joined(separator: ", "))"))
            }
            if let earlier = reports.first(where: { $0.id == id }) {
                throw DataFileError(file: file.path, line: record.line, column: position["id"]! + 1,
                                    message: "mã cơ quan '\(id)' bị trùng với dòng \(earlier.line) (duplicate id)")
            }
            guard let tier = criteria.rules.tier(tierText)?.id else {
                throw DataFileError(file: file.path, line: record.line, column: position["tier"]! + 1,
                                    message: "khối '\(tierText)' không có trong bộ tiêu chí (unknown tier)")
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
                do {
                    figures[input.id] = try read(text, unit: input.unit)
                } catch let error as DecimalText.Refusal {
                    throw DataFileError(file: file.path, line: record.line, column: index + 1,
                                        message: "'\(text)' không hợp lệ cho \(input.id): \(error.reason)")
                }
            }
            reports.append(SelfReport(id: id, name: cell("name"), tier: tier, figures: figures, line: record.line))
        }
        guard !reports.isEmpty else {
            throw DataFileError(file: file.path, line: keyRow.line, message: "không có cơ quan nào sau dòng khoá (no agencies)")
        }
        guard let agencies else { return reports }
        return agencies.map { agency in
            reports.first { $0.id == agency.id }
                ?? SelfReport(id: agency.id, name: agency.name, tier: agency.tier, figures: [:], line: 0, reported: false)
        }
    }

    /// A cell as the input's unit reads it; the range comes from the unit (a count is
    /// never negative, a percentage lies in 0–100).
    static func read(_ text: String, unit: InputSpec.Unit) throws -> Double {
        if unit == .yesNo {
            switch VietnameseText.fold(text) {
            case "co", "x", "1", "yes", "true": return 1
            case "khong", "0", "no", "false": return 0
            default: throw DecimalText.Refusal(text: text, reason: "cần có hoặc không (expected có/không)")
            }
        }
        let value = try DecimalText.read(text, percent: unit == .percent)
        if unit == .percent, !(0...100).contains(value) {
            throw DecimalText.Refusal(text: text, reason: "tỷ lệ phải trong khoảng 0–100% (a percentage lies in 0–100)")
        }
        guard value >= 0 else { throw DecimalText.Refusal(text: text, reason: "không được âm (must be ≥ 0)") }
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
    public static func template(_ criteria: CriteriaSet, agencies: [(id: String, name: String, tier: Tier)]) -> String {
        let ordered = criteria.groups.flatMap { group in criteria.inputs.filter { $0.group == group.id } }
        var groupRow = ["", "", ""], heads = ["Mã cơ quan", "Tên cơ quan", "Khối"]
        var previousGroup = ""
        for input in ordered {
            groupRow.append(input.group == previousGroup ? "" : criteria.groups.first { $0.id == input.group }!.label)
            heads.append(input.label)
            previousGroup = input.group
        }
        let rows = agencies.map { [$0.id, $0.name, $0.tier.rawValue] + ordered.map { _ in "" } }
        return CSVTable.render([groupRow, heads, fixedColumns + ordered.map(\.id)] + rows)
    }
}

extension CriteriaSet {
    /// Whether some criterion scored in `tier` reads `input`.
    func needs(_ input: String, tier: Tier) -> Bool {
        categories.flatMap(\.criteria).contains { criterion in
            criterion.points[tier] != nil && (criterion.inputs.contains(input) || criterion.per == .input(input))
        }
    }
}
