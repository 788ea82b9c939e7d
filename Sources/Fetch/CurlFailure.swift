import CCurl

/// Maps libcurl result codes to the neutral failure kinds of `FetchErrorKind`.
enum CurlFailure {
    static func failure(_ code: CURLcode, detail: String) -> TransportFailure {
        let summary = String(cString: curl_easy_strerror(code))
        let message = detail.isEmpty ? summary : "\(summary): \(detail)"
        let (kind, transient) = classify(code)
        return TransportFailure(kind: kind, message: message, isTransient: transient)
    }

    private static func classify(_ code: CURLcode) -> (FetchErrorKind, Bool) {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return (.dns, false)
        case CURLE_COULDNT_CONNECT:
            return (.refused, false)
        case CURLE_OPERATION_TIMEDOUT:
            return (.timeout, true)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return (.tls, false)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return (.scheme, false)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return (.network, true)
        default:
            return (.network, false)
        }
    }
}
