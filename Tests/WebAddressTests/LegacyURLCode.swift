import Foundation
@testable import Crawl

// The URL code as it was before WebAddress (commit 25cb18a2), kept here only
// for the differential test; deleted with it once the new code matched.

/// RFC 3986 reference resolution (section 5.2), with the leniency browsers
/// apply to hrefs: surrounding whitespace, tabs/newlines inside, backslashes,
/// spaces. Only hierarchical URLs (http, https, ftp, file) are rebuilt;
/// other schemes come back unchanged.
enum LegacyResolver {
    static func resolve(_ href: String, against base: String) -> String? {
        let reference = clean(href)
        if let scheme = scheme(of: reference) {
            guard hierarchical.contains(scheme) else { return reference }
            guard var parts = Parts(reference) else { return nil }
            parts.path = removeDotSegments(parts.path.isEmpty && parts.authority != nil ? "/" : parts.path)
            return parts.description
        }
        guard let baseParts = Parts(clean(base)), baseParts.authority != nil || baseParts.scheme == "file" else {
            return nil
        }
        var target = baseParts
        target.fragment = nil
        if reference.isEmpty { return target.description }
        if reference.hasPrefix("//") {
            guard let parts = Parts(baseParts.scheme + ":" + reference) else { return nil }
            target = parts
            target.path = removeDotSegments(target.path.isEmpty ? "/" : target.path)
            return target.description
        }
        let (pathAndQuery, fragment) = split(reference, at: "#")
        let (path, query) = split(pathAndQuery, at: "?")
        target.fragment = fragment
        if path.isEmpty {
            if query != nil { target.query = query }
        } else if path.hasPrefix("/") {
            target.path = removeDotSegments(path)
            target.query = query
        } else {
            let directory: String
            if target.path.isEmpty {
                directory = "/"
            } else if let slash = target.path.lastIndex(of: "/") {
                directory = String(target.path[...slash])
            } else {
                directory = "/"
            }
            target.path = removeDotSegments(directory + path)
            target.query = query
        }
        if target.path.isEmpty { target.path = "/" }
        return target.description
    }

    static let hierarchical: Set<String> = ["http", "https", "ftp", "file"]

    /// Schemes a crawler never follows: scripts, mail, phone, inline data.
    static let unfollowable: Set<String> = ["javascript", "mailto", "tel", "data", "sms", "callto", "skype"]

    /// Whether a crawler can follow `href` (not `javascript:`, `mailto:`…).
    static func isFollowable(_ href: String) -> Bool {
        !unfollowable.contains(scheme(of: clean(href)) ?? "")
    }

    /// `href` resolved against `base` when a crawler can follow it.
    /// Checked again once resolved: "java\tscript:" becomes "javascript:" there.
    static func followable(_ href: String, against base: String) -> String? {
        guard isFollowable(href), let url = resolve(href, against: base), isFollowable(url) else { return nil }
        return url
    }

    /// The lower-cased scheme when `href` starts with one ("javascript:", "HTTP:").
    static func scheme(of href: String) -> String? {
        var scheme = ""
        for character in href.unicodeScalars {
            if character == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = (character >= "a" && character <= "z") || (character >= "A" && character <= "Z")
            let isOther = (character >= "0" && character <= "9") || character == "+" || character == "-" || character == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.unicodeScalars.append(character)
        }
        return nil
    }

    /// Trims whitespace, drops tabs and newlines inside, turns backslashes
    /// into slashes and encodes spaces, as browsers do.
    static func clean(_ href: String) -> String {
        // Fast path: nothing to trim, drop or encode (the usual href).
        if !href.utf8.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\\") || $0 == 0xC2 }) { return href }
        var result = String.UnicodeScalarView()
        var trimmed = Substring.UnicodeScalarView(href.unicodeScalars)
        while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
        for scalar in trimmed {
            switch scalar {
            case "\t", "\n", "\r": continue
            case "\\": result.append("/")
            case " ": result.append(contentsOf: "%20".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" || scalar == "\u{A0}"
    }

    static func split(_ text: String, at separator: Unicode.Scalar) -> (String, String?) {
        // Byte search: separators are ASCII, and this runs for every link.
        guard let index = text.utf8.firstIndex(of: UInt8(separator.value)) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.utf8.index(after: index)...]))
    }

