import Foundation
import Report

/// The report files of a run folder, and the stored model they are rendered from.
public enum ReportFiles {
    public enum Format: String, CaseIterable, Sendable {
        case html, csv, json, md
    }

    /// bao-cao.json is the whole model: `report` renders any stored night again from it.
    public static var modelName: String { name(.json) }
    /// The nightly checklist CSV; the ranking and figures CSVs sit beside it.
    public static let rankingCSVName = "bao-cao-xep-hang.csv"
    public static let figuresCSVName = "bao-cao-so-lieu.csv"

    public static func name(_ format: Format) -> String { "bao-cao.\(format.rawValue)" }

    public static func render(_ model: ReportModel, as format: Format) throws -> Data {
        switch format {
        case .html: return Data(HTMLReport.render(model).utf8)
        case .csv: return CSVReport.checklist(model)
        case .json: return try JSONReport.encode(model)
        case .md: return Data(MarkdownReport.render(model).utf8)
        }
    }

    /// Writes the model and every rendering; returns the HTML report's location.
    @discardableResult
    public static func write(_ model: ReportModel, to folder: URL) throws -> URL {
        var files: [(String, Data)] = try Format.allCases.map { (name($0), try render(model, as: $0)) }
        files.append((figuresCSVName, CSVReport.figures(model)))
        if !model.rankings.isEmpty { files.append((rankingCSVName, CSVReport.rankings(model))) }
        for (fileName, data) in files {
            try data.write(to: folder.appendingPathComponent(fileName), options: .atomic)
        }
        return folder.appendingPathComponent(name(.html))
    }

    public static func loadModel(from folder: URL) throws -> ReportModel {
        try JSONReport.decode(Data(contentsOf: folder.appendingPathComponent(modelName)))
    }
}
