import Crawl
import Detect
import Fetch
import Foundation
import Health
import HTML

/// What a run wrote, for its closing line.
public struct MeasurementsSummary: Sendable {
    /// measurements.json.
    public var file: URL
    public var targets: Int
    public var pages: Int
}

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
        /// Stylesheets and images kept for the proving pages' replay; nil = `assets:` of the bundled evidence.yaml.
        public var evidenceAssets: EvidenceAssetBudget?

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

    /// Crawls and measures the targets into `out`: measurements.json and evidence/.
    /// Each finished target's result goes to disk at once, so memory holds only
    /// the targets in flight, however many targets the run has.
    public func run(_ targets: [CrawlTarget], out: URL, progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> MeasurementsSummary {
        try await measureAll(targets, out: out, keepingPages: false, progress: progress).summary
    }

    /// Like `run`, also returning the file and every target's pages (by target id) for the history.
    public func measure(_ targets: [CrawlTarget], out: URL, keepingPages: Bool = true,
                        progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> (file: MeasurementsFile, pages: [String: [CapturedPage]]) {
        let (summary, pages) = try await measureAll(targets, out: out, keepingPages: keepingPages, progress: progress)
        return (try MeasurementsFile.read(from: summary.file), pages)
    }

    /// Like `run`, also returning every target's pages (by target id) for the history;
    /// measurements.json stays on disk, to be read one target at a time (`MeasurementsReader`).
    public func measureKeepingPages(_ targets: [CrawlTarget], out: URL,
                                    progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> (summary: MeasurementsSummary, pages: [String: [CapturedPage]]) {
        try await measureAll(targets, out: out, keepingPages: true, progress: progress)
    }

    private func measureAll(_ targets: [CrawlTarget], out: URL, keepingPages: Bool,
                            progress: (@Sendable (CrawlProgress) -> Void)?) async throws -> (summary: MeasurementsSummary, pages: [String: [CapturedPage]]) {
        let evidenceFolder = out.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: evidenceFolder, withIntermediateDirectories: true)
        let healthRules = try options.health ?? HealthRules.standard()
        let evidenceAssets = try options.evidenceAssets ?? EvidenceAssetBudget.standard()
        let spool = try MeasurementsSpool(runFolder: out)
        defer { spool.remove() }
        let (finished, pagesFetched, pages) = try await Fetcher.withFetcher(configuration: options.fetch) { fetcher in
            var finished = Set<String>()
            var pagesFetched = 0
            var pages = [String: [CapturedPage]]()
            let engine = CrawlEngine(fetcher: fetcher, settings: options.settings, policy: policy, log: log)
            let slots = Permits(Self.pagesWaitingForAnalysis)
            // zlib streams for every WARC file of the run: a few, however many targets are open.
            let deflaters = DeflaterPool(slots: ProcessInfo.processInfo.activeProcessorCount)
            let assets = AssetCapture(budget: evidenceAssets, fetcher: fetcher)

            try await withThrowingTaskGroup(of: (TargetMeasurement, [CapturedPage]).self) { group in
                var pending = targets[...]
                func startNext() {
                    guard let target = pending.popFirst() else { return }
                    group.addTask {
                        try await self.measure(target, engine: engine, assets: assets, evidenceFolder: evidenceFolder, slots: slots, deflaters: deflaters, keepingPages: keepingPages,
                                               healthRules: healthRules, progress: progress)
                    }
                }
                for _ in 0..<max(1, options.parallelTargets) { startNext() }
                while let (result, captured) = try await group.next() {
                    try spool.store(result)
                    finished.insert(result.id)
                    pagesFetched += result.pagesFetched
                    if keepingPages { pages[result.id] = captured }
                    log("\(result.id): \(result.status.rawValue), \(result.pagesFetched) trang")
                    startNext()
                }
            }
            return (finished, pagesFetched, pages)
        }
        let ids = targets.map(\.id).filter(finished.contains)
        let file = out.appendingPathComponent("measurements.json")
        try spool.assemble(into: file, generatedAt: Date(), year: options.year, rules: rules.decree, ids: ids)
        return (MeasurementsSummary(file: file, targets: ids.count, pages: pagesFetched), pages)
    }

    /// Parsed pages handed over and not yet read, over all targets of a run:
    /// enough to keep both cores busy, few enough to keep memory flat.
    private static let pagesWaitingForAnalysis = 8

    private func measure(_ target: CrawlTarget, engine: CrawlEngine, assets: AssetCapture, evidenceFolder: URL, slots: Permits, deflaters: DeflaterPool, keepingPages: Bool,
                         healthRules: HealthRules, progress: (@Sendable (CrawlProgress) -> Void)?) async throws -> (TargetMeasurement, [CapturedPage]) {
        let evidenceName = "evidence/\(target.id).warc.gz"
        let writer = options.writeEvidence
            ? try WARCWriter(url: evidenceFolder.appendingPathComponent("\(target.id).warc.gz"), software: "portal-audit", deflaters: deflaters)
            : nil
        let (rules, year) = (rules, options.year)
        let night = Date()
        let ((outcome, pages, bodies), (findings, pageHealth)) = try await AnalysisLane.run(slots: slots, reader: {
            PortalReader(analyzer: PortalAnalyzer(rules: rules, tier: target.tier, year: year, portalHosts: [target.portal],
                                                  serviceHosts: target.services,
                                                  agency: AgencyIdentity(name: target.name, code: target.code)),
                         health: PortalHealthBuilder(rules: healthRules, portalHosts: target.hostNames, auditYear: year, night: night))
        }) { lane in
            let bridge = AnalyzerBridge(lane: lane, evidencePrefix: "evidence/", evidenceFile: writer?.url, keepingPages: keepingPages)
            let outcome = await engine.crawl(target, evidence: writer, observer: bridge, previous: options.previousCaptures[target.id] ?? [:],
                                             progress: progress)
            let coverage = CrawlCoverage(complete: outcome.complete, stoppedEarlyReason: outcome.complete ? nil : outcome.reason,
                                         portalReachable: outcome.status == .ok || outcome.status == .partial)
            return ((outcome, bridge.pages, bridge.bodies), coverage)
        }
        if let writer {
            // The proving pages are known only now: their stylesheets and images join the
            // evidence before it is closed. A portal that ran out of time is not asked again.
            if !outcome.timeBoxUsed, outcome.status == .ok || outcome.status == .partial {
                let proving = Self.provingPages(findings, bodies: bodies)
                let kept = await assets.capture(for: proving, target: target, outcome: outcome, into: writer, log: log)
                log("\(target.id): \(kept.captured) tệp trình bày (\(kept.bytes) byte) cho \(proving.count) trang chứng minh, \(kept.leftOut) bỏ qua")
            }
            try writer.close()
        }
        // A portal that did not answer the crawl, or used up its time box, is not
        // probed: its transport checks are inconclusive, and the box holds.
        let probe = options.probeTransport && outcome.status != .unreachable && !outcome.timeBoxUsed
            ? await TransportProbe.observe(portal: target.portal, configuration: options.fetch, rules: healthRules) : nil
        let health = PortalHealth.assemble(pageHealth, probe: probe, rules: healthRules)
        return (TargetMeasurement(target: target, outcome: outcome, evidence: writer == nil ? nil : evidenceName, findings: findings,
                                  health: health), pages)
    }
}

extension MeasurementRun {
    /// The pages the findings cite for a present item, once each, in the findings' order.
    static func provingPages(_ findings: PortalFindings, bodies: [String: ProvingPage]) -> [ProvingPage] {
        var seen = Set<String>()
        return findings.sections.compactMap { section in
            guard section.state == .present, let url = section.url, seen.insert(url).inserted else { return nil }
            return bodies[url]
        }
    }
}

/// Hands crawl events to the target's analysis lane in the detector's own
/// terms: the analyzer reads pages in crawl order while the crawl goes on.
final class AnalyzerBridge: CrawlObserver {
    private let lane: AnalysisLane
    private let evidencePrefix: String
    private let evidenceFile: URL?
    private let keepingPages: Bool
    /// What the history needs of each page; kept only when asked for.
    private(set) var pages: [CapturedPage] = []
    /// Where each HTML page's body lies in the evidence, by URL: the proving pages are read back from there.
    private(set) var bodies: [String: ProvingPage] = [:]

    init(lane: AnalysisLane, evidencePrefix: String, evidenceFile: URL?, keepingPages: Bool) {
        self.lane = lane
        self.evidencePrefix = evidencePrefix
        self.evidenceFile = evidenceFile
        self.keepingPages = keepingPages
    }

    func crawled(_ page: CrawledPage) async {
        if keepingPages { pages.append(CapturedPage(page)) }
        if page.document != nil {
            if let earlier = page.revisited {
                bodies[page.url] = ProvingPage(url: page.url, file: earlier.file, offset: earlier.offset)
            } else if let evidenceFile, let location = page.warc {
                bodies[page.url] = ProvingPage(url: page.url, file: evidenceFile, offset: location.offset)
            }
        }
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
