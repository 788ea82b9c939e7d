import DataFile
import Foundation

/// The rules and thresholds of every health check (Resources/health.yaml).
public struct HealthRules: Sendable {
    public struct HTTPS: Sendable {
        public var expiryWarningDays: Int
        public var acceptedTLSVersions: [String]
    }

    public struct HeaderRule: Sendable {
        public var id: String
        public var anyOf: [String]
        public var cspDirective: String?
        public var httpsOnly: Bool
        public var label: String
    }

    public struct Headers: Sendable {
        public var required: [HeaderRule]
        public var bannerHeaders: [String]
        public var bannerVersionPattern: String
    }

    public struct InjectedContent: Sendable {
        public var strong: [String]
        public var weak: [String]
        public var hostPatterns: [String]
        public var hiddenLinkFarmMinimum: Int
        public var trustedHostSuffixes: [String]
        public var offscreenPixels: Double
        public var maxAnchorsPerPage: Int
        public var maxHitsPerPage: Int
        public var maxHitsPerPortal: Int
        public var maxTextPerPage: Int
        public var maxStyleTextPerPage: Int
        public var searchEngineUserAgent: String
        public var hidingLabels: [String: String]
    }

    public struct FreshnessSection: Sendable {
        public var id: String
        public var label: String
        public var paths: [String]
        public var maxDays: Int
    }

    public struct Freshness: Sendable {
        public var sections: [FreshnessSection]
        public var earliestYear: Int
    }

    public struct Links: Sendable {
        public var failingKinds: Set<String>
        public var failingStatuses: Set<Int>
        public var warningShare: Double
        public var sampleSize: Int
    }

    public struct Accessibility: Sendable {
        public var worstPages: Int
        public var unlabelledInputTypes: Set<String>
        public var notChecked: String
    }

    public var https: HTTPS
    public var headers: Headers
    /// Seconds each request of the transport probe may take.
    public var probeTimeoutSeconds: Double
    public var injectedContent: InjectedContent
    public var freshness: Freshness
    public var links: Links
    public var accessibility: Accessibility

    /// The rules shipped with the tool.
    public static func standard() throws -> HealthRules {
        guard let url = Bundle.module.url(forResource: "health", withExtension: "yaml") else {
            throw DataFileError(file: "health.yaml", message: "missing from the Health resources")
        }
        return try load(url)
    }

    public static func load(_ url: URL) throws -> HealthRules {
        try parse(YAMLFile.load(url))
    }

    public static func parse(_ text: String, file: String) throws -> HealthRules {
        try parse(YAMLFile.parse(text, file: file))
    }

