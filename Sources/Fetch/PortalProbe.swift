import CCurl
import Foundation

/// What probing a portal's transport showed: plain HTTP and where it sends,
/// HTTPS with a strict and a lenient handshake (an expired, self-signed or
/// wrong-name certificate is a verdict, not a failure), the certificate, the
/// TLS version, the home page as the crawler and as a search engine see it,
/// and IPv6.
public struct PortalProbeReport: Sendable {
    public struct Answer: Sendable {
        public var url: String
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var text: String?
    }

    public struct Certificate: Sendable {
        public var subject: String?
        public var issuer: String?
        public var notBefore: Date?
        public var notAfter: Date?
        public var subjectAltNames: [String]
    }

    public enum Verification: String, Sendable {
        case trusted, expired, notYetValid, selfSigned, untrustedIssuer, wrongName, unknown
    }

    public var checkedAt: Date
    public var portalURL: String
    /// The plain-HTTP answer (not followed), nil when HTTP did not answer.
    public var http: Answer?
    public var httpsURL: String
    /// The HTTPS answer, whatever the certificate; nil when no TLS answer came.
    public var https: Answer?
    public var httpsFailure: String?
    public var verification: Verification?
    public var verificationDetail: String?
    public var certificate: Certificate?
    public var tlsVersion: String?
    /// The portal's home page as the search engine's user agent gets it.
    public var searchEngineHome: Answer?
    public var ipv6Addresses: [String]
    public var ipv6Route: Bool
    public var ipv6Answered: Bool?
    public var ipv6Detail: String
}

