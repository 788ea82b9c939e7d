import Foundation
import Scoring
import Spreadsheet
import Vocabulary

/// The files `score` writes: the breakdown per agency, category and criterion, the
/// discrepancies and pending decisions, the overrides, the totals and the ranking.
public enum ScoreReport {
    public static func files(sheet: ScoreSheet, criteria: CriteriaSet, ranking: Ranking, text: RankingText, year: Int?, previousYear: Int?,
                             hasPrevious: Bool) throws -> [(name: String, content: String)] {
        let decimals = ranking.rules.conventions.decimals
        let adjustments = Dictionary(grouping: sheet.overrides, by: \.agency).mapValues { $0.map { "\($0.criterion): \($0.summary)" } }
        return [
            ("ket-qua.json", try json(sheet, decimals: decimals, year: year)),
            ("chi-tiet.csv", breakdown(sheet)),
            ("sai-lech.csv", discrepancies(sheet)),
            ("dieu-chinh.csv", overrides(sheet)),
            (year.map { "tong-diem-\($0).csv" } ?? "tong-diem.csv", TotalsFile.render(sheet.totals(decimals: decimals), decimals: decimals)),
            ("xep-hang.md", RankingMarkdown.render(ranking, text: text, hasPrevious: hasPrevious) + appraisal(sheet)),
            ("xep-hang.csv", RankingCSV.render(ranking, text: text, adjustments: adjustments)),
            ("xep-hang.json", try RankingJSON.render(ranking, text: text, year: year, previousYear: previousYear, adjustments: adjustments)),
            // Next year's blank form for the same agencies.
            ("mau-bao-cao.csv", ReportedFigures.template(criteria, agencies: sheet.agencies.map {
                (id: $0.report.id, name: $0.report.name, tier: $0.report.tier)
            })),
        ]
    }

    /// Writes every file, or nothing when the folder cannot be made.
    public static func write(_ files: [(name: String, content: String)], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            try Data(file.content.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
        }
    }

    static func source(_ score: CriterionScore) -> String {
        switch score.source {
        case .reported: return "báo cáo"
        case .measured: return "đo trên web"
        case .override: return "điều chỉnh"
        case .missing: return "thiếu số liệu"
        case .lastMeasured: return "số đo đêm trước (cổng không kiểm tra được)"
        case .unaudited: return "0 (cổng không kiểm tra được)"
        }
    }

    static func measuredText(_ figure: MeasuredFigure?) -> String {
        switch figure {
        case .value(let v, _)?: return DecimalText.plain(v)
        case .atLeast(let v, _)?: return "ít nhất \(DecimalText.plain(v))"
        case .inconclusive?: return "chưa xác định"
        case nil: return ""
        }
    }

    static func breakdown(_ sheet: ScoreSheet) -> String {
        let head = ["Mã cơ quan", "Tên cơ quan", "Khối", "Hạng mục", "Tiêu chí", "Mã tiêu chí", "Điểm tối đa",
                    "Giá trị theo báo cáo", "Giá trị đo trên web", "Giá trị tính điểm", "Nguồn", "Điểm", "Điều chỉnh"]
        let rows = sheet.agencies.flatMap { agency in
            agency.categories.flatMap { category in
                category.criteria.map { score in
                    [agency.report.id, agency.report.name, agency.report.tier.rawValue, category.category.name, score.criterion.name,
                     score.criterion.id, DecimalText.plain(score.maxPoints), score.reported.map(DecimalText.plain) ?? "",
                     measuredText(score.measured), score.used.map(DecimalText.plain) ?? "", source(score),
                     DecimalText.plain(score.points), score.override?.summary ?? ""]
                }
            }
        }
        return CSVTable.render([head] + rows)
    }

    static func discrepancies(_ sheet: ScoreSheet) -> String {
        let head = ["Loại", "Mã cơ quan", "Tên cơ quan", "Mã tiêu chí", "Tiêu chí", "Số liệu báo cáo", "Số liệu đo",
                    "Ngưỡng chênh lệch", "Lý do", "Minh chứng"]
        func tolerance(_ criterion: Criterion) -> String {
            switch criterion.verification?.tolerance {
            case .absolute(let v)?: return DecimalText.plain(v)
            case .relative(let f)?: return "\(DecimalText.plain(f * 100))%"
            case nil: return ""
            }
        }
        let found = sheet.discrepancies.map { d in
            ["Sai lệch", d.agency.id, d.agency.name, d.criterion.id, d.criterion.name, DecimalText.plain(d.reported),
             (d.atLeast ? "ít nhất " : "") + DecimalText.plain(d.measured), tolerance(d.criterion), "", d.evidence.joined(separator: " ")]
        }
        let open = sheet.pending.map { p in
            ["Cần quyết định", p.agency.id, p.agency.name, p.criterion.id, p.criterion.name, p.reported.map(DecimalText.plain) ?? "",
             "chưa xác định", tolerance(p.criterion), p.reason, p.evidence.joined(separator: " ")]
        }
        return CSVTable.render([head] + found + open)
    }

