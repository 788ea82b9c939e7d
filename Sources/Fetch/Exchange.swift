import Foundation

/// One HTTP request/response as libcurl performed it, before redirects,
/// retries and decoding are considered.
struct Exchange: Sendable {
    var url: String
    var status: Int
    var httpVersion: String
    var headers: [(name: String, value: String)]
    var requestHeaderBlock: String
    var body: Data
    var truncated: Bool
    var startedAt: Date
    var elapsedSeconds: Double
    var remoteAddress: String?

    func header(_ name: String) -> String? { HTTPHeaders.value(of: name, in: headers) }

    var isRedirect: Bool { [301, 302, 303, 307, 308].contains(status) && header("Location") != nil }

    /// Worth asking again: the server is overloaded or rate-limiting.
    var isTransient: Bool { status == 429 || (500...599).contains(status) }
}

/// A transfer that produced no usable response.
struct TransportFailure: Error, Sendable {
    var kind: FetchErrorKind
    var message: String
    /// Timeouts and resets may succeed on a later attempt; DNS or TLS failures will not.
    var isTransient: Bool
}

typealias ExchangeResult = Result<Exchange, TransportFailure>
