import Crawl
import Detect
import Fetch
import Foundation
import HTML

/// Crawls targets and measures them: each page goes from the crawl engine
/// straight into the target's analyzer, so nothing waits in memory.
public final class MeasurementRun: @unchecked Sendable {
    public struct Options: Sendable {
        public var year: Int
        public var settings = CrawlSettings()
        public var fetch = FetchConfiguration()
        /// Targets crawled at the same time.
        public var parallelTargets = 8
        public var writeEvidence = true
        /// Earlier captures per target id and URL, asked conditionally.
        public var previousCaptures: [String: [String: StoredCapture]] = [:]

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
        try await measure(targets, out: out, progress: progress).file
    }

    /// Like `run`, also returning every target's pages (by target id) for the history.
    public func measure(_ targets: [CrawlTarget], out: URL,
                        progress: (@Sendable (CrawlProgress) -> Void)? = nil) async throws -> (file: MeasurementsFile, pages: [String: [CapturedPage]]) {
        let evidenceFolder = out.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: evidenceFolder, withIntermediateDirectories: true)
        let fetcher = Fetcher(configuration: options.fetch)
        defer { fetcher.shutdown() }
        let engine = CrawlEngine(fetcher: fetcher, settings: options.settings, policy: policy, log: log)

        var results = [String: TargetMeasurement]()
        var pages = [String: [CapturedPage]]()
        try await withThrowingTaskGroup(of: (TargetMeasurement, [CapturedPage]).self) { group in
            var pending = targets[...]
            func startNext() {
                guard let target = pending.popFirst() else { return }
                group.addTask { try await self.measure(target, engine: engine, evidenceFolder: evidenceFolder, progress: progress) }
            }
            for _ in 0..<max(1, options.parallelTargets) { startNext() }
            while let (result, captured) = try await group.next() {
                results[result.id] = result
                pages[result.id] = captured
                log("\(result.id): \(result.status.rawValue), \(result.pagesFetched) trang")
                startNext()
            }
        }
        let file = MeasurementsFile(generatedAt: Date(), year: options.year, rules: rules.decree,
                                    targets: targets.compactMap { results[$0.id] })
        try file.write(to: out.appendingPathComponent("measurements.json"))
        return (file, pages)
    }

    private func measure(_ target: CrawlTarget, engine: CrawlEngine, evidenceFolder: URL,
                         progress: (@Sendable (CrawlProgress) -> Void)?) async throws -> (TargetMeasurement, [CapturedPage]) {
        let evidenceName = "evidence/\(target.id).warc.gz"
        let writer = options.writeEvidence
            ? try WARCWriter(url: evidenceFolder.appendingPathComponent("\(target.id).warc.gz"), software: "portal-audit")
            : nil
        let analyzer = PortalAnalyzer(rules: rules, tier: target.tier.rawValue, year: options.year,
                                      portalHosts: [target.portal], serviceHosts: target.services)
        let bridge = AnalyzerBridge(analyzer: analyzer, evidencePrefix: "evidence/")
        let outcome = await engine.crawl(target, evidence: writer, observer: bridge, previous: options.previousCaptures[target.id] ?? [:],
                                         progress: progress)
        try writer?.close()
        let findings = analyzer.finish(CrawlCoverage(complete: outcome.complete, stoppedEarlyReason: outcome.complete ? nil : outcome.reason,
                                                     portalReachable: outcome.status == .ok || outcome.status == .partial))
        return (TargetMeasurement(target: target, outcome: outcome, evidence: writer == nil ? nil : evidenceName, findings: findings), bridge.pages)
    }
}

/// Hands crawl events to a detector in the detector's own terms.
final class AnalyzerBridge: CrawlObserver {
    let analyzer: PortalAnalyzer
    let evidencePrefix: String
    private(set) var pages: [CapturedPage] = []

    init(analyzer: PortalAnalyzer, evidencePrefix: String) {
        self.analyzer = analyzer
        self.evidencePrefix = evidencePrefix
    }

    func crawled(_ page: CrawledPage) {
        pages.append(CapturedPage(page))
        analyzer.consume(PageInput(url: page.url, status: page.status, fetchedAt: page.fetchedAt, document: page.document,
                                   contentType: page.contentType, text: page.document == nil ? page.text : nil,
                                   warcRecord: page.warc.map { evidencePrefix + $0.description }, depth: page.depth,
                                   inboundAnchors: page.anchors))
    }

    func link(_ event: LinkEvent) {
        switch event {
        case .failed(let url, let anchor, let kind, let status):
            analyzer.record(LinkOutcome(url: url, anchor: anchor, outcome: .failed(status.map { "\(kind.rawValue) \($0)" } ?? kind.rawValue)))
        case .skipped(let url, let anchor, let reason):
            analyzer.record(LinkOutcome(url: url, anchor: anchor, outcome: .skipped(reason.rawValue)))
        case .document:
            // The anchor text of a document link is on the referring page, which the analyzer reads.
            break
        }
    }
}
