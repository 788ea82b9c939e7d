import Foundation

/// How a `Fetcher` behaves towards the sites it visits: identity, politeness,
/// timeouts and limits. Defaults suit a polite audit crawler.
public struct FetchConfiguration: Sendable {
    /// Sent on every request; build it with `userAgent(tool:version:contact:)`.
    public var userAgent: String
    /// Requests in flight at once to one `host:port`.
    public var perHostConnections: Int
    /// Rest of each connection to one `host:port` after its response ended,
    /// before it starts the next request.
    public var perHostDelayMilliseconds: Int
    public var connectTimeoutSeconds: Double
    public var totalTimeoutSeconds: Double
    /// A transfer slower than this for `lowSpeedSeconds` is aborted as a timeout.
    public var lowSpeedBytesPerSecond: Int
    public var lowSpeedSeconds: Int
    /// Larger (decoded) bodies are cut here and reported with `truncated = true`.
    public var maxBodyBytes: Int
    public var maxRedirects: Int
    /// Retries of transient failures (timeouts, resets, 5xx, 429).
    public var maxRetries: Int
    /// First retry waits this long, each further retry twice as long.
    public var retryBackoffSeconds: Double
    /// Longest pause a `Retry-After` header may impose on a host.
    public var retryAfterCapSeconds: Double
    /// Upper bound for robots.txt `Crawl-delay` (applied by the crawler).
    public var crawlDelayCapSeconds: Double
    public var verifyTLS: Bool
    /// PEM file of the certificate authorities to trust instead of the
    /// system's (e.g. a provincial CA); nil = the system store.
    public var caCertificatesPath: String?
    /// Transfers in flight at once over all hosts.
    public var maxConcurrentTransfers: Int
    /// Refuses to connect to loopback, private, link-local and other
    /// non-public addresses (checked at connect time, so redirects and DNS
    /// answers cannot lead there). For public targets; off for local ones.
    public var refusePrivateAddresses: Bool

    public init() {
        userAgent = FetchConfiguration.userAgent(tool: "portal-audit", version: "0.1", contact: "audit@example.invalid")
        perHostConnections = 2
        perHostDelayMilliseconds = 500
        connectTimeoutSeconds = 10
        totalTimeoutSeconds = 60
        lowSpeedBytesPerSecond = 100
        lowSpeedSeconds = 15
        maxBodyBytes = 10_000_000
        maxRedirects = 10
        maxRetries = 2
        retryBackoffSeconds = 1
        retryAfterCapSeconds = 60
        crawlDelayCapSeconds = 10
        verifyTLS = true
        maxConcurrentTransfers = 64
        refusePrivateAddresses = false
        caCertificatesPath = nil
    }

    /// `tool/version (+mailto:contact)`: names the crawler and how to reach its operator.
    public static func userAgent(tool: String, version: String, contact: String) -> String {
        "\(tool)/\(version) (+mailto:\(contact))"
    }
}
