import Crawl
import Detect
import Fetch
import Foundation
import Health
import HTML

/// Crawls targets and measures them: each page goes from the crawl engine
/// straight into the target's analyzer, so nothing waits in memory.
public final class MeasurementRun: Sendable {
    public struct Options: Sendable {
        public var year: Int
        public var settings = CrawlSettings()
        public var fetch = FetchConfiguration()
        /// Targets crawled at the same time.
        public var parallelTargets = 8
        public var writeEvidence = true
        /// Earlier captures per target id and URL, asked conditionally.
        public var previousCaptures: [String: [String: StoredCapture]] = [:]
        /// Health rules; nil = the bundled health.yaml.
        public var health: HealthRules?
        /// Probe each portal's HTTPS, headers and IPv6 (a few requests per portal beside the crawl).
        public var probeTransport = true

        public init(year: Int) {
            self.year = year
        }
    }

    private let options: Options
    private let rules: RuleSet
    private let policy: URLPolicy
    private let log: @Sendable (String) -> Void

    public init(options: Options, rules: RuleSet, policy: URLPolicy, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.rules = rules
        self.policy = policy
        self.log = log
    }

    public func run(_ targets: [CrawlTarget], out: URL, progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> MeasurementsFile {
        try await measure(targets, out: out, keepingPages: false, progress: progress).file
    }

    /// Like `run`, also returning every target's pages (by target id) for the history.
    public func measure(_ targets: [CrawlTarget], out: URL, keepingPages: Bool = true,
                        progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> (file: MeasurementsFile, pages: [String: [CapturedPage]]) {
        let evidenceFolder = out.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: evidenceFolder, withIntermediateDirectories: true)
        let healthRules = try options.health ?? HealthRules.standard()
        let (results, pages) = try await Fetcher.withFetcher(configuration: options.fetch) { fetcher in
            var results = [String: TargetMeasurement]()
            var pages = [String: [CapturedPage]]()
            let engine = CrawlEngine(fetcher: fetcher, settings: options.settings, policy: policy, log: log)
            let slots = PageSlots(Self.pagesWaitingForAnalysis)

            try await withThrowingTaskGroup(of: (TargetMeasurement, [CapturedPage]).self) { group in
                var pending = targets[...]
                func startNext() {
                    guard let target = pending.popFirst() else { return }
                    group.addTask {
                        try await self.measure(target, engine: engine, evidenceFolder: evidenceFolder, slots: slots, keepingPages: keepingPages,
                                               healthRules: healthRules, progress: progress)
                    }
                }
                for _ in 0..<max(1, options.parallelTargets) { startNext() }
                while let (result, captured) = try await group.next() {
                    results[result.id] = result
                    pages[result.id] = captured
                    log("\(result.id): \(result.status.rawValue), \(result.pagesFetched) trang")
                    startNext()
                }
            }
            return (results, pages)
        }
        let file = MeasurementsFile(generatedAt: Date(), year: options.year, rules: rules.decree,
                                    targets: targets.compactMap { results[$0.id] })
        try file.write(to: out.appendingPathComponent("measurements.json"))
        return (file, pages)
    }

    /// Parsed pages handed over and not yet read, over all targets of a run:
    /// enough to keep both cores busy, few enough to keep memory flat.
    private static let pagesWaitingForAnalysis = 8

    private func measure(_ target: CrawlTarget, engine: CrawlEngine, evidenceFolder: URL, slots: PageSlots, keepingPages: Bool,
                         healthRules: HealthRules, progress: (@Sendable (CrawlProgress) -> Void)?) async throws -> (TargetMeasurement, [CapturedPage]) {
        let evidenceName = "evidence/\(target.id).warc.gz"
        let writer = options.writeEvidence
            ? try WARCWriter(url: evidenceFolder.appendingPathComponent("\(target.id).warc.gz"), software: "portal-audit")
            : nil
        let (rules, year) = (rules, options.year)
        let night = Date()
        let ((outcome, pages), (findings, pageHealth)) = try await AnalysisLane.run(slots: slots, reader: {
            PortalReader(analyzer: PortalAnalyzer(rules: rules, tier: target.tier, year: year, portalHosts: [target.portal],
                                                  serviceHosts: target.services,
                                                  agency: AgencyIdentity(name: target.name, code: target.code)),
                         health: PortalHealthBuilder(rules: healthRules, portalHosts: target.hostNames, auditYear: year, night: night))
        }) { lane in
            let bridge = AnalyzerBridge(lane: lane, evidencePrefix: "evidence/", keepingPages: keepingPages)
            let outcome = await engine.crawl(target, evidence: writer, observer: bridge, previous: options.previousCaptures[target.id] ?? [:],
                                             progress: progress)
            try writer?.close()
            let coverage = CrawlCoverage(complete: outcome.complete, stoppedEarlyReason: outcome.complete ? nil : outcome.reason,
                                         portalReachable: outcome.status == .ok || outcome.status == .partial)
            return ((outcome, bridge.pages), coverage)
        }
        // A portal that did not answer the crawl, or used up its time box on it, is not
        // probed: its transport checks are inconclusive, and the box holds.
        let boxUsed = options.settings.targetTimeBoxSeconds.map { Date().timeIntervalSince(night) >= $0 } ?? false
        let probe = options.probeTransport && outcome.status != .unreachable && !boxUsed
            ? await TransportProbe.observe(portal: target.portal, configuration: options.fetch, rules: healthRules) : nil
        let health = PortalHealth.assemble(pageHealth, probe: probe, rules: healthRules)
        return (TargetMeasurement(target: target, outcome: outcome, evidence: writer == nil ? nil : evidenceName, findings: findings,
                                  health: health), pages)
    }
}

/// Hands crawl events to the target's analysis lane in the detector's own
/// terms: the analyzer reads pages in crawl order while the crawl goes on.
final class AnalyzerBridge: CrawlObserver {
    private let lane: AnalysisLane
    private let evidencePrefix: String
    private let keepingPages: Bool
    /// What the history needs of each page; kept only when asked for.
    private(set) var pages: [CapturedPage] = []

    init(lane: AnalysisLane, evidencePrefix: String, keepingPages: Bool) {
        self.lane = lane
        self.evidencePrefix = evidencePrefix
        self.keepingPages = keepingPages
    }

    func crawled(_ page: CrawledPage) async {
        if keepingPages { pages.append(CapturedPage(page)) }
        await lane.submit(PageInput(url: page.url, status: page.status, fetchedAt: page.fetchedAt, document: page.document,
                                    contentType: page.contentType, text: page.document == nil ? page.text : nil,
                                    warcRecord: page.warc.map { evidencePrefix + $0.description }, depth: page.depth,
                                    inboundAnchors: page.anchors))
    }

    func link(_ event: LinkEvent) {
        switch event {
        case .failed(let url, let anchor, let kind, let status):
            lane.post(LinkOutcome(url: url, anchor: anchor, outcome: .failed(status.map { "\(kind.rawValue) \($0)" } ?? kind.rawValue)))
        case .skipped(let url, let anchor, let reason):
            lane.post(LinkOutcome(url: url, anchor: anchor, outcome: .skipped(reason.rawValue)))
        case .document:
            // The anchor text of a document link is on the referring page, which the analyzer reads.
            return
        }
    }
}
