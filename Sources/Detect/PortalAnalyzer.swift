import Foundation
import HTML
import Vocabulary

/// One fetched page handed over by the crawl engine.
public struct PageInput: Sendable {
    public var url: String
    public var status: Int
    public var fetchedAt: Date
    /// Nil for content that is not HTML.
    public var document: HTMLDocument?
    public var contentType: String?
    /// Body text of RSS/XML content.
    public var text: String?
    /// Evidence pointer, e.g. "evidence/so-noi-vu.warc.gz#offset=1234".
    public var warcRecord: String?
    public var depth: Int
    /// Anchor texts of the links that led here.
    public var inboundAnchors: [String]

    public init(url: String, status: Int = 200, fetchedAt: Date = Date(), document: HTMLDocument? = nil,
                contentType: String? = nil, text: String? = nil, warcRecord: String? = nil, depth: Int = 0,
                inboundAnchors: [String] = []) {
        self.url = url
        self.status = status
        self.fetchedAt = fetchedAt
        self.document = document
        self.contentType = contentType
        self.text = text
        self.warcRecord = warcRecord
        self.depth = depth
        self.inboundAnchors = inboundAnchors
    }
}

/// A link the crawl found but did not fetch, or failed to fetch.
public struct LinkOutcome: Sendable {
    public var url: String
    public var anchor: String
    public var outcome: Outcome

    public enum Outcome: Sendable {
        /// A neutral failure kind ("timeout", "http-403", …).
        case failed(String)
        /// Why it was not fetched ("robots", "budget", "out-of-scope", …).
        case skipped(String)
    }

    public init(url: String, anchor: String, outcome: Outcome) {
        self.url = url
        self.anchor = anchor
        self.outcome = outcome
    }
}

/// How far the crawl got.
public struct CrawlCoverage: Sendable {
    public var complete: Bool
    public var stoppedEarlyReason: String?
    public var portalReachable: Bool

    public init(complete: Bool, stoppedEarlyReason: String? = nil, portalReachable: Bool = true) {
        self.complete = complete
        self.stoppedEarlyReason = stoppedEarlyReason
        self.portalReachable = portalReachable
    }
}

/// Turns a portal's pages, streamed one by one, into findings. Keeps only
/// small facts per page; no document outlives `consume`.
public final class PortalAnalyzer {
    private let rules: RuleSet
    private let tier: Tier
    private let year: Int
    private let keys: URLKeyMaker
    private let serviceHosts: Set<String>
    private let isServiceURL: ((String) -> Bool)?
    private let sections: SectionDetector
    private let news: NewsCounter
    private let documents: DocumentCounter
    private let services: ServiceCounter
    private let regionSelectors: PageRegions.Selectors
    private var pages = 0

    /// - Parameters:
    ///   - tier: the target's tier id ("province" for departments, "commune", …).
    ///   - portalHosts: hosts of the portal itself (links elsewhere are "other websites").
    ///   - serviceHosts: hosts of the agency's online-service listings.
    ///   - isServiceURL: optional extra test for service-listing pages.
    ///   - agency: the agency's name and document code, to tell the documents it issued.
    public init(rules: RuleSet, tier: Tier, year: Int, portalHosts: [String], serviceHosts: [String] = [],
                isServiceURL: ((String) -> Bool)? = nil, agency: AgencyIdentity? = nil) {
        self.rules = rules
        self.tier = tier
        self.year = year
        keys = URLKeyMaker(trackingParameters: rules.news.trackingParameters)
        self.serviceHosts = Set(serviceHosts.map(HostName.normalise))
        self.isServiceURL = isServiceURL
        sections = SectionDetector(rules: rules, tier: tier, portalHosts: portalHosts + serviceHosts, keys: keys)
        news = NewsCounter(rules: rules, year: year, portalHosts: portalHosts, keys: keys)
        documents = DocumentCounter(rules: rules, year: year, keys: keys, agency: agency)
        services = ServiceCounter(rules: rules, keys: keys)
        regionSelectors = PageRegions.Selectors(pages: rules.pages)
    }

    public func consume(_ page: PageInput) {
        pages += 1
        let key = keys.key(page.url)
        if page.text != nil, page.document == nil || (page.contentType ?? "").contains("xml") {
            sections.consumeText(page, key: key)
            news.consumeText(page)
        }
        guard let document = page.document else { return }
        let view = PageView(input: page, document: document, selectors: regionSelectors, key: key)
        if isService(page.url) {
            // The one-stop portal's own blocks and footer are not the agency's.
            sections.consume(view, ownSite: false)
            services.consume(view, listsToo: true)
            return
        }
        sections.consume(view, ownSite: true)
        news.consume(view)
        documents.consume(view)
        services.consume(view, listsToo: false)
    }

    public func record(_ outcome: LinkOutcome) {
        sections.record(outcome)
    }

    public func finish(_ coverage: CrawlCoverage) -> PortalFindings {
        var newsFindings = news.finish(excluding: documents.documentURLs)
        var documentFindings = documents.finish()
        var serviceFindings = services.finish()
        if !coverage.complete {
            newsFindings.partial = true
            documentFindings.partial = true
            serviceFindings.partial = true
        }
        return PortalFindings(
            rules: rules.version, tier: tier, year: year, pagesAnalysed: pages,
            sections: sections.finish(coverage), news: newsFindings, documents: documentFindings,
            services: serviceFindings)
    }

    private func isService(_ url: String) -> Bool {
        if let isServiceURL, isServiceURL(url) { return true }
        guard let host = URLParts(url)?.host else { return false }
        return serviceHosts.contains(host)
    }
}
