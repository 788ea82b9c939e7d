import Detect
import Foundation
import Health

/// What reads a target's pages on its lane: the portal analyzer (items,
/// counts) and the portal-health page checks, each page read once by both.
struct PortalReader: PageReader {
    let analyzer: PortalAnalyzer
    let health: PortalHealthBuilder

    func consume(_ page: PageInput) {
        analyzer.consume(page)
        // Sitemaps and other non-HTML answers count for the link check only.
        if let document = page.document { health.consume(document, at: page.fetchedAt) } else { health.consumeOther() }
    }

    func record(_ outcome: LinkOutcome) {
        analyzer.record(outcome)
        // A failure reads "kind" or "kind status" (AnalyzerBridge writes it so).
        if case .failed(let reason) = outcome.outcome {
            let parts = reason.split(separator: " ")
            health.linkFailed(url: outcome.url, anchor: outcome.anchor, kind: parts.first.map(String.init) ?? reason,
                              status: parts.count > 1 ? Int(parts[1]) : nil)
        }
    }

    func finish(_ coverage: CrawlCoverage) -> (PortalFindings, PageHealthChecks) {
        (analyzer.finish(coverage), health.finish(portalReachable: coverage.portalReachable))
    }
}
