import Foundation
import Measure
import Scoring

extension Scoring.Measurements {
    /// Tonight's measurements as scoring reads them, handed over in memory: the same
    /// fields `score --measurements` reads from measurements.json.
    init(_ file: MeasurementsFile) {
        self.init(year: file.year, targets: file.targets.map(Target.init))
    }

    /// An earlier night's measurements.json as `load` reads it, one target at a time:
    /// only the fields scoring reads are kept. A file `load` would refuse is read by
    /// `load`, for its message naming file and line.
    static func streamed(_ url: URL) throws -> Scoring.Measurements {
        do {
            var targets: [Target] = []
            let rest = try MeasurementsReader(url: url).forEach(Target.self, decoder: JSONDecoder()) { targets.append($0) }
            // The rest is decoded as `load` decodes the whole file, its targets read above.
            let year = try JSONDecoder().decode(Scoring.Measurements.self, from: rest).year
            return Scoring.Measurements(year: year, targets: targets)
        } catch {
            return try load(url)
        }
    }
}

extension Scoring.Measurements.Target {
    /// One target's measurement as scoring reads it.
    init(_ target: TargetMeasurement) {
        let findings = target.findings
        self.init(id: target.id, name: target.name, tier: target.tier, status: target.status, reason: target.reason,
                  pagesFetched: target.pagesFetched,
                  sections: findings.sections.map { .init(item: $0.item, state: $0.state, url: $0.url, evidence: $0.evidence) },
                  news: .init(count: findings.news.count, partial: findings.news.partial),
                  documents: .init(count: findings.documents.count, partial: findings.documents.partial,
                                   own: findings.documents.own, ownReason: findings.documents.ownReason),
                  services: .init(level3: findings.services.level3, level4: findings.services.level4, total: findings.services.total))
    }
}
