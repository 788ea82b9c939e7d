import Foundation
import Vocabulary

/// Everything a report shows, already decided: the renderers only lay it out.
/// The audit command fills it from scoring results and the stored history.
public struct ReportModel: Codable, Equatable, Sendable {
    public var title: String
    public var run: RunSummary
    public var rankings: [RankingTable]
    public var levelShares: [LevelShareTable]
    public var averages: [AverageRow]
    public var agencies: [AgencyReport]
    /// Footnotes of the ranking's marks ("(*) Cổng không kiểm tra được …"), worded by the scoring rules.
    public var rankingNotes: [String]?

    public init(title: String, run: RunSummary, rankings: [RankingTable], levelShares: [LevelShareTable],
                averages: [AverageRow], agencies: [AgencyReport], rankingNotes: [String]? = nil) {
        self.rankingNotes = rankingNotes
        self.title = title
        self.run = run
        self.rankings = rankings
        self.levelShares = levelShares
        self.averages = averages
        self.agencies = agencies
    }
}

public struct RunSummary: Codable, Equatable, Sendable {
    public var id: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var year: Int
    public var previousYear: Int?
    /// The rule set the checklist followed, e.g. "Nghị định 43/2011/NĐ-CP".
    public var rules: String

    public init(id: String, startedAt: Date, finishedAt: Date? = nil, year: Int, previousYear: Int? = nil, rules: String) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.year = year
        self.previousYear = previousYear
        self.rules = rules
    }
}

/// One table of the decision (Bảng 1, 2, …): one tier's ranking.
public struct RankingTable: Codable, Equatable, Sendable {
    public var tier: Tier
    /// e.g. "CQNN cấp tỉnh": what the spreadsheet's "Khối" column shows.
    public var tierLabel: String?
    /// e.g. "Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp tỉnh"
    public var caption: String
    public var rows: [RankingRow]

    public init(tier: Tier, tierLabel: String? = nil, caption: String, rows: [RankingRow]) {
        self.tierLabel = tierLabel
        self.tier = tier
        self.caption = caption
        self.rows = rows
    }
}

public struct RankingRow: Codable, Equatable, Sendable {
    public var stt: Int
    public var id: String
    public var name: String
    /// "01 (95,3)"
    public var rankText: String
    /// Last year's "02 (93,3)", or "" when unranked.
    public var previousText: String
    /// "+5", "-2", "=" or "".
    public var changeText: String
    public var score: Double?
    /// Tốt | Khá | Trung bình | Yếu
    public var level: String
    /// Why the portal could not be audited (its web criteria are unconfirmed); nil when it was.
    public var unaudited: String?
    /// True when the agency sent no self-report.
    public var notReported: Bool?

    public init(stt: Int, id: String, name: String, rankText: String, previousText: String, changeText: String, score: Double?, level: String,
                unaudited: String? = nil, notReported: Bool? = nil) {
        self.unaudited = unaudited
        self.notReported = notReported
        self.stt = stt
        self.id = id
        self.name = name
        self.rankText = rankText
        self.previousText = previousText
        self.changeText = changeText
        self.score = score
        self.level = level
    }
}

/// "Tỷ lệ mức độ" for one tier: the share of agencies at each level, per year.
public struct LevelShareTable: Codable, Equatable, Sendable {
    /// e.g. "CQNN cấp tỉnh"
    public var tierLabel: String
    /// The years of the columns, newest first.
    public var years: [Int]
    public var rows: [LevelShareRow]

    public init(tierLabel: String, years: [Int], rows: [LevelShareRow]) {
        self.tierLabel = tierLabel
        self.years = years
        self.rows = rows
    }
}

public struct LevelShareRow: Codable, Equatable, Sendable {
    public var level: String
    /// Percent per year, in the order of `years`; nil when that year has no data.
    public var percents: [Double?]

    public init(level: String, percents: [Double?]) {
        self.level = level
        self.percents = percents
    }
}

