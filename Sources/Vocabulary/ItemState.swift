/// What the audit concluded about a required item. The raw values are the
/// words measurements.json, the history database and the reports store.
public enum ItemState: String, Codable, Sendable, CaseIterable {
    case present
    case absent
    /// The tool could not see: a page failed, was skipped, or the crawl was cut short.
    case inconclusive
}
