/// robots.txt rules for one crawler, per RFC 9309.
///
/// The group whose user-agent is the most specific match of our product token
/// (case-insensitive) applies, else the `*` group; groups naming the same agent
/// are merged. The longest matching allow/disallow pattern decides (`*` and a
/// final `$` supported, Allow wins ties); paths and patterns are compared with
/// percent-encoding normalised. `Sitemap:` lines are global.
public struct RobotsRules: Sendable {
    private var rules: [RobotsPattern]
    public var crawlDelaySeconds: Double?
    public var sitemaps: [String]

    public static let allowAll = RobotsRules(rules: [], crawlDelaySeconds: nil, sitemaps: [])

    private init(rules: [RobotsPattern], crawlDelaySeconds: Double?, sitemaps: [String]) {
        self.rules = rules
        self.crawlDelaySeconds = crawlDelaySeconds
        self.sitemaps = sitemaps
    }

    /// `userAgent` may be a full User-Agent header; its product token is used.
    public static func parse(_ text: String, userAgent: String) -> RobotsRules {
        let file = RobotsFile(text)
        let token = productToken(of: userAgent)
        let matching = file.groups.filter { group in group.agents.contains { token.hasPrefix($0) && $0 != "*" } }
        let chosen: [RobotsFile.Group]
        if let longest = matching.flatMap(\.agents).filter({ token.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
            chosen = matching.filter { $0.agents.contains(longest) }
        } else {
            chosen = file.groups.filter { $0.agents.contains("*") }
        }
        return RobotsRules(rules: chosen.flatMap(\.rules),
                           crawlDelaySeconds: chosen.compactMap(\.crawlDelay).first,
                           sitemaps: file.sitemaps)
    }

    /// No rule at all (no robots.txt, or one without rules for us): every path may be fetched.
    public var allowsEverything: Bool { rules.isEmpty }

    /// Whether `pathAndQuery` (e.g. "/tin-tuc?page=2") may be fetched.
    public func isAllowed(_ pathAndQuery: String) -> Bool {
        let path = RobotsPattern.normalize(pathAndQuery.isEmpty ? "/" : pathAndQuery)
        // RFC 9309 2.2.2: /robots.txt itself is always allowed.
        if path == "/robots.txt" { return true }
        var best: RobotsPattern?
        for rule in rules where rule.matches(path) {
            if let current = best, current.length > rule.length || (current.length == rule.length && current.allow) { continue }
            best = rule
        }
        return best?.allow ?? true
    }

    /// "portal-audit/0.1 (+mailto:…)" → "portal-audit".
    private static func productToken(of userAgent: String) -> String {
        let first = userAgent.split(whereSeparator: { $0 == " " || $0 == "/" }).first ?? ""
        return first.lowercased()
    }
}

/// The lines of a robots.txt file grouped as RFC 9309 describes.
struct RobotsFile {
    struct Group {
        var agents: [String] = []
        var rules: [RobotsPattern] = []
        var crawlDelay: Double?
    }

    private(set) var groups: [Group] = []
    private(set) var sitemaps: [String] = []

    init(_ text: String) {
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                .replacingOccurrences(of: "\u{FEFF}", with: "")
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                // Consecutive user-agent lines share one group.
                if !lastWasAgent, let finished = current { groups.append(finished) }
                if !lastWasAgent { current = Group() }
                let agent = value.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map { $0.lowercased() } ?? ""
                if !agent.isEmpty { current?.agents.append(agent) }
                lastWasAgent = true
                continue
            case "allow", "disallow":
                // An empty Disallow allows everything: no rule.
                if !value.isEmpty { current?.rules.append(RobotsPattern(value, allow: key == "allow")) }
            case "crawl-delay":
                if let seconds = Double(value), seconds >= 0 { current?.crawlDelay = seconds }
            case "sitemap":
                if !value.isEmpty { sitemaps.append(value) }
                continue
            default:
                continue   // unknown records neither end nor start a group
            }
            lastWasAgent = false
        }
        if let finished = current { groups.append(finished) }
    }
}

/// One allow/disallow pattern, matched from the start of the path.
struct RobotsPattern: Sendable {
    let allow: Bool
    /// Match priority: octets in the normalised pattern.
    let length: Int
    private let pieces: [[UInt8]]   // literal runs between `*`
    private let anchored: Bool      // ended in `$`

    init(_ pattern: String, allow: Bool) {
        self.allow = allow
        var normalized = RobotsPattern.normalize(pattern)
        length = normalized.utf8.count
        anchored = normalized.hasSuffix("$")
        if anchored { normalized.removeLast() }
        pieces = normalized.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
    }

    func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.starts(with: pieces[0]) else { return false }
        var position = pieces[0].count
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast && anchored {
                // The last piece must end the path, after `position`.
                return bytes.count - piece.count >= position && bytes[(bytes.count - piece.count)...].elementsEqual(piece)
            }
            guard !piece.isEmpty else { continue }
            guard let found = bytes[position...].firstRange(of: piece) else { return false }
            position = found.upperBound
        }
        return !anchored || position == bytes.count
    }

    /// Percent-encodes raw non-ASCII and space bytes, decodes escaped unreserved
    /// characters and upper-cases the remaining escapes, so that equivalent
    /// spellings of a path compare equal.
    static func normalize(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let value = hexValue(bytes[index + 1], bytes[index + 2]) {
                if isUnreserved(value) { out.append(value) } else { appendEscape(value, to: &out) }
                index += 3
                continue
            }
            if byte >= 0x80 || byte <= 0x20 { appendEscape(byte, to: &out) } else { out.append(byte) }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let h = hexDigit(high), let l = hexDigit(low) else { return nil }
        return h << 4 | l
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || [0x2D, 0x2E, 0x5F, 0x7E].contains(byte)
    }

    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
