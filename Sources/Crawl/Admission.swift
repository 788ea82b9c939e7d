import Fetch
import Vocabulary

/// The one ordered check every discovered URL passes before it is fetched:
/// scheme, scope, kind, budget, depth, robots, already seen, trap guards.
/// Cheap checks come first; "seen" comes after robots and budget so the
/// reasons recorded say why a new URL was refused.
public struct Admission {
    public enum Verdict: Equatable {
        case admit(normalized: String)
        case skip(SkipReason)
        /// A document link: kept as evidence with its anchor text.
        case document(normalized: String)
    }

    private let normalizer: URLNormalizer
    private let scope: Set<String>
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
    public private(set) var admitted = 0

    public init(normalizer: URLNormalizer, scope: Set<String>, scopePaths: [String: [String]] = [:], maxPages: Int, maxDepth: Int) {
        self.normalizer = normalizer
        self.scope = scope
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
        seen.insert(normalized.hashValue).inserted
    }

    public mutating func check(_ raw: String, depth: Int) -> Verdict {
        guard let parsed = ParsedURL(raw) else { return .skip(.scheme) }
        let normalized = normalizer.normalize(parsed)
        guard scope.contains(parsed.hostKey), CrawlTarget.isUnder(parsed, prefixes: scopePaths) else { return .skip(.scope) }
        let policy = normalizer.policy
        let extensionName = Self.pathExtension(parsed.path)
        if policy.documentExtensions.contains(extensionName) { return .document(normalized: normalized) }
        if policy.ignoredExtensions.contains(extensionName) { return .skip(.asset) }
        guard admitted < maxPages else { return .skip(.budget) }
        guard depth <= maxDepth else { return .skip(.depth) }
        if let rules = robots[parsed.hostKey], !rules.isAllowed(parsed.pathAndQuery) { return .skip(.robots) }
        let fingerprint = normalized.hashValue
        guard !seen.contains(fingerprint) else { return .skip(.seen) }
        if let trap = trapGuard.check(normalized) { return .skip(trap) }
        seen.insert(fingerprint)
        admitted += 1
        return .admit(normalized: normalized)
    }

    static func pathExtension(_ path: String) -> String {
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return "" }
        return last[last.index(after: dot)...].lowercased()
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
        guard normalized.utf8.count <= traps.maxURLLength, let url = ParsedURL(normalized) else { return .tooLong }
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
