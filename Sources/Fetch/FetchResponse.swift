import Foundation

/// One redirect answer on the way to the final response.
public struct RedirectHop: Sendable {
    public var url: String
    public var status: Int
    /// The `Location` header as sent (possibly relative).
    public var location: String
    public var headers: [(name: String, value: String)]
}

/// The final answer of a fetch, after redirects, with its body decoded.
public struct FetchResponse: Sendable {
    /// What was asked.
    public var requestURL: String
    /// Final URL after redirects.
    public var url: String
    public var status: Int
    /// As on the status line, e.g. "HTTP/1.1" or "HTTP/2".
    public var httpVersion: String
    /// Final response headers as received.
    public var headers: [(name: String, value: String)]
    /// Request line and headers sent for the final hop, for WARC request records.
    public var requestHeaderBlock: String
    /// Content-decoded (gzip/deflate/br) payload, possibly cut at the size cap.
    public var body: Data
    public var truncated: Bool
    public var redirects: [RedirectHop]
    /// Media type, lowercased, without parameters.
    public var contentType: String?
    /// Detected charset; nil for non-text.
    public var charset: String?
    /// NFC text for text/*, HTML and XML; nil otherwise.
    public var decoded: DecodedText?
    /// Start of the final hop.
    public var fetchedAt: Date
    /// Duration of the final hop.
    public var elapsedSeconds: Double
    public var remoteAddress: String?

    /// NFC UTF-8 text for text/*, HTML and XML; nil otherwise. Built on
    /// each read: parsing reads `decoded`'s bytes instead.
    public var text: String? {
        get { decoded?.string }
        set { decoded = newValue.map(DecodedText.init) }
    }

    /// First header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        HTTPHeaders.value(of: name, in: headers)
    }
}

public typealias FetchResult = Result<FetchResponse, FetchError>

extension FetchResponse {
    init(requestURL: String, exchange: Exchange, redirects: [RedirectHop]) {
        let contentType = MediaType.essence(of: HTTPHeaders.value(of: "Content-Type", in: exchange.headers))
        let decoded = MediaType.isText(contentType, body: exchange.body)
            ? CharsetDecoder.decodeText(exchange.body, contentTypeHeader: HTTPHeaders.value(of: "Content-Type", in: exchange.headers))
            : nil
        self.init(requestURL: requestURL, url: exchange.url, status: exchange.status, httpVersion: exchange.httpVersion,
                  headers: exchange.headers, requestHeaderBlock: exchange.requestHeaderBlock, body: exchange.body,
                  truncated: exchange.truncated, redirects: redirects, contentType: contentType,
                  charset: decoded?.charset, decoded: decoded?.text, fetchedAt: exchange.startedAt,
                  elapsedSeconds: exchange.elapsedSeconds, remoteAddress: exchange.remoteAddress)
    }
}

/// Header list lookups shared by responses and redirect hops.
enum HTTPHeaders {
    static func value(of name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { equalsIgnoringCase($0.name, name) }?.value
    }

    /// `caseInsensitiveCompare` for header names: ASCII (nearly always) on
    /// bytes, where case folding is A–Z only; anything else through Foundation.
    static func equalsIgnoringCase(_ lhs: String, _ rhs: String) -> Bool {
        let (left, right) = (lhs.utf8, rhs.utf8)
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else {
            return lhs.caseInsensitiveCompare(rhs) == .orderedSame
        }
        return left.count == right.count && zip(left, right).allSatisfy { ($0 | 0x20) == ($1 | 0x20) && (($0 | 0x20) &- 0x61 < 26 || $0 == $1) }
    }
}

/// Which bodies are text, and the bare media type of a Content-Type value.
enum MediaType {
    static func essence(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces).lowercased()
        return type.isEmpty ? nil : type
    }

    /// text/*, HTML and XML types; an untyped body counts when it starts like HTML.
    static func isText(_ type: String?, body: Data) -> Bool {
        guard let type else { return looksLikeHTML(body) }
        return type.hasPrefix("text/") || type.contains("html") || type.hasSuffix("xml")
    }

    private static func looksLikeHTML(_ body: Data) -> Bool {
        let head = String(decoding: body.prefix(256), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }
}
