import CCurl
import Foundation

/// One libcurl easy handle and what it collects during a transfer: status
/// line, headers, the request header block sent, and the body up to the cap.
/// Handles are reused between transfers so connections, DNS and TLS session
/// caches stay warm.
final class EasyTransfer {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var headerList: UnsafeMutablePointer<curl_slist>?

    private(set) var url = ""
    private var bodyCap = 0
    private var body = Data()
    private var truncated = false
    private var head = ResponseHead()
    private var requestHeaderBlock = Data()
    private var startedAt = Date()
    private var refusePrivateAddresses = false
    /// The non-public address a connection was refused to, if any.
    private var refusedAddress: String?
    private var readsTLSVersion = false
    /// The TLS version of the last transfer, read while its connection was open.
    private(set) var tlsVersion: String?

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sets the handle up for `url`; false if libcurl refuses an option.
    func prepare(url: String, headers extra: [(name: String, value: String)], options: TransferOptions) -> Bool {
        curl_easy_reset(handle)
        self.url = url
        bodyCap = options.maxBodyBytes
        refusePrivateAddresses = options.refusePrivateAddresses
        refusedAddress = nil
        readsTLSVersion = options.collectCertificates
        tlsVersion = nil
        errorBuffer[0] = 0
        curl_slist_free_all(headerList)
        headerList = nil
        for header in extra {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        if let path = options.caCertificatesPath, pa_easy_setopt_string(handle, CURLOPT_CAINFO, path) != CURLE_OK { return false }
        let results: [CURLcode] = [
            pa_easy_setopt_string(handle, CURLOPT_URL, url),
            pa_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            pa_easy_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent),
            // Decoded here, not by libcurl: libcurl 7.88 takes a cut gzip body for a
            // whole one, and the size cap must hold for the inflated bytes.
            pa_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate"),
            pa_easy_setopt_long(handle, CURLOPT_HTTP_CONTENT_DECODING, 0),
            pa_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList),
            pa_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            pa_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds),
            pa_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, options.totalTimeoutMilliseconds),
            pa_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytesPerSecond),
            pa_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds),
            pa_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, options.verifyTLS ? 1 : 0),
            pa_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0),
            pa_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            pa_easy_setopt_write(handle, CURLOPT_WRITEFUNCTION, bodyCallback),
            pa_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me),
            pa_easy_setopt_header(handle, headerCallback),
            pa_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me),
            // The debug callback is the only way to see the request headers as sent.
            pa_easy_setopt_debug(handle, debugCallback),
            pa_easy_setopt_pointer(handle, CURLOPT_DEBUGDATA, me),
            pa_easy_setopt_long(handle, CURLOPT_VERBOSE, 1),
            pa_easy_setopt_opensocket(handle, openSocketCallback),
            pa_easy_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, me),
            pa_easy_setopt_long(handle, CURLOPT_CERTINFO, options.collectCertificates ? 1 : 0),
            pa_easy_setopt_long(handle, CURLOPT_IPRESOLVE, Int(options.ipv6Only ? CURL_IPRESOLVE_V6 : CURL_IPRESOLVE_WHATEVER)),
        ]
        return results.allSatisfy { $0 == CURLE_OK }
    }

    /// Marks the moment the transfer is handed to the multi handle.
    func markStarted() { startedAt = Date() }

    /// The outcome once libcurl reports the transfer done with `code`.
    func finish(_ code: CURLcode) -> ExchangeResult {
        defer { clear() }
        if let refusedAddress {
            return .failure(TransportFailure(kind: .refused, message: "refused to connect to the non-public address \(refusedAddress)",
                                             isTransient: false))
        }
        // A write error we caused by refusing bytes past the cap is a cut body, not a failure.
        guard code == CURLE_OK || (code == CURLE_WRITE_ERROR && truncated) else {
            return .failure(CurlFailure.failure(code, detail: String(cString: errorBuffer)))
        }
        if let failure = decodeBody() { return .failure(failure) }
        var status = 0
        _ = pa_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var total = 0.0
        _ = pa_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &total)
        var address: UnsafeMutablePointer<CChar>?
        _ = pa_easy_getinfo_string(handle, CURLINFO_PRIMARY_IP, &address)
        let remote = address.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let version = head.statusLine.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return .success(Exchange(url: url, status: status, httpVersion: version, headers: head.headers,
                                 requestHeaderBlock: String(decoding: requestHeaderBlock, as: UTF8.self),
                                 body: body, truncated: truncated, startedAt: startedAt,
                                 elapsedSeconds: total, remoteAddress: remote))
    }

    /// Undoes a gzip or deflate content coding, keeping at most the cap; a
    /// coded body that stops short (and was not cut by the cap) is a failure.
    private func decodeBody() -> TransportFailure? {
        let coding = HTTPHeaders.value(of: "Content-Encoding", in: head.headers)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard ["gzip", "x-gzip", "deflate"].contains(coding), !body.isEmpty else { return nil }
        let (decoded, ending) = Gzip.inflate(body, limit: bodyCap)
        switch ending {
        case .complete:
            break
        case .limit:
            truncated = true
        case .truncated where truncated:
            break   // the raw body was cut at the cap: a cut page, as without coding
        case .truncated:
            return TransportFailure(kind: .network, message: "the \(coding) body ends before its end (a cut transfer)", isTransient: true)
        case .corrupt(let detail):
            return TransportFailure(kind: .network, message: "the \(coding) body cannot be decoded (\(detail))", isTransient: false)
        }
        body = decoded
        return nil
    }

    /// Drops per-transfer data so an idle handle holds no body memory.
    func clear() {
        body = Data()
        head = ResponseHead()
        requestHeaderBlock = Data()
        truncated = false
    }

    fileprivate func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        let room = bodyCap - body.count
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        guard bytes.count <= room else {
            body.append(base, count: max(room, 0))
            truncated = true
            return 0   // aborts the transfer with CURLE_WRITE_ERROR
        }
        body.append(base, count: bytes.count)
        return bytes.count
    }

    /// Opens the socket libcurl asks for, unless the address is not public
    /// and such addresses are refused (libcurl then fails to connect).
    fileprivate func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        if refusePrivateAddresses {
            let text = withUnsafePointer(to: &address.pointee.addr) { AddressPolicy.text(of: $0) }
            guard let text, !AddressPolicy.isPrivate(text) else {
                refusedAddress = text ?? "(unknown family)"
                return CURL_SOCKET_BAD
            }
        }
        return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
    }

    /// The fields of each certificate of the chain the last transfer saw, leaf first
    /// ("Subject", "Issuer", "Start date", "Expire date", …).
    func certificateChain() -> [[(name: String, value: String)]] {
        var info: UnsafeMutablePointer<curl_certinfo>?
        guard pa_easy_getinfo_certinfo(handle, &info) == CURLE_OK, let info, let lists = info.pointee.certinfo else { return [] }
        return (0..<Int(info.pointee.num_of_certs)).map { index in
            var fields: [(name: String, value: String)] = []
            var item = lists[index]
            while let current = item {
                if let data = current.pointee.data {
                    let line = String(cString: data)
                    if let colon = line.firstIndex(of: ":") {
                        fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
                    }
                }
                item = current.pointee.next
            }
            return fields
        }
    }

    /// OpenSSL's verification result of the last transfer (0 = verified).
    var verifyResult: Int {
        var result = 0
        _ = pa_easy_getinfo_long(handle, CURLINFO_SSL_VERIFYRESULT, &result)
        return result
    }

    fileprivate func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        if readsTLSVersion, tlsVersion == nil, let version = pa_tls_version(handle) {
            tlsVersion = String(cString: version)
        }
        head.append(line: bytes)
    }

    fileprivate func appendRequestHeaders(_ bytes: UnsafeRawBufferPointer) {
        requestHeaderBlock.append(contentsOf: bytes)
    }
}

