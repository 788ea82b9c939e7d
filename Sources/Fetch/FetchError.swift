/// The few neutral reasons a fetch fails; every transport failure maps to one.
public enum FetchErrorKind: String, Sendable, Codable, CaseIterable {
    case dns, refused, timeout, tls
    case httpStatus = "http-status", tooLarge = "too-large", redirectLoop = "redirect-loop", robots
    /// A non-http(s) or malformed URL, or a redirect to one (refused).
    case scheme
    /// Connection reset or another transport failure.
    case network
}

/// Counts keyed by kind stay a JSON object keyed by the same words (measurements.json `fetch.errors`).
extension FetchErrorKind: CodingKeyRepresentable {}

public struct FetchError: Error, Sendable, CustomStringConvertible {
    public var kind: FetchErrorKind
    public var message: String
    /// The URL whose exchange failed (the last hop of a redirect chain).
    public var url: String
    public var status: Int?
    /// The server's answer when there was one (`http-status`, `redirect-loop`, `scheme`).
    public var response: FetchResponse?

    public init(kind: FetchErrorKind, message: String, url: String, status: Int? = nil, response: FetchResponse? = nil) {
        self.kind = kind
        self.message = message
        self.url = url
        self.status = status
        self.response = response
    }

    public var description: String { "\(kind.rawValue): \(message) (\(url))" }
}
