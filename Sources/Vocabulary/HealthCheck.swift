/// One portal health check: its key in measurements.json's `health`, in the
/// history's `health.body` and in the report's health rows. In the order the
/// report lists them.
public enum HealthCheck: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
    case injectedContent, https, headers, ipv6, freshness, links, accessibility
}
