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
        for index in ["/index.html", "/index.htm"] where path.lowercased().hasSuffix(index) { path.removeLast(index.count - 1) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
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
}
