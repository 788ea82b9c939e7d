import Fetch
import Vocabulary
import WebAddress

/// The one ordered check every discovered URL passes before it is fetched:
/// scheme, scope, kind, budget, depth, robots, already seen, trap guards.
/// Cheap checks come first; "seen" comes after robots and budget so the
/// reasons recorded say why a new URL was refused.
public struct Admission {
    public enum Verdict: Equatable {
        case admit(normalized: String)
        case skip(SkipReason)
        /// Already admitted: its fingerprint finds the anchors of a queued page.
        case seen(fingerprint: Int)
        /// A document link: kept as evidence with its anchor text.
        case document(normalized: String)
    }

    private let normalizer: URLNormalizer
    private let scope: Set<String>
    /// The scope's host keys as bytes, compared with each link's without a String;
    /// nil when one is not ASCII (canonical equivalence then needs String).
    private let scopeBytes: [(key: String, bytes: [UInt8])]?
    /// Per host, the path prefixes a sub-site target keeps to (see `CrawlTarget.scopePaths`).
    private let scopePaths: [String: [String]]
    private let maxPages: Int
    private let maxDepth: Int
    private var robots: [String: RobotsRules]
    /// Hashes of admitted URLs, not the URLs: a 100,000-page crawl keeps
    /// 8 bytes per URL. Two URLs sharing a 64-bit hash (odds near 1 in 10^9
    /// at that size) would cost one page, never a wrong finding.
    private var seen = Set<Int>()
    private var trapGuard: TrapGuard
    /// The key of the link being checked, reused from link to link.
    private var keyBuffer: [UInt8] = []
    public private(set) var admitted = 0

    public init(normalizer: URLNormalizer, scope: Set<String>, scopePaths: [String: [String]] = [:], maxPages: Int, maxDepth: Int) {
        self.normalizer = normalizer
        self.scope = scope
        let bytes = scope.map { (key: $0, bytes: Array($0.utf8)) }
        self.scopeBytes = bytes.allSatisfy { $0.bytes.allSatisfy { $0 < 0x80 } } ? bytes : nil
        self.scopePaths = scopePaths
        self.maxPages = maxPages
        self.maxDepth = maxDepth
        self.robots = [:]
        self.trapGuard = TrapGuard(policy: normalizer.policy)
    }

    public mutating func setRobots(_ rules: RobotsRules, forHost hostKey: String) {
        robots[hostKey] = rules
    }

    public func robotsRules(forHost hostKey: String) -> RobotsRules? { robots[hostKey] }

    /// Every host's rules, for the requests made after the crawl.
    var allRobotsRules: [String: RobotsRules] { robots }

    public var budgetReached: Bool { admitted >= maxPages }

    /// Marks a URL as fetched without counting it (a redirect target).
    public mutating func markSeen(_ normalized: String) -> Bool {
        seen.insert(Self.fingerprint(of: Array(normalized.utf8))).inserted
    }

