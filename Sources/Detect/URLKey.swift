/// The identity of a page for counting: host without "www.", path without
/// a trailing slash, query without tracking parameters and sorted, no fragment.
struct URLKeyMaker: Sendable {
    let tracking: Set<String>

    init(trackingParameters: [String]) {
        tracking = Set(trackingParameters.map { $0.lowercased() })
    }

    func key(_ url: String) -> String {
        guard let parts = URLParts(url) else { return url }
        return key(parts)
    }

    func key(_ parts: URLParts) -> String {
        var path = parts.path
        // "/a/index.html" is the folder "/a/" (static sites link both).
        for index in ["/index.html", "/index.htm"] where Self.hasSuffixIgnoringCase(path, index) { path.removeLast(index.count - 1) }
        // A last Character "/" is one byte: more than one byte is more than one Character.
        while path.hasSuffix("/") && path.utf8.count > 1 { path.removeLast() }
        var key = parts.host + path
        if let query = parts.query {
            let kept = query.split(separator: "&").filter { pair in
                let name = pair.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                return !tracking.contains(name) && !name.hasPrefix("utm_")
            }
            // Sorted as the crawl's normaliser sorts them: a link and the page it fetched share a key.
            if !kept.isEmpty { key += "?" + kept.sorted().joined(separator: "&") }
        }
        return key
    }

    /// `path.lowercased().hasSuffix(suffix)` for a lower-case ASCII suffix,
    /// on bytes when the path is ASCII (nearly always): no lower-cased copy per link.
    static func hasSuffixIgnoringCase(_ path: String, _ suffix: String) -> Bool {
        let answer = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count >= suffix.utf8.count else { return false }
            return zip(bytes.suffix(suffix.utf8.count), suffix.utf8).allSatisfy { byte, expected in
                (byte &- 0x41 < 26 ? byte | 0x20 : byte) == expected
            }
        } ?? nil
        return answer ?? path.lowercased().hasSuffix(suffix)
    }
}
