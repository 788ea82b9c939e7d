import Detect
import Vocabulary

/// A count the crawl measures: its field and where the findings hold it.
public struct MeasuredCount: Sendable {
    public let field: MeasuredField
    public let value: @Sendable (PortalFindings) -> Int?

    /// The history's key (Store, flag policy, reported figures by key).
    public var key: String? { field.historyKey }

    /// Every measured field, in the order reports list them.
    public static let all = MeasuredField.allCases.map { MeasuredCount(field: $0, value: value(of: $0)) }

    /// The counts the history keeps, in report order.
    public static var kept: [MeasuredCount] { all.filter { $0.key != nil } }

    /// The kept counts the findings hold, by the history's keys.
    public static func values(_ findings: PortalFindings) -> [String: Int] {
        var counts: [String: Int] = [:]
        for count in kept { if let key = count.key, let value = count.value(findings) { counts[key] = value } }
        return counts
    }

    private static func value(of field: MeasuredField) -> @Sendable (PortalFindings) -> Int? {
        switch field {
        case .newsCount: { $0.news.count }
        case .documentsCount: { $0.documents.count }
        case .documentsOwn: { $0.documents.own }
        case .servicesLevel3: { $0.services.level3 }
        case .servicesLevel4: { $0.services.level4 }
        case .servicesTotal: { $0.services.total }
        }
    }
}