    /// The seen-set's hash of a normalized URL: its bytes when ASCII (every
    /// key but those of non-ASCII hosts), else the String's, which equates
    /// canonically equivalent spellings as the scope check does.
    public static func fingerprint(of key: [UInt8]) -> Int {
        guard key.allSatisfy({ $0 < 0x80 }) else { return String(decoding: key, as: UTF8.self).hashValue }
        var hasher = Hasher()
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    public static func fingerprint(of normalized: String) -> Int {
        fingerprint(of: Array(normalized.utf8))
    }

    public mutating func check(_ raw: String, depth: Int) -> Verdict {
        guard let parsed = HTTPAddress(raw) else { return .skip(.scheme) }
        return check(parsed, depth: depth)
    }

    /// One parse per link: scope, kind and the seen-set work on the parsed
    /// bytes; a String is made for what is admitted (or kept as a document).
    public mutating func check(_ parsed: HTTPAddress, depth: Int) -> Verdict {
        guard let hostKey = scopeHost(of: parsed),
              scopePaths.isEmpty || CrawlTarget.isUnder(parsed, prefixes: scopePaths) else { return .skip(.scope) }
        let policy = normalizer.policy
        let extensionName = Self.pathExtension(parsed.pathBytes)
        if policy.documentExtensions.contains(extensionName) { return .document(normalized: normalizer.normalize(parsed)) }
        if policy.ignoredExtensions.contains(extensionName) { return .skip(.asset) }
        guard admitted < maxPages else { return .skip(.budget) }
        guard depth <= maxDepth else { return .skip(.depth) }
        if let rules = robots[hostKey], !rules.allowsEverything, !rules.isAllowed(parsed.pathAndQuery) { return .skip(.robots) }
        normalizer.key(parsed, into: &keyBuffer)
        let fingerprint = Self.fingerprint(of: keyBuffer)
        guard !seen.contains(fingerprint) else { return .seen(fingerprint: fingerprint) }
        let normalized = String(decoding: keyBuffer, as: UTF8.self)
        if let trap = trapGuard.check(normalized) { return .skip(trap) }
        seen.insert(fingerprint)
        admitted += 1
        return .admit(normalized: normalized)
    }

    /// The scope's host key `url` is on, or nil when it is off scope.
    private func scopeHost(of url: HTTPAddress) -> String? {
        if let scopeBytes {
            let host = url.hostBytes
            guard host.allSatisfy({ $0 < 0x80 }) else { return scope.contains(url.hostKey) ? url.hostKey : nil }
            let port = url.explicitPort.map { Array(String($0).utf8) }
            for entry in scopeBytes where Self.isKey(entry.bytes, host: host, port: port) { return entry.key }
            return nil
        }
        let key = url.hostKey
        return scope.contains(key) ? key : nil
    }

    /// Whether `key` is `host` or `host:port`.
    private static func isKey(_ key: [UInt8], host: ArraySlice<UInt8>, port: [UInt8]?) -> Bool {
        guard let port else { return key.elementsEqual(host) }
        guard key.count == host.count + 1 + port.count, key.starts(with: host), key[host.count] == UInt8(ascii: ":") else { return false }
        return key[(host.count + 1)...].elementsEqual(port)
    }

    /// The last non-empty segment's extension, lower-cased ("" when none).
    static func pathExtension(_ path: ArraySlice<UInt8>) -> String {
        var end = path.endIndex
        while end > path.startIndex, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        let segment = path[(path[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? path.startIndex)..<end]
        guard let dot = segment.lastIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(decoding: segment[(dot + 1)...], as: UTF8.self).lowercased()
    }
}

/// Guards against URL spaces that never end: calendars, relative-link loops
/// that repeat path segments, and query strings multiplying under one path.
struct TrapGuard {
    private let traps: URLPolicy.Traps
    private let calendarParameters: Set<String>
    private var calendarVariants: [String: Set<String>] = [:]
    private var queryVariants: [String: Int] = [:]

    init(policy: URLPolicy) {
        self.traps = policy.traps
        self.calendarParameters = policy.calendarParameters
    }

    mutating func check(_ normalized: String) -> SkipReason? {
        guard normalized.utf8.count <= traps.maxURLLength, let url = HTTPAddress(normalized) else { return .tooLong }
        let segments = url.path.split(separator: "/")
        if segments.count > traps.maxPathSegments { return .repeatedSegments }
        var counts: [Substring: Int] = [:]
        for segment in segments {
            counts[segment, default: 0] += 1
            if counts[segment]! >= traps.maxRepeatedSegment { return .repeatedSegments }
        }
        // A calendar is a path whose variants differ by a date: either a
        // calendar parameter or a date-shaped path segment.
        let pairs = url.query?.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) } ?? []
        let calendarValues = pairs.filter { calendarParameters.contains($0[0].lowercased()) || ($0.count > 1 && Self.looksLikeDate($0[1])) }
            .map { $0.joined(separator: "=") }
        var pattern = url.hostKey + url.path
        var datedSegments = [Substring]()
        if calendarValues.isEmpty {
            datedSegments = segments.filter { Self.looksLikeDate($0) }
            if !datedSegments.isEmpty {
                pattern = url.hostKey + "/" + segments.map { Self.looksLikeDate($0) ? "{date}" : $0 }.joined(separator: "/")
                // Dated article paths (/portal/pages/2020-05-01/Slug-12.aspx)
                // are content, not a calendar: only bare date leaves count.
                if !Self.looksLikeDate(segments.last ?? "") { datedSegments = [] }
            }
        }
        let variant = (calendarValues + datedSegments.map(String.init)).joined(separator: "&")
        if !variant.isEmpty {
            var seen = calendarVariants[pattern, default: []]
            if !seen.contains(variant) {
                guard seen.count < traps.maxCalendarVariants else { return .calendarTrap }
                seen.insert(variant)
                calendarVariants[pattern] = seen
            }
        }
        if url.query != nil {
            let key = url.hostKey + url.path
            let count = queryVariants[key, default: 0]
            guard count < traps.maxQueryVariantsPerPath else { return .queryExplosion }
            queryVariants[key] = count + 1
        }
        return nil
    }

    /// 2020-05-01, 01-05-2020, 20200501, 01/05/2020 (percent-encoded too).
    static func looksLikeDate<S: StringProtocol>(_ text: S) -> Bool {
        // Every accepted form starts with a digit; most path segments do not.
        guard let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        let compact = text.utf8.contains(UInt8(ascii: "%"))
            ? text.replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%2f", with: "/") : String(text)
        let parts = compact.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) {
            return parts.contains { $0.count == 4 }
        }
        if text.count == 8, text.allSatisfy(\.isNumber), let year = Int(text.prefix(4)), (1990...2100).contains(year) { return true }
        return false
    }
}
