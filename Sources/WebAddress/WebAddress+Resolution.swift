/// RFC 3986 reference resolution (section 5.2) on bytes, with the leniency
/// browsers apply to hrefs: surrounding whitespace, tabs/newlines inside,
/// backslashes, spaces. Only hierarchical URLs (http, https, ftp, file) are
/// rebuilt; other schemes come back unchanged.
extension WebAddress {
    /// `href` resolved against `base`, as text.
    public static func resolve(_ href: String, against base: String) -> String? {
        resolve(cleaned(href.utf8), against: resolutionBase(base))?.description
    }

    /// The address a cleaned reference leads to from `base` (see `resolutionBase`);
    /// nil when it is relative and there is no base to resolve it against.
    public static func resolve(_ reference: [UInt8], against base: WebAddress?) -> WebAddress? {
        if let end = schemeEnd(of: reference) {
            let scheme = reference[..<end].map(ASCII.lowercased)
            guard isHierarchical(scheme) else { return WebAddress(bytes: reference) }
            return rebuilt(WebAddress(bytes: reference), scheme: scheme, removingDots: true, keepingFragment: true)
        }
        guard let base, let colon = base.colon else { return nil }
        if reference.isEmpty { return base }
        if reference.starts(with: [ASCII.slash, ASCII.slash]) {
            let scheme = Array(base.bytes[..<colon])
            return rebuilt(WebAddress(bytes: scheme + [ASCII.colon] + reference), scheme: scheme, removingDots: true, keepingFragment: true)
        }
        let fragmentStart = reference.firstIndex(of: ASCII.hash)
        let beforeFragment = reference[..<(fragmentStart ?? reference.count)]
        let queryStart = beforeFragment.firstIndex(of: ASCII.question)
        let path = beforeFragment[..<(queryStart ?? beforeFragment.endIndex)]
        var output = Array(base.bytes[..<(colon + 1)])
        output.reserveCapacity(base.bytes.count + reference.count)
        if let authority = base.authority {
            output += [ASCII.slash, ASCII.slash]
            output += base.bytes[authority]
        }
        var query: ArraySlice<UInt8>? = queryStart.map { beforeFragment[($0 + 1)...] }
        let pathStart = output.count
        if path.isEmpty {
            output += base.bytes[base.path]
            if query == nil { query = base.query.map { base.bytes[$0] } }
        } else if path.first == ASCII.slash {
            output += removingDotSegments(path)
        } else {
            let basePath = base.bytes[base.path]
            var directory: ArraySlice<UInt8> = [ASCII.slash]
            if let slash = basePath.lastIndex(of: ASCII.slash) { directory = basePath[...slash] }
            output += removingDotSegments(Array(directory) + path)
        }
        if output.count == pathStart { output.append(ASCII.slash) }
        if let query {
            output.append(ASCII.question)
            output += query
        }
        if let fragmentStart {
            output += reference[fragmentStart...]
        }
        return WebAddress(bytes: output)
    }

    /// `base` made ready to resolve every link of a page against: cleaned,
    /// scheme and host lower-cased, default port dropped, fragment dropped.
    /// Nil when it cannot be a base (no scheme, or neither an authority nor `file:`).
    public static func resolutionBase(_ base: String) -> WebAddress? {
        let text = cleaned(base.utf8)
        guard let end = schemeEnd(of: text) else { return nil }
        let scheme = text[..<end].map(ASCII.lowercased)
        let parts = WebAddress(bytes: text)
        guard parts.authority != nil || ASCII.equalsIgnoringCase(scheme, "file") else { return nil }
        return rebuilt(parts, scheme: scheme, removingDots: false, keepingFragment: false)
    }

    /// Whether a crawler can follow `href` (not `javascript:`, `mailto:`…).
    public static func isFollowable(_ href: String) -> Bool {
        isFollowable(cleaned: cleaned(href.utf8))
    }

    static func isFollowable(cleaned: [UInt8]) -> Bool {
        guard let scheme = scheme(of: cleaned) else { return true }
        return !unfollowable.contains { ASCII.equalsIgnoringCase(scheme, $0) }
    }

    /// `href` resolved against `base` when a crawler can follow it.
    /// Checked again once resolved: "java\tscript:" becomes "javascript:" there.
    public static func followable(_ href: String, against base: WebAddress?) -> WebAddress? {
        let reference = cleaned(href.utf8)
        guard isFollowable(cleaned: reference), let url = resolve(reference, against: base),
              isFollowable(cleaned: url.bytes) else { return nil }
        return url
    }

