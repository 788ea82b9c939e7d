import WebAddress

/// Whether a link leads along a listing's pager or a calendar (next page,
/// next week) rather than deeper into the site. Such steps do not consume
/// depth: a listing of 60 pages is one step from the menu that opens it, not
/// 60. The trap guards still bound them (calendar variants, query variants
/// per path, the page budget).
struct PagerStep {
    let pageParameters: Set<String>
    let calendarParameters: Set<String>
    let pagerSegments: Set<String>

    init(policy: URLPolicy) {
        pageParameters = policy.pageParameters
        calendarParameters = policy.calendarParameters
        pagerSegments = policy.pagerSegments
    }

    /// A page as a pager sees it, read once per page and compared with each of its links.
    struct Position {
        let address: HTTPAddress
        /// The path without its pager or date ending, and whether it had one.
        let listing: (path: String, stepped: Bool)
        let parameters: [String: Substring]
    }

    func position(of address: HTTPAddress) -> Position {
        Position(address: address, listing: listingPath(address.path), parameters: parameters(address.query))
    }

    /// True when `to` is `from` but for a page number or a date: in the
    /// query (a page or calendar parameter added, removed or changed) or at
    /// the end of the path ("/tin-tuc/page/3", "/tin-tuc/trang-3.html", "/lich/2020-05-04").
    func isStep(from: Position, to: HTTPAddress) -> Bool {
        // Links to other hosts, the most common misses, are told apart on bytes.
        let fromHost = from.address.hostBytes, toHost = to.hostBytes
        let sameHost = fromHost.elementsEqual(toHost)
            || (!(fromHost.allSatisfy { $0 < 0x80 } && toHost.allSatisfy { $0 < 0x80 }) && from.address.host == to.host)
        guard from.address.explicitPort == to.explicitPort, sameHost, from.address != to else { return false }
        let toPath = listingPath(to.path)
        guard from.listing.path == toPath.path else { return false }
        let fromQuery = from.parameters, toQuery = parameters(to.query)
        let names = Set(fromQuery.keys).union(toQuery.keys)
        var stepped = from.listing.stepped || toPath.stepped
        for name in names where fromQuery[name] != toQuery[name] {
            guard isStepParameter(name) else { return false }
            stepped = true
        }
        return stepped
    }

    private func isStepParameter(_ name: String) -> Bool {
        if pageParameters.contains(name) || calendarParameters.contains(name) { return true }
        // Portlet-prefixed names: "_101_instance_ab12_cur".
        guard let underscore = name.lastIndex(of: "_") else { return false }
        return pageParameters.contains(String(name[name.index(after: underscore)...]))
    }

    private func parameters(_ query: String?) -> [String: Substring] {
        var result: [String: Substring] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[parts[0].lowercased()] = parts.count > 1 ? parts[1] : ""
        }
        return result
    }

    /// The path without its pager or date ending, and whether it had one.
    private func listingPath(_ path: String) -> (path: String, stepped: Bool) {
        var segments = path.lowercased().split(separator: "/")
        var stepped = false
        if let last = segments.last {
            let stem = last.split(separator: ".").first ?? last
            if Self.isNumber(stem), segments.count >= 2, pagerSegments.contains(String(segments[segments.count - 2])) {
                segments.removeLast(2)
                stepped = true
            } else if let dash = stem.lastIndex(of: "-"), pagerSegments.contains(String(stem[..<dash])),
                      Self.isNumber(stem[stem.index(after: dash)...]) {
                segments.removeLast()
                stepped = true
            } else if TrapGuard.looksLikeDate(last) {
                segments.removeLast()
                stepped = true
            }
        }
        return (segments.joined(separator: "/"), stepped)
    }

    private static func isNumber(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
