import Detect

/// A count the crawl measures, under its three names: the Store's and flag policy's
/// key, the criteria's `measured:` field, and where the findings hold it.
public struct MeasuredCount: Sendable {
    public let key: String
    public let field: String
    public let value: @Sendable (PortalFindings) -> Int

    /// In the order reports list them.
    public static let all = [
        MeasuredCount(key: "news", field: "news.count") { $0.news.count },
        MeasuredCount(key: "documents", field: "documents.count") { $0.documents.count },
        MeasuredCount(key: "level3", field: "services.level3") { $0.services.level3 },
        MeasuredCount(key: "level4", field: "services.level4") { $0.services.level4 },
        MeasuredCount(key: "servicesTotal", field: "services.total") { $0.services.total },
    ]
}
