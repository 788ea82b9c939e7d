/// A figure the crawl measures, by the name criteria files give it in
/// `measured: {field: …}` (`news.count`, `documents.own` …), in the order the
/// reports list them.
public enum MeasuredField: String, Codable, Sendable, CaseIterable {
    case newsCount = "news.count"
    case documentsCount = "documents.count"
    /// Documents the agency issued itself; null when the pages do not tell.
    case documentsOwn = "documents.own"
    case servicesLevel3 = "services.level3"
    case servicesLevel4 = "services.level4"
    case servicesTotal = "services.total"

    /// The key the history stores the figure under and compares night to night
    /// (`figures.key`, the flag policy's counts), or nil for a figure it does not keep.
    public var historyKey: String? {
        switch self {
        case .newsCount: "news"
        case .documentsCount: "documents"
        case .documentsOwn: nil
        case .servicesLevel3: "level3"
        case .servicesLevel4: "level4"
        case .servicesTotal: "servicesTotal"
        }
    }

    /// The figures the history keeps, in report order.
    public static var kept: [MeasuredField] { allCases.filter { $0.historyKey != nil } }
}
