/// RFC 3986 reference resolution (section 5.2), with the leniency browsers
/// apply to hrefs: surrounding whitespace, tabs/newlines inside, backslashes,
/// spaces. Only hierarchical URLs (http, https, ftp, file) are rebuilt;
/// other schemes come back unchanged.
public enum URLResolver {
    public static func resolve(_ href: String, against base: String) -> String? {
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
    public static func isFollowable(_ href: String) -> Bool {
        !unfollowable.contains(scheme(of: clean(href)) ?? "")
    }

    /// `href` resolved against `base` when a crawler can follow it.
    /// Checked again once resolved: "java\tscript:" becomes "javascript:" there.
    public static func followable(_ href: String, against base: String) -> String? {
        guard isFollowable(href), let url = resolve(href, against: base), isFollowable(url) else { return nil }
        return url
    }

    /// The lower-cased scheme when `href` starts with one ("javascript:", "HTTP:").
    public static func scheme(of href: String) -> String? {
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
    public static func removeDotSegments(_ path: String) -> String {
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
            guard let scheme = URLResolver.scheme(of: text) else { return nil }
            self.scheme = scheme
            var rest = Substring(text.dropFirst(scheme.count + 1))
            let (beforeFragment, fragment) = URLResolver.split(String(rest), at: "#")
            self.fragment = fragment
            rest = Substring(beforeFragment)
            let (beforeQuery, query) = URLResolver.split(String(rest), at: "?")
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