    /// RFC 3986 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = path.hasPrefix("/")
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let last = index == segments.count - 1
            switch segment {
            case ".":
                if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    /// scheme://authority/path?query#fragment
    struct Parts: CustomStringConvertible {
        var scheme: String
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init?(_ text: String) {
            guard let scheme = LegacyResolver.scheme(of: text) else { return nil }
            self.scheme = scheme
            var rest = Substring(text.dropFirst(scheme.count + 1))
            let (beforeFragment, fragment) = LegacyResolver.split(String(rest), at: "#")
            self.fragment = fragment
            rest = Substring(beforeFragment)
            let (beforeQuery, query) = LegacyResolver.split(String(rest), at: "?")
            self.query = query
            rest = Substring(beforeQuery)
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = Parts.normalise(authority: String(rest[..<end]), scheme: scheme)
                path = String(rest[end...])
            } else {
                authority = nil
                path = String(rest)
            }
        }

        /// Lower-cases the host and drops a default port.
        static func normalise(authority: String, scheme: String) -> String {
            var userInfo = ""
            var hostPort = Substring(authority)
            if let at = authority.lastIndex(of: "@") {
                userInfo = String(authority[...at])
                hostPort = authority[authority.index(after: at)...]
            }
            var host = hostPort.lowercased()
            if (scheme == "http" && host.hasSuffix(":80")) || (scheme == "https" && host.hasSuffix(":443")) {
                host = String(host[..<host.lastIndex(of: ":")!])
            }
            if host.hasSuffix(":") { host.removeLast() }
            return userInfo + host
        }

        var description: String {
            var text = scheme + ":"
            if let authority { text += "//" + authority }
            text += path
            if let query { text += "?" + query }
            if let fragment { text += "#" + fragment }
            return text
        }
    }
}


/// Turns the many spellings of one URL into one key, so a page is fetched and
/// counted once: scheme and host case, default ports, dot segments,
/// percent-encoding, no fragment, sorted query without tracking and session
/// parameters (pagination parameters are kept).
struct LegacyNormalizer {
    let policy: URLPolicy

    init(policy: URLPolicy) {
        self.policy = policy
    }

    /// Nil for anything that is not an absolute http(s) URL.
    func normalize(_ raw: String) -> String? {
        LegacyParsedURL(raw).map(normalize)
    }

    /// The key of an already parsed URL (the admission check parses once).
    func normalize(_ url: LegacyParsedURL) -> String {
        var path = LegacyResolver.removeDotSegments(url.path.isEmpty ? "/" : url.path)
        path = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { dropPathParameters(Self.normalizePercentEncoding(String($0), allowed: LegacyNormalizer.pathAllowed)) }
            .joined(separator: "/")
        var result = "\(url.scheme)://\(url.host)"
        if let port = url.port, port != (url.scheme == "https" ? 443 : 80) { result += ":\(port)" }
        result += path
        if let query = url.query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: true)
                .map { Self.normalizePercentEncoding(String($0), allowed: Self.queryAllowed) }
                .filter { !policy.dropsParameter(LegacyNormalizer.parameterName($0)) }
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
struct LegacyParsedURL: Sendable, Equatable {
    var scheme: String
    var host: String
    var port: Int?
    var path: String
    var query: String?

    init?(_ raw: String) {
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
    var hostKey: String {
        if let port, port != (scheme == "https" ? 443 : 80) { return "\(host):\(port)" }
        return host
    }

    var pathAndQuery: String {
        let path = self.path.isEmpty ? "/" : self.path
        return query.map { "\(path)?\($0)" } ?? path
    }
}

/// A URL split into the parts the detectors compare.
struct LegacyURLParts: Hashable, Sendable {
    var host: String
    var path: String
    var query: String?

    init?(_ url: String) {
        // Not Foundation's range(of:): every link of every page passes here.
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        var rest = url[url.index(colon, offsetBy: 3)...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        self.host = host
        let afterHost = rest[hostEnd...]
        if let question = afterHost.firstIndex(of: "?") {
            path = String(afterHost[..<question])
            let query = afterHost[afterHost.index(after: question)...]
            self.query = query.isEmpty ? nil : String(query)
        } else {
            path = String(afterHost)
            query = nil
        }
        if path.isEmpty { path = "/" }
    }

    /// Lower-cased path and query, as URL shapes see them.
    var shapeText: [UInt8] {
        Array((path + (query.map { "?" + $0 } ?? "")).lowercased().utf8)
    }
}

enum LegacyAdmission {
    static func pathExtension(_ path: String) -> String {
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }
}
