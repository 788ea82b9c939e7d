import Health
import Report
import Vocabulary
import Store

/// Portal health as the history keeps it: each check's state and its summary in
/// the report's words, the injected content and the stale sections.
enum HealthRecord {
    static func night(_ health: PortalHealth) -> HealthNight {
        let states = health.states
        let summaries = HealthWording.summaries(health)
        return HealthNight(
            checks: HealthWording.labels.map { HealthNight.Check(id: $0.check, state: states[$0.check], summary: summaries[$0.check] ?? "") },
            injectedHitCount: health.injectedContent.hitCount,
            injectedEvidence: health.injectedContent.hits.prefix(5).map(HealthWording.hitLine),
            staleSections: health.freshness.sections.compactMap { section in
                guard section.stale, let days = section.daysSince, let date = section.newestDate else { return nil }
                return HealthNight.StaleSection(id: section.section, label: section.label, daysSince: days, newestDate: HealthWording.day(date), url: section.url)
            })
    }
}
