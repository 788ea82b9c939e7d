import CCurl

/// An absolute URL parsed and normalised by libcurl's URL API, so that the
/// URLs we compare and schedule are the ones curl will request.
struct CurlURL {
    let string: String
    let scheme: String
    let host: String
    let port: Int

    var isHTTP: Bool { scheme == "http" || scheme == "https" }
    /// Scheduling key: `host:port`.
    var hostKey: String { "\(host):\(port)" }

    init?(_ text: String) {
        self.init(text, base: nil)
    }

    /// Resolves a (possibly relative) reference such as a `Location` header.
    init?(resolving reference: String, against base: String) {
        self.init(reference, base: base)
    }

    private init?(_ text: String, base: String?) {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE | CURLU_ALLOW_SPACE)
        if let base, curl_url_set(handle, CURLUPART_URL, base, flags) != CURLUE_OK { return nil }
        guard curl_url_set(handle, CURLUPART_URL, text.trimmingSpaces, flags) == CURLUE_OK,
              let string = Self.part(handle, CURLUPART_URL, 0),
              let scheme = Self.part(handle, CURLUPART_SCHEME, 0),
              let host = Self.part(handle, CURLUPART_HOST, 0) else { return nil }
        self.string = string
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = Self.part(handle, CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart, _ flags: UInt32) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
