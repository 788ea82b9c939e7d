import Foundation
import Measure
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
        var frame = model
        frame.agencies = []
        let writer = try Writer(frame: frame, agencies: model.agencies.map(\.id), folder: folder)
        for agency in model.agencies { try writer.add(agency) }
        return try writer.finish()
    }

    public static func loadModel(from folder: URL) throws -> ReportModel {
        try JSONReport.decode(Data(contentsOf: folder.appendingPathComponent(modelName)))
    }

    /// Writes every report file of a night as its agencies' reports come, one at a
    /// time, byte for byte as `write` writes the whole model: only one agency's
    /// report, and the Markdown's few lines per agency, are held. Each file is
    /// written beside its name and renamed into place by `finish`.
    final class Writer {
        private let folder: URL
        private let html: PartialFile
        private let checklist: PartialFile
        private let figures: PartialFile
        private let json: PartialFile
        private var jsonArray: PrettyJSONArray
        private let encoder = JSONReport.encoder()
        private let markdown: PartialFile
        private var markdownLines = MarkdownReport.AgencyLines()
        private let rankings: Data?

        /// - Parameters:
        ///   - frame: the model without its agencies.
        ///   - agencies: the ids of the agencies `add` is given, in that order.
        init(frame: ReportModel, agencies: [String], folder: URL) throws {
            self.folder = folder
            func file(_ name: String) throws -> PartialFile { try PartialFile(folder.appendingPathComponent(name)) }
            html = try file(ReportFiles.name(.html))
            try html.write(HTMLReport.head(frame, agencies: agencies))
            checklist = try file(ReportFiles.name(.csv))
            try checklist.write(CSVReport.checklistHead())
            figures = try file(figuresCSVName)
            try figures.write(CSVReport.figuresHead())
            json = try file(ReportFiles.name(.json))
            jsonArray = try PrettyJSONArray(skeleton: encoder.encode(frame), key: "agencies")
            markdown = try file(ReportFiles.name(.md))
            try markdown.write(MarkdownReport.head(frame))
            rankings = frame.rankings.isEmpty ? nil : CSVReport.rankings(frame)
        }

        func add(_ agency: AgencyReport) throws {
            try html.write(HTMLReport.part(agency))
            try checklist.write(CSVReport.checklistRows(agency))
            try figures.write(CSVReport.figuresRows(agency))
            try json.write(jsonArray.element(encoder.encode(agency)))
            markdownLines.add(agency)
        }

        /// Ends and renames every file; returns the HTML report's location.
        func finish() throws -> URL {
            try html.write(HTMLReport.tail(agencies: jsonArray.count > 0))
            try json.write(jsonArray.end())
            try markdown.write(markdownLines.text())
            for file in [html, checklist, json, markdown, figures] { try file.commit() }
            if let rankings { try rankings.write(to: folder.appendingPathComponent(rankingCSVName), options: .atomic) }
            return html.url
        }
    }
}