    static func overrides(_ sheet: ScoreSheet) -> String {
        let head = ["Mã cơ quan", "Mã tiêu chí", "Điều chỉnh", "Giá trị", "Lý do", "Người điều chỉnh"]
        return CSVTable.render([head] + sheet.overrides.map { o in
            switch o.change {
            case .value(let v): return [o.agency, o.criterion, "số liệu", DecimalText.plain(v), o.reason, o.by]
            case .points(let p): return [o.agency, o.criterion, "điểm", DecimalText.plain(p), o.reason, o.by]
            }
        })
    }

    /// What the appraisers must see under the ranking: overrides, discrepancies, open decisions.
    static func appraisal(_ sheet: ScoreSheet) -> String {
        var out = "\n## Điều chỉnh của Tổ thẩm định\n\n"
        out += sheet.overrides.isEmpty ? "Không có.\n" : sheet.overrides.map { "- \($0.agency), \($0.criterion): \($0.summary)\n" }.joined()
        out += "\n## Sai lệch giữa số liệu báo cáo và số liệu đo\n\n"
        out += sheet.discrepancies.isEmpty ? "Không có.\n" : sheet.discrepancies.map {
            "- \($0.agency.name), \($0.criterion.name): báo cáo \(DecimalText.plain($0.reported)), đo được \($0.atLeast ? "ít nhất " : "")\(DecimalText.plain($0.measured))"
                + ($0.evidence.isEmpty ? "" : " (\($0.evidence.joined(separator: ", ")))") + "\n"
        }.joined()
        out += "\n## Cần quyết định\n\n"
        out += sheet.pending.isEmpty ? "Không có.\n" : sheet.pending.map {
            "- \($0.agency.name), \($0.criterion.name): \($0.reason); tạm tính theo số liệu báo cáo "
                + ($0.reported.map(DecimalText.plain) ?? "(không có)") + "\n"
        }.joined()
        return out
    }

    struct JSONSheet: Encodable {
        struct Criterion: Encodable {
            let id: String, name: String, maxPoints: Double, webVerifiable: Bool
            let reported: Double?, measured: Double?, measuredAtLeast: Bool?, measuredInconclusive: String?, used: Double?, source: String, points: Double
            let override: JSONOverride?
        }
        struct Category: Encodable { let id: String, name: String, maxPoints: Double, points: Double, criteria: [Criterion] }
        struct Agency: Encodable {
            let id: String, name: String, tier: Tier, total: Double, reported: Bool, audited: Bool, reason: String?
            let categories: [Category]
        }
        struct JSONDiscrepancy: Encodable {
            let agency: String, criterion: String, reported: Double, measured: Double, atLeast: Bool, evidence: [String]
        }
        struct Pending: Encodable { let agency: String, criterion: String, reported: Double?, reason: String, evidence: [String] }
        struct JSONOverride: Encodable {
            let agency: String, criterion: String, value: Double?, points: Double?, reason: String, by: String
            init(_ o: Override) {
                agency = o.agency; criterion = o.criterion; reason = o.reason; by = o.by
                if case .value(let v) = o.change { value = v } else { value = nil }
                if case .points(let p) = o.change { points = p } else { points = nil }
            }
        }
        let year: Int?
        let agencies: [Agency]
        let discrepancies: [JSONDiscrepancy]
        let pending: [Pending]
        let overrides: [JSONOverride]
    }

    static func json(_ sheet: ScoreSheet, decimals: Int, year: Int?) throws -> String {
        let document = JSONSheet(
            year: year,
            agencies: sheet.agencies.map { agency in
                JSONSheet.Agency(
                    id: agency.report.id, name: agency.report.name, tier: agency.report.tier,
                    total: Double(DecimalText.units(agency.total, decimals: decimals)) / Double(DecimalText.powerOfTen(decimals)),
                    reported: agency.report.reported, audited: agency.unaudited == nil, reason: agency.unaudited?.rawValue,
                    categories: agency.categories.map { category in
                        JSONSheet.Category(id: category.category.id, name: category.category.name, maxPoints: category.maxPoints,
                                           points: category.points, criteria: category.criteria.map { score in
                            var measured: Double?, inconclusive: String?, atLeast: Bool?
                            switch score.measured {
                            case .value(let v, _)?: measured = v
                            case .atLeast(let v, _)?: measured = v; atLeast = true
                            case .inconclusive(let reason, _)?: inconclusive = reason
                            case nil: break
                            }
                            return JSONSheet.Criterion(id: score.criterion.id, name: score.criterion.name, maxPoints: score.maxPoints,
                                                       webVerifiable: score.criterion.webVerifiable, reported: score.reported,
                                                       measured: measured, measuredAtLeast: atLeast, measuredInconclusive: inconclusive, used: score.used,
                                                       source: score.source.rawValue, points: score.points,
                                                       override: score.override.map(JSONSheet.JSONOverride.init))
                        })
                    })
            },
            discrepancies: sheet.discrepancies.map {
                JSONSheet.JSONDiscrepancy(agency: $0.agency.id, criterion: $0.criterion.id, reported: $0.reported,
                                          measured: $0.measured, atLeast: $0.atLeast, evidence: $0.evidence)
            },
            pending: sheet.pending.map {
                JSONSheet.Pending(agency: $0.agency.id, criterion: $0.criterion.id, reported: $0.reported, reason: $0.reason, evidence: $0.evidence)
            },
            overrides: sheet.overrides.map(JSONSheet.JSONOverride.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