/// Per-transfer settings derived once from `FetchConfiguration`.
struct TransferOptions {
    var userAgent: String
    var connectTimeoutMilliseconds: Int
    var totalTimeoutMilliseconds: Int
    var lowSpeedBytesPerSecond: Int
    var lowSpeedSeconds: Int
    var maxBodyBytes: Int
    var verifyTLS: Bool
    var refusePrivateAddresses: Bool
    var caCertificatesPath: String?
    /// Collects the certificate chain and the TLS version (the portal probe).
    var collectCertificates = false
    var ipv6Only = false

    init(_ configuration: FetchConfiguration) {
        userAgent = configuration.userAgent
        connectTimeoutMilliseconds = Int(configuration.connectTimeoutSeconds * 1000)
        totalTimeoutMilliseconds = Int(configuration.totalTimeoutSeconds * 1000)
        lowSpeedBytesPerSecond = configuration.lowSpeedBytesPerSecond
        lowSpeedSeconds = configuration.lowSpeedSeconds
        maxBodyBytes = configuration.maxBodyBytes
        verifyTLS = configuration.verifyTLS
        refusePrivateAddresses = configuration.refusePrivateAddresses
        caCertificatesPath = configuration.caCertificatesPath
    }
}

private func transfer(_ user: UnsafeMutableRawPointer?) -> EasyTransfer {
    Unmanaged<EasyTransfer>.fromOpaque(user!).takeUnretainedValue()
}

private let bodyCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { data, size, count, user in
    transfer(user).appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private let headerCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = { data, size, count, user in
    transfer(user).appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private let openSocketCallback: @convention(c) (UnsafeMutableRawPointer?, curlsocktype, UnsafeMutablePointer<curl_sockaddr>?) -> curl_socket_t = { user, _, address in
    guard let address else { return CURL_SOCKET_BAD }
    return transfer(user).openSocket(address)
}

private let debugCallback: @convention(c) (UnsafeMutableRawPointer?, curl_infotype, UnsafeMutablePointer<CChar>?, Int, UnsafeMutableRawPointer?) -> Int32 = { _, type, data, size, user in
    if type == CURLINFO_HEADER_OUT {
        transfer(user).appendRequestHeaders(UnsafeRawBufferPointer(start: data, count: size))
    }
    return 0
}
