/// An absolute http(s) address as the crawl sees it, read from bytes in one
/// pass: host lower-cased without user info or outer dots, port read,
/// fragment dropped. Its parts are byte slices; Strings only on request.
public struct HTTPAddress: Sendable, Equatable {
    public let bytes: [UInt8]
    public let isHTTPS: Bool
    public let port: Int?
    private let hostRange: Range<Int>
    /// Set when the written host is not already lower-case without outer dots.
    private let rewrittenHost: [UInt8]?
    private let pathRange: Range<Int>
    private let queryRange: Range<Int>?

    public init?(_ raw: String) {
        self.init(bytes: Array(raw.utf8))
    }

    public init?(bytes raw: [UInt8]) {
        let bytes = Self.trimmed(raw)
        guard let colon = bytes.firstIndex(of: ASCII.colon), colon + 2 < bytes.count,
              bytes[colon + 1] == ASCII.slash, bytes[colon + 2] == ASCII.slash else { return nil }
        let scheme = bytes[..<colon]
        let isHTTPS = ASCII.equalsIgnoringCase(scheme, "https")
        guard isHTTPS || ASCII.equalsIgnoringCase(scheme, "http") else { return nil }
        let end = bytes[(colon + 3)...].firstIndex(of: ASCII.hash) ?? bytes.count
        var authorityEnd = colon + 3
        while authorityEnd < end, bytes[authorityEnd] != ASCII.slash, bytes[authorityEnd] != ASCII.question { authorityEnd += 1 }
        var hostStart = colon + 3
        if let at = bytes[hostStart..<authorityEnd].lastIndex(of: ASCII.at) { hostStart = at + 1 }
        var hostEnd = authorityEnd
        var port: Int?
        if let portColon = bytes[hostStart..<authorityEnd].lastIndex(of: ASCII.colon), bytes[authorityEnd - 1] != UInt8(ascii: "]") {
            let digits = bytes[(portColon + 1)..<authorityEnd]
            if !digits.isEmpty {
                guard let value = Self.integer(digits), (0...65535).contains(value) else { return nil }
                port = value
            }
            hostEnd = portColon
        }
        guard hostEnd > hostStart else { return nil }
        let pathEnd = bytes[authorityEnd..<end].firstIndex(of: ASCII.question) ?? end
        self.bytes = bytes
        self.isHTTPS = isHTTPS
        self.port = port
        self.hostRange = hostStart..<hostEnd
        self.rewrittenHost = Self.rewritten(host: bytes[hostStart..<hostEnd])
        self.pathRange = authorityEnd..<pathEnd
        self.queryRange = pathEnd < end ? (pathEnd + 1)..<end : nil
    }

    public var scheme: String { isHTTPS ? "https" : "http" }
    /// Lower-case, without user info, port or outer dots.
    public var hostBytes: ArraySlice<UInt8> { rewrittenHost.map { $0[...] } ?? bytes[hostRange] }
    /// As written; empty for "http://host".
    public var pathBytes: ArraySlice<UInt8> { bytes[pathRange] }
    /// Without its "?"; nil when there is no "?".
    public var queryBytes: ArraySlice<UInt8>? { queryRange.map { bytes[$0] } }

    public var host: String { String(decoding: hostBytes, as: UTF8.self) }
    public var path: String { String(decoding: pathBytes, as: UTF8.self) }
    public var query: String? { queryBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The port when it is not the scheme's default.
    public var explicitPort: Int? {
        guard let port, port != (isHTTPS ? 443 : 80) else { return nil }
        return port
    }

    /// `host` or `host:port` when the port is not the scheme's default: the key of politeness and scope.
    public var hostKeyBytes: [UInt8] {
        var key = Array(hostBytes)
        if let port = explicitPort {
            key.append(ASCII.colon)
            key += String(port).utf8
        }
        return key
    }

    public var hostKey: String {
        guard let port = explicitPort else { return host }
        return "\(host):\(port)"
    }

    /// The path ("/" when empty) and query, as robots.txt rules see them.
    public var pathAndQuery: String {
        let path = self.path.isEmpty ? "/" : self.path
        return query.map { "\(path)?\($0)" } ?? path
    }

    public static func == (left: HTTPAddress, right: HTTPAddress) -> Bool {
        // As Strings: canonically equivalent spellings are equal, as they were.
        left.isHTTPS == right.isHTTPS && left.port == right.port && left.host == right.host && left.path == right.path
            && left.query == right.query
    }

    /// Without surrounding whitespace. Only an address that starts or ends
    /// with a space or a non-ASCII byte goes through String (Unicode's White_Space).
    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.first, let last = bytes.last,
              isSpaceOrNonASCII(first) || isSpaceOrNonASCII(last) else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.first?.isWhitespace == true || text.last?.isWhitespace == true else { return bytes }
        var scalars = Substring(text).unicodeScalars
        while let scalar = scalars.first, scalar.properties.isWhitespace { scalars.removeFirst() }
        while let scalar = scalars.last, scalar.properties.isWhitespace { scalars.removeLast() }
        return Array(Substring(scalars).utf8)
    }

    private static func isSpaceOrNonASCII(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// As `Int(text)` reads it: an optional sign, then ASCII digits only.
    private static func integer(_ text: ArraySlice<UInt8>) -> Int? {
        var digits = text[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard ASCII.isDigit(byte) else { return nil }
            // Past any port: the caller rejects it either way, and this cannot overflow.
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
        }
        return negative ? -value : value
    }

    /// The host lower-cased and without leading or trailing dots, when that
    /// changes it; a host with non-ASCII letters takes Unicode's mapping.
    private static func rewritten(host: ArraySlice<UInt8>) -> [UInt8]? {
        if host.allSatisfy({ $0 < 0x80 }) {
            guard host.contains(where: ASCII.isUppercase) || host.first == ASCII.dot || host.last == ASCII.dot else { return nil }
            var lowered = host.map(ASCII.lowercased)
            if lowered.first == ASCII.dot || lowered.last == ASCII.dot {
                while lowered.last == ASCII.dot { lowered.removeLast() }
                lowered.removeFirst(lowered.prefix { $0 == ASCII.dot }.count)
            }
            return lowered
        }
        let lowered = String(decoding: host, as: UTF8.self).lowercased()
        guard lowered.hasPrefix(".") || lowered.hasSuffix(".") else { return Array(lowered.utf8) }
        var scalars = Substring(lowered).unicodeScalars
        while scalars.first == "." { scalars.removeFirst() }
        while scalars.last == "." { scalars.removeLast() }
        return Array(Substring(scalars).utf8)
    }
}
