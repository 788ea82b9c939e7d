import Detect
import Foundation
import Measure
import Report
import Scoring
import Store
import Vocabulary

/// Builds a night's `ReportModel`: the ranking as `rank` words it, each agency's
/// checklist and figures from the measurements, its trend and open flags from the Store.
public struct ReportBuilder {
    public var title: String
    /// Item id → name, from the rule set the night was measured with.
    public var itemNames: [String: String]
    /// Which statuses leave a portal unaudited (flag-policy.yaml); labels are Report's Wording.
    public var policy: FlagPolicy
    /// Tier → label ("CQNN cấp tỉnh"), from the criteria set.
    public var tierLabels: [Tier: String]
    /// Targets whose address was never confirmed (`verified: false`).
    public var unconfirmedAddresses: Set<String> = []

    public init(title: String, itemNames: [String: String], policy: FlagPolicy, tierLabels: [Tier: String]) {
        self.title = title
        self.itemNames = itemNames
        self.policy = policy
        self.tierLabels = tierLabels
    }

    public init(rules: RuleSet, criteria: RankingRules, policy: FlagPolicy) {
        self.init(title: "Kết quả kiểm tra cổng/trang thông tin điện tử các cơ quan nhà nước tỉnh \(criteria.province)",
                  itemNames: Dictionary(rules.items.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
                  policy: policy,
                  tierLabels: Dictionary(criteria.tiers.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first }))
    }

    /// - Parameters:
    ///   - history: each agency's recent nights, oldest first, tonight included.
    ///   - flags: each agency's open flags.
    public func model(run: RunSummary, measurements: MeasurementsFile, scoring: NightScoring?,
                      history: [String: [AgencyHistoryRow]], flags: [String: [Flag]]) -> ReportModel {
        model(run: run, scoring: scoring, agencies: measurements.targets.map { target in
            agency(target, scoring: scoring, history: history[target.id] ?? [], flags: flags[target.id] ?? [])
        })
    }

    /// The model around agencies' reports already made (`agency`, `completed`).
    func model(run: RunSummary, scoring: NightScoring?, agencies: [AgencyReport]) -> ReportModel {
        let ranked = scoring.map(rankingTables) ?? []
        let notes = scoring.map { $0.text.footnotes($0.ranking) }
        return ReportModel(title: title, run: run, rankings: ranked, levelShares: scoring.map(levelShares) ?? [],
                           averages: scoring.map(averages) ?? [], agencies: agencies,
                           rankingNotes: notes?.isEmpty == false ? notes : nil)
    }

    // MARK: Ranking (Bảng 1, 2, … one per tier)

    func rankingTables(_ scoring: NightScoring) -> [RankingTable] {
        let text = scoring.text
        return scoring.ranking.tiers.enumerated().map { index, tier in
            RankingTable(tier: tier.tier.id, tierLabel: tier.tier.label, caption: "Bảng \(index + 1). \(tier.tier.caption)", rows: tier.rows.map { row in
                RankingRow(stt: row.number, id: row.current.agency.id, name: row.current.agency.name, rankText: text.cell(row.current),
                           previousText: row.previous.map(text.cell) ?? "", changeText: scoring.hasPrevious ? text.change(row.change) : "",
                           score: text.scoreValue(row.current.agency.units), level: row.current.level,
                           unaudited: row.current.agency.unaudited, notReported: row.current.agency.notReported ? true : nil)
            })
        }
    }

    func levelShares(_ scoring: NightScoring) -> [LevelShareTable] {
        let years = [scoring.year] + (scoring.hasPrevious ? scoring.previousYear.map { [$0] } ?? [] : [])
        return scoring.ranking.tiers.map { tier in
            LevelShareTable(tierLabel: tier.tier.label, years: years, rows: tier.shares.map { share in
                LevelShareRow(level: share.level, percents: [Double(share.current)] + (scoring.hasPrevious ? [share.previous.map(Double.init)] : []))
            })
        }
    }

    func averages(_ scoring: NightScoring) -> [AverageRow] {
        let ranking = scoring.ranking
        let tiers = ranking.tiers.map { tier in
            AverageRow(label: tier.tier.label, average: Double(tier.average.printedCurrent), change: tier.average.change.map(Double.init))
        }
        return tiers + [AverageRow(label: "Toàn tỉnh \(ranking.rules.province)", average: Double(ranking.overall.printedCurrent),
                                   change: ranking.overall.change.map(Double.init))]
    }

