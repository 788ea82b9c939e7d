import Foundation
import Vocabulary

/// One line of "Tình trạng cổng": a health check, its state and what was seen.
public struct HealthRow: Codable, Equatable, Sendable {
    public var check: HealthCheck
    public var label: String
    public var state: CheckState
    public var summary: String

    public init(check: HealthCheck, label: String, state: CheckState, summary: String) {
        self.check = check
        self.label = label
        self.state = state
        self.summary = summary
    }
}

/// The portal-health part of a report, beside each agency's checklist.
enum HealthSection {
    static let heading = "Tình trạng cổng (đo từ Internet)"

    static func html(_ rows: [HealthRow]?) -> String {
        guard let rows, !rows.isEmpty else { return "" }
        let body = rows.map { row in
            "<tr class=\"health-\(row.state.rawValue)\"><td>\(Markup.escape(row.label))</td>"
                + "<td class=\"health-state\">\(Markup.escape(Wording.checkState(row.state)))</td><td>\(Markup.escape(Wording.reason(row.summary)))</td></tr>"
        }
        return "<h4>\(heading)</h4><table class=\"health\"><tbody>\(body.joined())</tbody></table>"
    }

    /// One agency's lines of the Markdown health section; none without health rows.
    static func markdown(_ agency: AgencyReport) -> [String] {
        guard let rows = agency.health, !rows.isEmpty else { return [] }
        return ["### \(MarkdownReport.m(agency.name))"]
            + rows.map { "- \(MarkdownReport.m($0.label)): **\(Wording.checkState($0.state))** — \(MarkdownReport.m(Wording.reason($0.summary)))" }
            + [""]
    }
}
