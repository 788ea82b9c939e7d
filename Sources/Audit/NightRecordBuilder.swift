import Crawl
import Detect
import Foundation
import Measure
import Store
import Vocabulary

/// Turns tonight's measurements, pages, scores and reported figures into the
/// `NightRecord` the Store keeps.
public struct NightRecordBuilder {
    /// The folder holding every run's folder; WARC paths are stored relative to it.
    public var runsFolder: URL
    public var policy: FlagPolicy

    public init(runsFolder: URL, policy: FlagPolicy) {
        self.runsFolder = runsFolder.standardizedFileURL
        self.policy = policy
    }

    /// - Parameters:
    ///   - scores: total points per agency id, for a scored night.
    ///   - reported: self-reported figures per agency id, by the Store's count keys.
    public func night(runID: String, startedAt: Date, finishedAt: Date, measurements: MeasurementsFile,
                      pages: [String: [CapturedPage]], scores: [String: Double] = [:],
                      reported: [String: [String: Double]] = [:], discrepancies: [String: [DiscrepancyFinding]] = [:]) -> NightRecord {
        NightRecord(runID: runID, startedAt: startedAt, finishedAt: finishedAt, year: measurements.year, rules: measurements.rules,
                    agencies: measurements.targets.map { target in
            agency(target, runID: runID, pages: pages[target.id] ?? [], score: scores[target.id], reported: reported[target.id] ?? [:],
                   discrepancies: discrepancies[target.id] ?? [])
        })
    }

    func agency(_ target: TargetMeasurement, runID: String, pages: [CapturedPage], score: Double?, reported: [String: Double],
                discrepancies: [DiscrepancyFinding] = []) -> AgencyNight {
        let findings = target.findings
        // Counts of a portal that could not be audited say nothing: they are left out, not zero.
        let audited = !policy.unauditableStatuses.contains(target.status)
        return AgencyNight(
            id: target.id, name: target.name, tier: target.tier, status: target.status, reason: target.reason,
            pagesFetched: target.pagesFetched,
            items: findings.sections.map { section in
                ItemFinding(item: section.item, state: section.state, url: section.url,
                            evidence: section.evidence ?? section.reason, capturedAt: section.capturedAt, warcRecord: section.warcRecord)
            },
            counts: audited ? MeasuredCount.values(findings) : [:],
            score: score, reported: reported,
            pages: pages.map { page(runID: runID, $0) }, discrepancies: discrepancies,
            health: target.health.map(HealthRecord.night))
    }

    /// A 304 page keeps pointing at the response that holds its body, so any later
    /// night can read it back, however many nights it stays unchanged.
    func page(runID: String, _ page: CapturedPage) -> PageRecord {
        if let original = page.revisited {
            return PageRecord(url: page.url, status: 304, capturedAt: original.date, warcFile: relativePath(original.file),
                              warcOffset: original.offset, etag: page.etag, lastModified: page.lastModified)
        }
        return PageRecord(url: page.url, status: page.status, capturedAt: page.fetchedAt,
                          warcFile: page.warc.map { "\(runID)/evidence/\($0.file)" }, warcOffset: page.warc?.offset,
                          etag: page.etag, lastModified: page.lastModified)
    }

    func relativePath(_ file: URL) -> String {
        let base = runsFolder.path.hasSuffix("/") ? runsFolder.path : runsFolder.path + "/"
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The stored night's pages as captures to ask again: only pages with validators
    /// whose body is still on disk (a pruned run folder means a full fetch).
    public func captures(of night: NightRecord, validators: (String) throws -> [String: HTTPValidators]) rethrows -> [String: [String: StoredCapture]] {
        var result: [String: [String: StoredCapture]] = [:]
        for agency in night.agencies {
            let known = try validators(agency.id)
            var captures: [String: StoredCapture] = [:]
            for page in agency.pages {
                guard let file = page.warcFile, let offset = page.warcOffset, let capturedAt = page.capturedAt,
                      let validator = known[page.url], validator.etag != nil || validator.lastModified != nil else { continue }
                let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : runsFolder.appendingPathComponent(file)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                captures[page.url] = StoredCapture(file: url, offset: offset, url: page.url, date: capturedAt,
                                                   etag: validator.etag, lastModified: validator.lastModified)
            }
            result[agency.id] = captures
        }
        return result
    }
}