    // MARK: Agencies

    func agency(_ target: TargetMeasurement, scoring: NightScoring?, history: [AgencyHistoryRow], flags: [Flag]) -> AgencyReport {
        completed(measured(target), counts: counts(target), scoring: scoring, history: history, flags: flags)
    }

    /// The part of an agency's report its measurement alone gives: what the night keeps
    /// of a target until scoring and the history complete it (`completed`).
    func measured(_ target: TargetMeasurement) -> AgencyReport {
        AgencyReport(id: target.id, name: target.name, tierLabel: tierLabels[target.tier] ?? target.tier.rawValue, portal: target.portal,
                     status: target.status, statusReason: target.reason,
                     checklist: target.findings.sections.map(checklistRow),
                     figures: [], trend: [], openFlags: [],
                     unconfirmedAddress: unconfirmedAddresses.contains(target.id) ? true : nil,
                     health: target.health.map(HealthWording.rows))
    }

    /// The measured counts the figures table shows, by the history's keys; none for a
    /// portal that could not be audited (its counts say nothing).
    func counts(_ target: TargetMeasurement) -> [String: Int] {
        audited(target.status) ? MeasuredCount.values(target.findings) : [:]
    }

    func audited(_ status: CrawlStatus) -> Bool { !policy.unauditableStatuses.contains(status) }

    /// `measured` with the figures, the trend and the flags, and how scoring treated the agency.
    /// - Parameter counts: the agency's measured counts (`counts`).
    func completed(_ measured: AgencyReport, counts: [String: Int], scoring: NightScoring?, history: [AgencyHistoryRow],
                   flags: [Flag]) -> AgencyReport {
        var report = measured
        let result = scoring?.result(agency: report.id)
        report.figures = figures(agency: report.id, audited: audited(report.status), counts: counts, scoring: scoring)
        report.trend = history.map { TrendPoint(night: $0.startedAt, score: $0.score, news: $0.news, documents: $0.documents,
                                                itemsPresent: $0.itemsPresent) }
        report.openFlags = flags.filter(\.isOpen).map { FlagRow(message: Wording.flag($0.reason), since: $0.firstSeenAt) }
        report.notReported = result.map { !$0.report.reported } == true ? true : nil
        report.rankedUnaudited = result?.unaudited != nil ? true : nil
        return report
    }

    func checklistRow(_ section: SectionFinding) -> ChecklistRow {
        ChecklistRow(item: section.item, label: itemNames[section.item] ?? Wording.itemLabel(section.item),
                     state: section.state, evidenceURL: section.url,
                     capturedAt: section.capturedAt, warcRecord: section.warcRecord)
    }

    /// Measured counts beside the reported ones; a discrepancy is what Scorer found, the
    /// same finding the flags come from. A discrepancy on a criterion that reads no count
    /// (items present) gets a row of its own, so no flag stands beside an empty cell.
    func figures(agency: String, audited: Bool, counts: [String: Int], scoring: NightScoring?) -> [FigureRow] {
        let reported = scoring?.reported[agency] ?? [:]
        let discrepancies = scoring?.discrepancies(agency: agency) ?? [:]
        let lowerBounds = scoring?.lowerBounds(agency: agency) ?? []
        let counts = MeasuredCount.kept.compactMap { count -> FigureRow? in
            guard let key = count.key else { return nil }
            return FigureRow(key: key, label: Wording.countLabel(key),
                             measured: counts[key].map(Double.init), reported: reported[key],
                             discrepancy: discrepancies[key] != nil, evidenceURLs: discrepancies[key] ?? [],
                             atLeast: audited && lowerBounds.contains(key) ? true : nil)
        }
        let others = (scoring?.discrepanciesWithoutCount(agency: agency) ?? []).map { discrepancy in
            FigureRow(key: discrepancy.criterion.id, label: discrepancy.criterion.name, measured: discrepancy.measured,
                      reported: discrepancy.reported, discrepancy: true, evidenceURLs: discrepancy.evidence,
                      atLeast: discrepancy.atLeast ? true : nil)
        }
        return counts + others
    }
}
