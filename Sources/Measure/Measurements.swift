import Crawl
import Detect
import Foundation
import Health
import Vocabulary

/// `measurements.json`: the contract of ARCHITECTURE.md (id, status,
/// pagesFetched, sections, news, documents, services) plus fetch figures
/// and evidence.
public struct MeasurementsFile: Codable, Sendable {
    public var generatedAt: Date
    public var year: Int
    public var rules: String
    public var targets: [TargetMeasurement]
}

public struct TargetMeasurement: Codable, Sendable {
    public var id: String
    public var name: String
    public var tier: Tier
    public var portal: String
    public var status: CrawlStatus
    public var reason: String?
    public var complete: Bool
    public var pagesFetched: Int
    /// The WARC file holding every response of this target, relative to the run folder.
    public var evidence: String?
    public var fetch: CrawlStatistics
    public var findings: PortalFindings
    /// Portal health measured from the public web; nil in files written before it existed.
    public var health: PortalHealth?

    private enum CodingKeys: String, CodingKey {
        case id, name, tier, portal, status, reason, complete, pagesFetched, evidence, fetch, health
    }

    public init(target: CrawlTarget, outcome: CrawlOutcome, evidence: String?, findings: PortalFindings, health: PortalHealth? = nil) {
        self.id = target.id
        self.name = target.name
        self.tier = target.tier
        self.portal = target.portal
        self.status = outcome.status
        self.reason = outcome.reason
        self.complete = outcome.complete
        self.pagesFetched = outcome.statistics.pages
        self.evidence = evidence
        self.fetch = outcome.statistics
        self.findings = findings
        self.health = health
    }

    // The findings' keys (sections, news, documents, services) sit beside
    // the crawl's, as the contract lays them out.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        tier = try container.decode(Tier.self, forKey: .tier)
        portal = try container.decode(String.self, forKey: .portal)
        status = try container.decode(CrawlStatus.self, forKey: .status)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        complete = try container.decode(Bool.self, forKey: .complete)
        pagesFetched = try container.decode(Int.self, forKey: .pagesFetched)
        evidence = try container.decodeIfPresent(String.self, forKey: .evidence)
        fetch = try container.decode(CrawlStatistics.self, forKey: .fetch)
        findings = try PortalFindings(from: decoder)
        health = try container.decodeIfPresent(PortalHealth.self, forKey: .health)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(tier, forKey: .tier)
        try container.encode(portal, forKey: .portal)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encode(complete, forKey: .complete)
        try container.encode(pagesFetched, forKey: .pagesFetched)
        try container.encodeIfPresent(evidence, forKey: .evidence)
        try container.encode(fetch, forKey: .fetch)
        try container.encodeIfPresent(health, forKey: .health)
        try findings.encode(to: encoder)
    }
}

extension MeasurementsFile {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func read(from url: URL) throws -> MeasurementsFile {
        try decoder().decode(MeasurementsFile.self, from: Data(contentsOf: url))
    }
}
