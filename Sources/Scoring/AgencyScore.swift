import DataFile
import Foundation
import Spreadsheet
import Vocabulary

/// One agency's total for one year, as published or as computed.
public struct AgencyScore: Equatable {
    public let id: String
    public let name: String
    public let tier: Tier
    /// The score in units of 10^-decimals (95,3 with one decimal is 953), so ties and
    /// averages are exact.
    public let units: Int
    /// Why the portal could not be audited (unreachable, blocked, …); nil when it was or when unknown (a totals file).
    public let unaudited: String?
    /// The agency sent no self-report ("chưa báo cáo").
    public let notReported: Bool

    public init(id: String, name: String, tier: Tier, units: Int, unaudited: String? = nil, notReported: Bool = false) {
        self.id = id
        self.name = name
        self.tier = tier
        self.units = units
        self.unaudited = unaudited
        self.notReported = notReported
    }
}

/// A totals file: columns `id,name,tier,score` in any order, one row per agency,
/// decimal comma or point. Extra columns are ignored.
public enum TotalsFile {
    public static let columns = ["id", "name", "tier", "score"]

    public static func load(_ url: URL, rules: RankingRules) throws -> [AgencyScore] {
        let file = url.path
        let records = try CSVTable.read(url)
        guard let header = records.first else { throw DataFileError(file: file, line: 1, message: "tệp rỗng (empty file)") }
        let keys = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for column in columns {
            guard let index = keys.firstIndex(of: column) else {
                throw DataFileError(file: file, line: header.line, message: "thiếu cột '\(column)' (missing column; need \(columns.joined(separator: ",")))")
            }
            position[column] = index
        }
        guard records.count > 1 else {
            throw DataFileError(file: file, line: header.line, message: "không có cơ quan nào sau dòng tiêu đề (no agencies)")
        }
        for record in records.dropFirst() { try CSVTable.checkWidth(record, keyRow: header, file: file) }
        var firstLine: [String: Int] = [:]
        return try records.dropFirst().map { record in
            func cell(_ column: String) -> (text: String, column: Int) {
                let index = position[column]!
                let text = index < record.cells.count ? record.cells[index].trimmingCharacters(in: .whitespaces) : ""
                return (text, index + 1)
            }
            let id = cell("id"), name = cell("name"), tier = cell("tier"), score = cell("score")
            try AgencyID.check(id.text, file: file, line: record.line, column: id.column)
            if let earlier = firstLine[id.text] {
                throw DataFileError(file: file, line: record.line, column: id.column,
                                    message: "mã cơ quan '\(id.text)' bị trùng với dòng \(earlier) (duplicate id)")
            }
            firstLine[id.text] = record.line
            guard !name.text.isEmpty else {
                throw DataFileError(file: file, line: record.line, column: name.column, message: "thiếu tên cơ quan (missing name)")
            }
            guard let definition = rules.tier(tier.text) else {
                throw DataFileError(file: file, line: record.line, column: tier.column,
                                    message: "khối '\(tier.text)' không có trong bộ tiêu chí (unknown tier; known: \(rules.tiers.map(\.id.rawValue).joined(separator: ", ")))")
            }
            let value: Double
            do {
                value = try DecimalText.read(score.text)
            } catch let error as DecimalText.Refusal {
                throw DataFileError(file: file, line: record.line, column: score.column,
                                    message: "điểm không hợp lệ '\(score.text)': \(error.reason)")
            }
            guard (0...rules.outOf).contains(value) else {
                throw DataFileError(file: file, line: record.line, column: score.column,
                                    message: "điểm '\(score.text)' ngoài khoảng 0–\(DecimalText.plain(rules.outOf)) (a total lies in 0–\(DecimalText.plain(rules.outOf)))")
            }
            return AgencyScore(id: id.text, name: name.text, tier: definition.id,
                               units: DecimalText.units(value, decimals: rules.conventions.decimals))
        }
    }

    /// Totals in the same format, so this year's result is next year's `--previous`.
    public static func render(_ scores: [AgencyScore], decimals: Int) -> String {
        CSVTable.render([columns] + scores.map {
            [$0.id, $0.name, $0.tier.rawValue, DecimalText.format(units: $0.units, decimals: decimals)]
        })
    }
}

/// Agency ids are ascii slugs, shared with targets.yaml and measurements.json.
enum AgencyID {
    /// The known ids nearest to a typo (edit distance at most a third of its length, at least 2), closest first.
    static func closest(to id: String, among known: [String]) -> [String] {
        let limit = max(2, id.count / 3)
        let scored: [(id: String, distance: Int)] = known.map { (id: $0, distance: distance(Array(id), Array($0))) }
        let near = scored.filter { $0.distance <= limit }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return near.prefix(3).map(\.id)
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func check(_ id: String, file: String, line: Int, column: Int) throws {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw DataFileError(file: file, line: line, column: column,
                                message: "mã cơ quan '\(id)' phải là chữ thường không dấu, số và '-' (id must be an ascii slug)")
        }
    }
}
