/// What happened on one `host:port` so far.
public struct HostStatistics: Sendable, Equatable {
    /// Exchanges started (each redirect hop and retry counts).
    public var requests = 0
    /// Body bytes received (decoded).
    public var bytes = 0
    public var retries = 0
    /// Failed fetches by kind (final outcomes, after retries).
    public var errors: [FetchErrorKind: Int] = [:]
    /// Times the host asked us to slow down (429/503 with Retry-After).
    public var slowdowns = 0

    public init() {}
}
