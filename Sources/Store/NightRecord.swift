import Foundation
import Vocabulary

/// What one nightly run measured: the input of `Store.record(_:)`.
/// The audit command converts its crawl, detection and scoring results into these.
public struct NightRecord: Codable, Equatable, Sendable {
    public var runID: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var year: Int
    public var rules: String
    public var agencies: [AgencyNight]

    public init(runID: String, startedAt: Date, finishedAt: Date? = nil, year: Int, rules: String, agencies: [AgencyNight]) {
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.year = year
        self.rules = rules
        self.agencies = agencies
    }
}

/// One agency on one night.
public struct AgencyNight: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var tier: Tier
    public var status: CrawlStatus
    public var reason: String?
    public var pagesFetched: Int
    public var items: [ItemFinding]
    /// Measured counts by the history's keys (`MeasuredField.historyKey`: "news",
    /// "documents" …); none for a portal that could not be audited.
    public var counts: [String: Int]
    /// Total points, when the night was scored.
    public var score: Double?
    /// Self-reported figures by the same keys; may be empty.
    public var reported: [String: Double]
    public var pages: [PageRecord]
    /// Tonight's discrepancies as Scoring found them (one criterion, its tolerance): the flags follow them.
    public var discrepancies: [DiscrepancyFinding]
    /// Portal health; nil for nights recorded before it was measured.
    public var health: HealthNight?

    public init(id: String, name: String, tier: Tier, status: CrawlStatus, reason: String? = nil, pagesFetched: Int = 0,
                items: [ItemFinding] = [], counts: [String: Int] = [:], score: Double? = nil, reported: [String: Double] = [:], pages: [PageRecord] = [],
                discrepancies: [DiscrepancyFinding] = [], health: HealthNight? = nil) {
        self.discrepancies = discrepancies
        self.id = id
        self.name = name
        self.tier = tier
        self.status = status
        self.reason = reason
        self.pagesFetched = pagesFetched
        self.items = items
        self.counts = counts
        self.score = score
        self.reported = reported
        self.pages = pages
        self.health = health
    }

    /// The measured counts by key, for comparing with the reported figures.
    public var measured: [String: Double] { counts.mapValues(Double.init) }
}

/// The three-state result for one checklist item, with its evidence.
/// A reported figure the measurement contradicts beyond the criterion's tolerance.
public struct DiscrepancyFinding: Codable, Equatable, Sendable {
    /// The criterion id: the flag's subject.
    public var criterion: String
    public var label: String
    public var reported: Double
    public var measured: Double
    /// The measured figure is a lower bound.
    public var atLeast: Bool

    public init(criterion: String, label: String, reported: Double, measured: Double, atLeast: Bool) {
        self.criterion = criterion
        self.label = label
        self.reported = reported
        self.measured = measured
        self.atLeast = atLeast
    }
}

public struct ItemFinding: Codable, Equatable, Sendable {
    public var item: String
    public var state: ItemState
    public var url: String?
    public var evidence: String?
    public var capturedAt: Date?
    public var warcRecord: String?

    public init(item: String, state: ItemState, url: String? = nil, evidence: String? = nil, capturedAt: Date? = nil, warcRecord: String? = nil) {
        self.item = item
        self.state = state
        self.url = url
        self.evidence = evidence
        self.capturedAt = capturedAt
        self.warcRecord = warcRecord
    }
}

/// A fetched page: where its evidence lies and the validators for the next night's conditional request.
public struct PageRecord: Codable, Equatable, Sendable {
    public var url: String
    public var status: Int
    public var contentHash: String?
    public var capturedAt: Date?
    public var warcFile: String?
    public var warcOffset: Int?
    public var etag: String?
    public var lastModified: String?

    public init(url: String, status: Int, contentHash: String? = nil, capturedAt: Date? = nil, warcFile: String? = nil,
                warcOffset: Int? = nil, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.status = status
        self.contentHash = contentHash
        self.capturedAt = capturedAt
        self.warcFile = warcFile
        self.warcOffset = warcOffset
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// The validators a server gave for a URL, sent back as If-None-Match / If-Modified-Since.
public struct HTTPValidators: Equatable, Sendable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String?, lastModified: String?) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