/// "Điểm trung bình" of a tier or of all agencies, with the change from last year.
public struct AverageRow: Codable, Equatable, Sendable {
    public var label: String
    public var average: Double
    public var change: Double?

    public init(label: String, average: Double, change: Double?) {
        self.label = label
        self.average = average
        self.change = change
    }
}

public struct AgencyReport: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var tierLabel: String
    public var portal: String?
    /// ok | partial | unreachable | blocked
    public var status: CrawlStatus
    public var statusReason: String?
    public var checklist: [ChecklistRow]
    public var figures: [FigureRow]
    public var trend: [TrendPoint]
    public var openFlags: [FlagRow]
    /// The portal's address was never confirmed (`verified: false` in targets.yaml).
    public var unconfirmedAddress: Bool?
    /// The agency sent no self-report tonight's ranking could use.
    public var notReported: Bool?
    /// The agency was ranked although its portal could not be audited.
    public var rankedUnaudited: Bool?
    /// Portal health; nil in reports made before it was measured.
    public var health: [HealthRow]?

    public init(id: String, name: String, tierLabel: String, portal: String? = nil, status: CrawlStatus, statusReason: String? = nil,
                checklist: [ChecklistRow], figures: [FigureRow], trend: [TrendPoint], openFlags: [FlagRow],
                unconfirmedAddress: Bool? = nil, notReported: Bool? = nil, rankedUnaudited: Bool? = nil, health: [HealthRow]? = nil) {
        self.unconfirmedAddress = unconfirmedAddress
        self.notReported = notReported
        self.rankedUnaudited = rankedUnaudited
        self.health = health
        self.id = id
        self.name = name
        self.tierLabel = tierLabel
        self.portal = portal
        self.status = status
        self.statusReason = statusReason
        self.checklist = checklist
        self.figures = figures
        self.trend = trend
        self.openFlags = openFlags
        self.health = health
    }
}

/// One line of "Danh mục thông tin bắt buộc".
public struct ChecklistRow: Codable, Equatable, Sendable {
    public var item: String
    public var label: String
    public var state: ItemState
    public var evidenceURL: String?
    public var capturedAt: Date?
    public var warcRecord: String?

    public init(item: String, label: String, state: ItemState, evidenceURL: String? = nil, capturedAt: Date? = nil, warcRecord: String? = nil) {
        self.item = item
        self.label = label
        self.state = state
        self.evidenceURL = evidenceURL
        self.capturedAt = capturedAt
        self.warcRecord = warcRecord
    }
}

/// A count as measured and as the agency reported it.
public struct FigureRow: Codable, Equatable, Sendable {
    public var key: String
    public var label: String
    public var measured: Double?
    public var reported: Double?
    public var discrepancy: Bool
    public var evidenceURLs: [String]
    /// The measured figure is a lower bound: printed "ít nhất 11".
    public var atLeast: Bool?

    public init(key: String, label: String, measured: Double?, reported: Double?, discrepancy: Bool, evidenceURLs: [String] = [],
                atLeast: Bool? = nil) {
        self.atLeast = atLeast
        self.key = key
        self.label = label
        self.measured = measured
        self.reported = reported
        self.discrepancy = discrepancy
        self.evidenceURLs = evidenceURLs
    }
}

/// One night of an agency's trend.
public struct TrendPoint: Codable, Equatable, Sendable {
    public var night: Date
    public var score: Double?
    public var news: Int?
    public var documents: Int?
    public var itemsPresent: Int?

    public init(night: Date, score: Double? = nil, news: Int? = nil, documents: Int? = nil, itemsPresent: Int? = nil) {
        self.night = night
        self.score = score
        self.news = news
        self.documents = documents
        self.itemsPresent = itemsPresent
    }
}

public struct FlagRow: Codable, Equatable, Sendable {
    public var message: String
    public var since: Date

    public init(message: String, since: Date) {
        self.message = message
        self.since = since
    }
}