    /// Schemes a crawler never follows: scripts, mail, phone, inline data.
    static let unfollowable: [StaticString] = ["javascript", "mailto", "tel", "data", "sms", "callto", "skype"]

    static func isHierarchical(_ scheme: [UInt8]) -> Bool {
        ["http", "https", "ftp", "file"].contains { ASCII.equalsIgnoringCase(scheme, $0) }
    }

    /// Trims whitespace (and U+00A0), drops tabs and newlines inside, turns
    /// backslashes into slashes and encodes spaces, as browsers do.
    public static func cleaned<C: Collection<UInt8>>(_ href: C) -> [UInt8] {
        // Fast path: nothing to trim, drop or encode (the usual href).
        if !href.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\\") || $0 == 0xC2 }) { return Array(href) }
        let bytes = Array(href)
        var start = 0, end = bytes.count
        while start < end {
            if isSpace(bytes[start]) { start += 1 }
            else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2 }
            else { break }
        }
        while end > start {
            if isSpace(bytes[end - 1]) { end -= 1 }
            else if bytes[end - 1] == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2 }
            else { break }
        }
        var result = [UInt8]()
        result.reserveCapacity(end - start + 8)
        for byte in bytes[start..<end] {
            switch byte {
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\\"): result.append(ASCII.slash)
            case UInt8(ascii: " "): result += [ASCII.percent, UInt8(ascii: "2"), UInt8(ascii: "0")]
            default: result.append(byte)
            }
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// RFC 3986 5.2.4 on bytes.
    public static func removingDotSegments<C: Collection<UInt8>>(_ path: C) -> [UInt8] where C.Index == Int {
        guard path.contains(ASCII.dot) else { return Array(path) }
        let absolute = path.first == ASCII.slash
        var output: [Range<Int>] = []
        let segments = path.split(separator: ASCII.slash, omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if index == 0 && absolute { continue }
            let last = index == segments.count - 1
            if segment.elementsEqual([ASCII.dot]) {
                if last { output.append(path.startIndex..<path.startIndex) }
            } else if segment.elementsEqual([ASCII.dot, ASCII.dot]) {
                if !output.isEmpty { output.removeLast() }
                if last { output.append(path.startIndex..<path.startIndex) }
            } else {
                output.append(segment.startIndex..<segment.endIndex)
            }
        }
        var result: [UInt8] = absolute ? [ASCII.slash] : []
        result.reserveCapacity(path.count)
        for (index, range) in output.enumerated() {
            if index > 0 { result.append(ASCII.slash) }
            result += path[range]
        }
        return result
    }

    /// scheme://authority/path?query#fragment with the scheme and host
    /// lower-cased and a default port dropped; the path's dot segments
    /// removed when asked (an empty path under an authority is "/").
    private static func rebuilt(_ parts: WebAddress, scheme: [UInt8], removingDots: Bool, keepingFragment: Bool) -> WebAddress {
        var output = scheme
        output.reserveCapacity(parts.bytes.count + 1)
        output.append(ASCII.colon)
        if let authority = parts.authority {
            output += [ASCII.slash, ASCII.slash]
            output += normalised(authority: parts.bytes[authority], scheme: scheme)
        }
        let path = parts.bytes[parts.path]
        if removingDots {
            output += removingDotSegments(path.isEmpty && parts.authority != nil ? [ASCII.slash] : path)
        } else {
            output += path
        }
        if let query = parts.query {
            output.append(ASCII.question)
            output += parts.bytes[query]
        }
        if keepingFragment, let fragment = parts.fragment {
            output.append(ASCII.hash)
            output += parts.bytes[fragment]
        }
        return WebAddress(bytes: output)
    }

    /// Lower-cases the host and drops a default port; user info stays as written.
    private static func normalised(authority: ArraySlice<UInt8>, scheme: [UInt8]) -> [UInt8] {
        var userInfo: ArraySlice<UInt8> = []
        var hostPort = authority
        if let at = authority.lastIndex(of: ASCII.at) {
            userInfo = authority[...at]
            hostPort = authority[(at + 1)...]
        }
        var host = ASCII.lowercased(hostPort)
        if (ASCII.equalsIgnoringCase(scheme, "http") && host.suffix(3).elementsEqual(":80".utf8))
            || (ASCII.equalsIgnoringCase(scheme, "https") && host.suffix(4).elementsEqual(":443".utf8)) {
            host.removeSubrange(host.lastIndex(of: ASCII.colon)!...)
        }
        if host.last == ASCII.colon { host.removeLast() }
        return Array(userInfo) + host
    }
}