    static func parse(_ root: YAMLNode) throws -> HealthRules {
        let map = try root.requireMapping()
        try map.rejectUnknownKeys(allowed: ["https", "headers", "probe", "injectedContent", "freshness", "links", "accessibility"])

        let https = try map.require("https").requireMapping()
        try https.rejectUnknownKeys(allowed: ["expiryWarningDays", "acceptedTLSVersions"])

        let headers = try map.require("headers").requireMapping()
        try headers.rejectUnknownKeys(allowed: ["required", "bannerHeaders", "bannerVersionPattern"])
        let headerRules = try headers.require("required").requireSequence().map { node -> HeaderRule in
            let rule = try node.requireMapping()
            try rule.rejectUnknownKeys(allowed: ["id", "anyOf", "cspDirective", "httpsOnly", "label"])
            return HeaderRule(id: try rule.require("id").requireString(), anyOf: try rule.require("anyOf").stringList(),
                              cspDirective: try rule["cspDirective"]?.requireString(),
                              httpsOnly: try rule["httpsOnly"]?.requireBool() ?? false, label: try rule.require("label").requireString())
        }
        let bannerPattern = try headers.require("bannerVersionPattern")
        try checkPattern(bannerPattern)

        let probe = try map.require("probe").requireMapping()
        try probe.rejectUnknownKeys(allowed: ["timeoutSeconds"])

        let injected = try map.require("injectedContent").requireMapping()
        try injected.rejectUnknownKeys(allowed: ["strong", "weak", "hostPatterns", "hiddenLinkFarmMinimum", "trustedHostSuffixes",
                                                 "offscreenPixels", "maxAnchorsPerPage", "maxHitsPerPage", "maxHitsPerPortal",
                                                 "maxTextPerPage", "maxStyleTextPerPage", "searchEngineUserAgent", "hidingLabels"])
        let hostPatterns = try injected.require("hostPatterns").requireSequence()
        try hostPatterns.forEach(checkPattern)
        var hidingLabels: [String: String] = [:]
        for (key, value) in try injected.require("hidingLabels").requireMapping().entries() { hidingLabels[key] = try value.requireString() }
        for way in HidingWay.allCases where hidingLabels[way.rawValue] == nil {
            throw injected.error(atKey: "hidingLabels", "missing the label of `\(way.rawValue)`")
        }

        let freshness = try map.require("freshness").requireMapping()
        try freshness.rejectUnknownKeys(allowed: ["sections", "earliestYear"])
        let sections = try freshness.require("sections").requireSequence().map { node -> FreshnessSection in
            let section = try node.requireMapping()
            try section.rejectUnknownKeys(allowed: ["id", "label", "paths", "maxDays"])
            return FreshnessSection(id: try section.require("id").requireString(), label: try section.require("label").requireString(),
                                    paths: try section.require("paths").stringList(), maxDays: try positive(section.require("maxDays")))
        }

        let links = try map.require("links").requireMapping()
        try links.rejectUnknownKeys(allowed: ["failingKinds", "failingStatuses", "warningShare", "sampleSize"])
        let accessibility = try map.require("accessibility").requireMapping()
        try accessibility.rejectUnknownKeys(allowed: ["worstPages", "unlabelledInputTypes", "notChecked"])

        return HealthRules(
            https: HTTPS(expiryWarningDays: try positive(https.require("expiryWarningDays")),
                         acceptedTLSVersions: try https.require("acceptedTLSVersions").stringList()),
            headers: Headers(required: headerRules, bannerHeaders: try headers.require("bannerHeaders").stringList(),
                             bannerVersionPattern: try bannerPattern.requireString()),
            probeTimeoutSeconds: try probe.require("timeoutSeconds").requireDouble(),
            injectedContent: InjectedContent(
                strong: try injected.require("strong").stringList().map(Self.lowered),
                weak: try injected.require("weak").stringList().map(Self.lowered),
                hostPatterns: try hostPatterns.map { try $0.requireString() },
                hiddenLinkFarmMinimum: try positive(injected.require("hiddenLinkFarmMinimum")),
                trustedHostSuffixes: try injected.require("trustedHostSuffixes").stringList(),
                offscreenPixels: try injected.require("offscreenPixels").requireDouble(),
                maxAnchorsPerPage: try positive(injected.require("maxAnchorsPerPage")),
                maxHitsPerPage: try positive(injected.require("maxHitsPerPage")),
                maxHitsPerPortal: try positive(injected.require("maxHitsPerPortal")),
                maxTextPerPage: try positive(injected.require("maxTextPerPage")),
                maxStyleTextPerPage: try positive(injected.require("maxStyleTextPerPage")),
                searchEngineUserAgent: try injected.require("searchEngineUserAgent").requireString(),
                hidingLabels: hidingLabels),
            freshness: Freshness(sections: sections, earliestYear: try freshness.require("earliestYear").requireInt()),
            links: Links(failingKinds: Set(try links.require("failingKinds").stringList()),
                         failingStatuses: Set(try links.require("failingStatuses").requireSequence().map { try $0.requireInt() }),
                         warningShare: try links.require("warningShare").requireDouble(),
                         sampleSize: try positive(links.require("sampleSize"))),
            accessibility: Accessibility(worstPages: try positive(accessibility.require("worstPages")),
                                         unlabelledInputTypes: Set(try accessibility.require("unlabelledInputTypes").stringList()),
                                         notChecked: try accessibility.require("notChecked").requireString()))
    }

    static func lowered(_ term: String) -> String {
        term.precomposedStringWithCanonicalMapping.lowercased()
    }

    private static func positive(_ node: YAMLNode) throws -> Int {
        let value = try node.requireInt()
        guard value >= 1 else { throw node.error("expected a whole number of at least 1") }
        return value
    }

    private static func checkPattern(_ node: YAMLNode) throws {
        let pattern = try node.requireString()
        guard (try? NSRegularExpression(pattern: pattern)) != nil else { throw node.error("`\(pattern)` is not a valid regular expression") }
    }
}
