import Health
import Report
import Store
import Vocabulary

/// Portal health as the history keeps it: each check's state and its summary in
/// the report's words, the injected content and the stale sections.
enum HealthRecord {
    static func night(_ health: PortalHealth) -> HealthNight {
        let summaries = HealthWording.summaries(health)
        return HealthNight(
            checks: HealthCheck.allCases.map { HealthNight.Check(id: $0, state: health.state(of: $0), summary: summaries[$0] ?? "") },
            injectedHitCount: health.injectedContent.hitCount,
            injectedEvidence: health.injectedContent.hits.prefix(5).map(HealthWording.hitLine),
            staleSections: health.freshness.sections.compactMap { section in
                guard section.stale, let days = section.daysSince, let date = section.newestDate else { return nil }
                return HealthNight.StaleSection(id: section.section, label: section.label, daysSince: days, newestDate: HealthWording.day(date), url: section.url)
            })
    }
}
