import DataFile
import Foundation
import Vocabulary
import WebAddress

/// One audited agency, as written in targets.yaml.
public struct CrawlTarget: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    /// A tier id: one of the bundled tiers, or one the criteria set in use declares.
    public var tier: Tier
    public var portal: String
    public var services: [String]
    /// False when the address is a best guess that nobody confirmed.
    public var verified: Bool
    /// Per-target politeness overrides.
    public var perHostConnections: Int?
    public var delayMilliseconds: Int?
    /// The abbreviation in the agency's document numbers ("SYT" in 108/TB-SYT).
    public var code: String?

    public init(id: String, name: String, tier: Tier, portal: String, services: [String] = [], verified: Bool = true,
                perHostConnections: Int? = nil, delayMilliseconds: Int? = nil, code: String? = nil) {
        self.id = id
        self.name = name
        self.tier = tier
        self.portal = portal
        self.services = services
        self.verified = verified
        self.perHostConnections = perHostConnections
        self.delayMilliseconds = delayMilliseconds
        self.code = code
    }

    /// The hosts the crawl may visit: the portal's and the service listings'.
    public var scopeHosts: Set<String> {
        Set(([portal] + services).compactMap { HTTPAddress($0)?.hostKey })
    }

    /// Host names (no port) of the portal and its service hosts.
    public var hostNames: Set<String> {
        Set(([portal] + services).compactMap { HTTPAddress($0)?.host })
    }

    /// Path prefixes the crawl keeps to, per host: a portal that is one sub-site of a
    /// shared platform (`https://host/xa-a/`, one path per commune) is a target of its
    /// own, and its siblings under the same host are out of scope. An address at the
    /// root, or naming a page rather than a folder, leaves its host unrestricted.
    public var scopePaths: [String: [String]] {
        var prefixes: [String: [String]] = [:]
        var unrestricted = Set<String>()
        for url in [portal] + services {
            guard let parsed = HTTPAddress(url) else { continue }
            let path = parsed.path.lowercased()
            if path.isEmpty || path == "/" || !path.hasSuffix("/") {
                unrestricted.insert(parsed.hostKey)
            } else {
                prefixes[parsed.hostKey, default: []].append(path)
            }
        }
        return prefixes.filter { !unrestricted.contains($0.key) }
    }

    /// Whether a URL on a scope host lies under its host's prefixes (if it has any).
    public static func isUnder(_ url: HTTPAddress, prefixes: [String: [String]]) -> Bool {
        guard let allowed = prefixes[url.hostKey] else { return true }
        let path = url.path.lowercased()
        return allowed.contains { path.hasPrefix($0) || path + "/" == $0 }
    }
}

/// Reads and checks targets.yaml; every error names file, line and column.
public enum TargetList {
    static let keys: Set<String> = ["id", "name", "tier", "portal", "services", "verified", "perHost", "delayMs", "note", "code"]

    /// - Parameter tiers: the tiers a target may name (default: the bundled ones).
    public static func load(_ file: URL, tiers: TierNames? = nil) throws -> [CrawlTarget] {
        let tiers = try tiers ?? TierNames.bundled()
        let root = try YAMLFile.load(file).requireMapping()
        try root.rejectUnknownKeys(allowed: ["targets", "defaults"])
        let list = try root.require("targets").requireSequence()
        var targets = [CrawlTarget]()
        var lines = [String: Int]()
        for entry in list {
            let map = try entry.requireMapping()
            try map.rejectUnknownKeys(allowed: keys)
            let idNode = try map.require("id")
            let id = try idNode.requireString()
            guard id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil else {
                throw idNode.error("id `\(id)` must be an ascii slug such as `so-noi-vu`")
            }
            if let first = lines[id] {
                throw idNode.error("duplicate id `\(id)` (first at line \(first))")
            }
            lines[id] = idNode.line ?? 0
            let tierNode = try map.require("tier")
            let tierID = try tierNode.requireString()
            guard let tier = tiers.ids.first(where: { $0.rawValue == tierID }) else {
                throw tierNode.error("unknown tier `\(tierID)` (expected \(tiers.listed): \(tiers.source))")
            }
            let portalNode = try map.require("portal")
            let portal = try checkedURL(portalNode)
            let services = try map["services"].map { node in
                try (try? node.requireSequence())?.map(checkedURL) ?? [checkedURL(node)]
            } ?? []
            targets.append(CrawlTarget(
                id: id,
                name: try map.require("name").requireString(),
                tier: tier,
                portal: portal,
                services: services,
                verified: try map["verified"]?.requireBool() ?? true,
                perHostConnections: try map["perHost"]?.requireInt(),
                delayMilliseconds: try map["delayMs"]?.requireInt(),
                code: try map["code"].map(checkedCode)))
        }
        guard !targets.isEmpty else { throw DataFileError(file: file.path, line: root.line, message: "no targets listed") }
        return targets
    }

    /// The code alone, as numbers carry it: letters and digits ("SYT", "SKHĐT", "TTr").
    private static func checkedCode(_ node: YAMLNode) throws -> String {
        let text = try node.requireString().trimmingCharacters(in: .whitespaces)
        guard (2...12).contains(text.count), text.first?.isLetter == true,
              text.allSatisfy({ $0.isLetter || ($0.isASCII && $0.isNumber) }) else {
            throw node.error("code `\(text)` must be the abbreviation in the agency's document numbers alone, e.g. `SYT` for 108/TB-SYT")
        }
        return text
    }

    private static func checkedURL(_ node: YAMLNode) throws -> String {
        let text = try node.requireString().trimmingCharacters(in: .whitespaces)
        guard let parsed = HTTPAddress(text), !parsed.host.isEmpty, !parsed.host.contains(" ") else {
            throw node.error("`\(text)` is not an http(s) address")
        }
        return text
    }
}
