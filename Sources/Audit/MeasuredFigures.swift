import Measure
import Scoring

extension Scoring.Measurements {
    /// Tonight's measurements as scoring reads them, handed over in memory: the same
    /// fields `score --measurements` reads from measurements.json.
    init(_ file: MeasurementsFile) {
        self.init(year: file.year, targets: file.targets.map { target in
            let findings = target.findings
            return Target(id: target.id, name: target.name, tier: target.tier, status: target.status, reason: target.reason,
                          pagesFetched: target.pagesFetched,
                          sections: findings.sections.map { Section(item: $0.item, state: $0.state, url: $0.url, evidence: $0.evidence) },
                          news: Count(count: findings.news.count, partial: findings.news.partial),
                          documents: Count(count: findings.documents.count, partial: findings.documents.partial,
                                           own: findings.documents.own, ownReason: findings.documents.ownReason),
                          services: Services(level3: findings.services.level3, level4: findings.services.level4,
                                             total: findings.services.total))
        })
    }
}