/// Probes one portal with single blocking transfers on a worker thread: a few
/// requests per portal and night, apart from the crawl's politeness queue.
public enum PortalProbe {
    public static func probe(portal: String, configuration: FetchConfiguration, searchEngineUserAgent: String?,
                             timeoutSeconds: Double) async -> PortalProbeReport {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: run(portal: portal, configuration: configuration,
                                                   searchEngineUserAgent: searchEngineUserAgent, timeoutSeconds: timeoutSeconds))
            }
        }
    }

    private static func run(portal: String, configuration: FetchConfiguration, searchEngineUserAgent: String?,
                            timeoutSeconds: Double) -> PortalProbeReport {
        CurlGlobal.initialize()
        var options = TransferOptions(configuration)
        options.totalTimeoutMilliseconds = Int(timeoutSeconds * 1000)
        options.connectTimeoutMilliseconds = min(options.connectTimeoutMilliseconds, options.totalTimeoutMilliseconds)
        let parsed = CurlURL(portal)
        let host = parsed?.host ?? ""
        let isHTTPS = parsed?.scheme == "https"
        let path = URLComponents(string: portal)?.path ?? "/"
        let plainURL = isHTTPS ? "http://\(host)\(path.isEmpty ? "/" : path)" : portal

        var report = PortalProbeReport(checkedAt: Date(), portalURL: portal, http: nil, httpsURL: "", https: nil, httpsFailure: nil,
                                       verification: nil, verificationDetail: nil, certificate: nil, tlsVersion: nil,
                                       searchEngineHome: nil, ipv6Addresses: [], ipv6Route: false, ipv6Answered: nil, ipv6Detail: "")
        if case .success(let answer) = perform(plainURL, options) {
            report.http = answer.answer
        }
        // HTTPS where plain HTTP sends us, else the portal's own https address.
        if isHTTPS {
            report.httpsURL = portal
        } else if let location = report.http.flatMap({ HTTPHeaders.value(of: "Location", in: $0.headers) }),
                  let resolved = CurlURL(resolving: location, against: plainURL), resolved.scheme == "https" {
            report.httpsURL = resolved.string
        } else {
            report.httpsURL = "https://\(host)\(path.isEmpty ? "/" : path)"
        }

        var strict = options
        strict.verifyTLS = true
        switch perform(report.httpsURL, strict) {
        case .success:
            report.verification = .trusted
        case .failure(let failure):
            report.verificationDetail = failure.failure.message
            report.verification = failure.failure.kind == .tls ? classify(failure.verifyResult, message: failure.failure.message) : nil
            if failure.failure.kind != .tls { report.httpsFailure = failure.failure.message }
        }
        var lenient = options
        lenient.verifyTLS = false
        lenient.collectCertificates = true
        switch perform(report.httpsURL, lenient) {
        case .success(let result):
            report.https = result.answer
            report.tlsVersion = result.tlsVersion
            report.certificate = result.chain.first.map(certificate)
            report.httpsFailure = nil
        case .failure(let failure):
            report.httpsFailure = report.httpsFailure ?? failure.failure.message
            report.verification = nil
        }

        if let agent = searchEngineUserAgent {
            var asBot = options
            asBot.userAgent = agent
            asBot.verifyTLS = false
            let home = report.https != nil ? report.httpsURL : portal
            if case .success(let result) = perform(home, asBot) { report.searchEngineHome = result.answer }
        }

        probeIPv6(host: host, url: report.https != nil ? report.httpsURL : portal, options: options, into: &report)
        return report
    }

    private static func probeIPv6(host: String, url: String, options: TransferOptions, into report: inout PortalProbeReport) {
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        report.ipv6Addresses = IPv6Route.addresses(of: bare)
        guard let first = report.ipv6Addresses.first else {
            report.ipv6Detail = "không có bản ghi AAAA"
            return
        }
        guard IPv6Route.exists(to: first) else {
            report.ipv6Route = false
            report.ipv6Detail = "máy kiểm tra không có đường IPv6: chưa kiểm tra"
            return
        }
        report.ipv6Route = true
        var v6 = options
        v6.ipv6Only = true
        v6.verifyTLS = false
        switch perform(url, v6) {
        case .success(let result):
            report.ipv6Answered = true
            report.ipv6Detail = "trả lời qua IPv6 (HTTP \(result.answer.status))"
        case .failure(let failure):
            report.ipv6Answered = false
            report.ipv6Detail = "không trả lời qua IPv6: \(failure.failure.message)"
        }
    }

    private struct Performed {
        var answer: PortalProbeReport.Answer
        var tlsVersion: String?
        var chain: [[(name: String, value: String)]]
    }

    private struct Failed: Error {
        var failure: TransportFailure
        var verifyResult: Int
    }

    /// One transfer, redirects not followed, on a handle of its own.
    private static func perform(_ url: String, _ options: TransferOptions) -> Result<Performed, Failed> {
        guard let transfer = EasyTransfer() else {
            return .failure(Failed(failure: TransportFailure(kind: .network, message: "cannot create a curl handle", isTransient: false), verifyResult: 0))
        }
        guard transfer.prepare(url: url, headers: [], options: options) else {
            return .failure(Failed(failure: TransportFailure(kind: .scheme, message: "libcurl rejected the URL", isTransient: false), verifyResult: 0))
        }
        transfer.markStarted()
        let code = curl_easy_perform(transfer.handle)
        let chain = options.collectCertificates ? transfer.certificateChain() : []
        let verifyResult = transfer.verifyResult
        let tlsVersion = transfer.tlsVersion
        switch transfer.finish(code) {
        case .success(let exchange):
            let response = FetchResponse(requestURL: url, exchange: exchange, redirects: [])
            return .success(Performed(answer: .init(url: url, status: exchange.status, headers: exchange.headers, text: response.text),
                                      tlsVersion: tlsVersion, chain: chain))
        case .failure(let failure):
            return .failure(Failed(failure: failure, verifyResult: verifyResult))
        }
    }

    /// OpenSSL's X509_V_ERR codes, and curl's own host-name check (which leaves no code).
    private static func classify(_ code: Int, message: String) -> PortalProbeReport.Verification {
        if message.contains("subject name") || message.contains("host name") { return .wrongName }
        switch code {
        case 10: return .expired
        case 9: return .notYetValid
        case 18, 19: return .selfSigned
        case 2, 20, 21, 27: return .untrustedIssuer
        case 62: return .wrongName
        default: return .unknown
        }
    }

    private static func certificate(_ fields: [(name: String, value: String)]) -> PortalProbeReport.Certificate {
        func field(_ name: String) -> String? { fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespaces) }
        let alternative = field("X509v3 Subject Alternative Name") ?? ""
        return .init(subject: field("Subject"), issuer: field("Issuer"), notBefore: field("Start date").flatMap(certificateDate),
                     notAfter: field("Expire date").flatMap(certificateDate),
                     subjectAltNames: alternative.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { $0.hasPrefix("DNS:") || $0.hasPrefix("IP Address:") })
    }

    /// "Jan  5 12:00:00 2027 GMT" as OpenSSL prints it, or "2027-01-05 12:00:00 GMT".
    static func certificateDate(_ text: String) -> Date? {
        let collapsed = text.split(separator: " ").joined(separator: " ")
        for format in ["MMM d HH:mm:ss yyyy zzz", "yyyy-MM-dd HH:mm:ss zzz"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}

/// AAAA records and whether this machine has a route to an IPv6 address.
enum IPv6Route {
    static func addresses(of host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_INET6
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var found: [String] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ai_addr, let text = AddressPolicy.text(of: address), !found.contains(text) {
                found.append(text)
            }
            entry = current.pointee.ai_next
        }
        return found
    }

    /// A UDP connect sends nothing; it only asks the kernel for a route.
    static func exists(to address: String) -> Bool {
        var target = sockaddr_in6()
        target.sin6_family = sa_family_t(AF_INET6)
        target.sin6_port = in_port_t(443).bigEndian
        guard inet_pton(AF_INET6, address, &target.sin6_addr) == 1 else { return false }
        let fd = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 }
        }
    }
}
