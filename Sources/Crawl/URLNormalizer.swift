import Foundation
import HTML

/// Turns the many spellings of one URL into one key, so a page is fetched and
/// counted once: scheme and host case, default ports, dot segments,
/// percent-encoding, no fragment, sorted query without tracking and session
/// parameters (pagination parameters are kept).
public struct URLNormalizer: Sendable {
    public let policy: URLPolicy

    public init(policy: URLPolicy) {
        self.policy = policy
    }

    /// Nil for anything that is not an absolute http(s) URL.
    public func normalize(_ raw: String) -> String? {
        ParsedURL(raw).map(normalize)
    }

    /// The key of an already parsed URL (the admission check parses once).
    public func normalize(_ url: ParsedURL) -> String {
        var path = URLResolver.removeDotSegments(url.path.isEmpty ? "/" : url.path)
        path = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { dropPathParameters(Self.normalizePercentEncoding(String($0), allowed: Self.pathAllowed)) }
            .joined(separator: "/")
        var result = "\(url.scheme)://\(url.host)"
        if let port = url.port, port != (url.scheme == "https" ? 443 : 80) { result += ":\(port)" }
        result += path
        if let query = url.query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: true)
                .map { Self.normalizePercentEncoding(String($0), allowed: Self.queryAllowed) }
                .filter { !policy.dropsParameter(Self.parameterName($0)) }
                .sorted()
            if !kept.isEmpty { result += "?" + kept.joined(separator: "&") }
        }
        return result
    }

    static func parameterName(_ pair: String) -> String {
        let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pair
        return name.removingPercentEncoding ?? name
    }

    private func dropPathParameters(_ segment: String) -> String {
        guard let semicolon = segment.firstIndex(of: ";") else { return segment }
        let parameters = segment[segment.index(after: semicolon)...].split(separator: ";")
        let kept = parameters.filter { !policy.dropPathParameters.contains(Self.parameterName(String($0)).lowercased()) }
        return String(segment[..<semicolon]) + kept.map { ";" + $0 }.joined()
    }

    /// Byte classes as 256-entry tables: every byte of every discovered URL is looked up.
    struct ByteSet: Sendable {
        private let members: [Bool]

        init(_ characters: String) {
            var members = [Bool](repeating: false, count: 256)
            for byte in characters.utf8 { members[Int(byte)] = true }
            self.members = members
        }

        func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
    }

    private static let unreservedCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    private static let unreserved = ByteSet(unreservedCharacters)
    static let pathAllowed = ByteSet(unreservedCharacters + "!$&'()*+,;=:@%")
    static let queryAllowed = ByteSet(unreservedCharacters + "!$'()*+,;=:@/?%")
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Decodes escapes of unreserved characters, upper-cases the others, and
    /// escapes bytes that may not appear raw (spaces, non-ASCII as UTF-8).
    static func normalizePercentEncoding(_ text: String, allowed: ByteSet) -> String {
        // Most segments are plain already.
        if text.utf8.allSatisfy({ allowed.contains($0) && $0 != UInt8(ascii: "%") }) { return text }
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = high << 4 | low
                if unreserved.contains(decoded) {
                    out.append(decoded)
                } else {
                    out += [UInt8(ascii: "%"), hex[Int(high)], hex[Int(low)]]
                }
                i += 3
                continue
            }
            if allowed.contains(byte) && byte != UInt8(ascii: "%") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// The parts of an absolute http(s) URL, split without Foundation (which
/// rejects many URLs real portals print, and is slow on the hot path).
public struct ParsedURL: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var path: String
    public var query: String?

    public init?(_ raw: String) {
        // Trimming through Foundation is costly; most URLs need none.
        let text = raw.first?.isWhitespace == true || raw.last?.isWhitespace == true
            ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = text[text.index(colon, offsetBy: 3)...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = Substring(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let portText = authority[authority.index(after: colon)...]
            if !portText.isEmpty {
                guard let value = Int(portText), (0...65535).contains(value) else { return nil }
                port = value
            }
            host = authority[..<colon]
        }
        guard !host.isEmpty else { return nil }
        var pathAndQuery = rest[authorityEnd...]
        var query: String?
        if let mark = pathAndQuery.firstIndex(of: "?") {
            query = String(pathAndQuery[pathAndQuery.index(after: mark)...])
            pathAndQuery = pathAndQuery[..<mark]
        }
        self.scheme = scheme
        let lowered = host.lowercased()
        self.host = lowered.hasPrefix(".") || lowered.hasSuffix(".") ? lowered.trimmingCharacters(in: CharacterSet(charactersIn: ".")) : lowered
        self.port = port
        self.path = String(pathAndQuery)
        self.query = query
    }

    /// `host` or `host:port` when the port is not the scheme's default: the key of politeness and scope.
    public var hostKey: String {
        if let port, port != (scheme == "https" ? 443 : 80) { return "\(host):\(port)" }
        return host
    }

    public var pathAndQuery: String {
        let path = self.path.isEmpty ? "/" : self.path
        return query.map { "\(path)?\($0)" } ?? path
    }
}
