import ArgumentParser
import Audit
import Crawl
import Detect
import Fetch
import Foundation
import Measure

/// What `crawl` and `audit` share: the targets, the rules, the year and the politeness.
struct CrawlOptions: ParsableArguments {
    @Option(help: "The targets file (targets.yaml).")
    var targets: String = "targets.yaml"

    @Option(name: .customLong("only"), help: "Audit only this target id (repeatable).")
    var only: [String] = []

    @Option(help: "The audited year: news and documents are counted inside it (default: the previous calendar year, the one being ranked).")
    var year: Int?

    @Option(help: "The rule set: nd-43-2011, nd-42-2022, or a YAML file (default: the one the audited year follows, nd-43-2011 before 2022, nd-42-2022 from 2022).")
    var rules: String?

    @Option(help: "Page budget per target.")
    var maxPages: Int = 2_000

    @Option(help: "Depth limit (links from the home page).")
    var maxDepth: Int = 40

    @Option(help: "Connections per host at once.")
    var perHost: Int = 2

    @Option(help: "Milliseconds each connection to a host rests after a response before its next request.")
    var delayMs: Int = 500

    @Option(help: "Transfers at once over all hosts.")
    var concurrency: Int = 64

    @Option(help: "Targets crawled at once (default: what --concurrency and --per-host allow, at most 64 per core).")
    var parallelTargets: Int?

    @Option(help: "Contact address sent in the User-Agent.")
    var contact: String = "audit@example.invalid"

    @Option(help: "Seconds one target's crawl may last; what is left then is reported as not crawled.")
    var timeBox: Double?

    @Flag(help: "Refuse loopback, private and link-local addresses (for public targets).")
    var publicOnly = false

    /// `--year`, else the previous calendar year (the one being ranked).
    var auditedYear: Int { year ?? Calendar(identifier: .gregorian).component(.year, from: Date()) - 1 }

    /// The selected targets, the rule set and the run options; bad input exits 2.
    /// - Parameter tiers: the tiers a target may name (default: the bundled ones).
    func load(tiers: TierNames? = nil) throws -> (targets: [CrawlTarget], rules: RuleSet, options: MeasurementRun.Options) {
        let selected = try CommandSupport.loadTargets(targets, only: only, tiers: tiers)
        let year = auditedYear
        guard (1990...2100).contains(year) else { throw CommandSupport.badInput("--year \(year): expected a year such as 2025") }
        let byYear = try RuleSetsByYear.bundled()
        guard let ruleName = rules ?? byYear.value(for: year) else {
            throw CommandSupport.badInput("--year \(year): no rule set applies before \(byYear.entries[0].from); give --rules")
        }
        let ruleSet = try CommandSupport.loadRules(ruleName)
        guard maxPages > 0, perHost > 0, delayMs >= 0, concurrency > 0, (timeBox ?? 1) > 0, (parallelTargets ?? 1) > 0 else {
            throw CommandSupport.badInput("--max-pages, --per-host, --concurrency, --parallel-targets and --time-box must be positive, --delay-ms not negative")
        }
        var options = MeasurementRun.Options(year: year)
        options.settings.maxPages = maxPages
        options.settings.maxDepth = maxDepth
        options.settings.perHostConnections = perHost
        options.settings.delayMilliseconds = delayMs
        options.fetch.perHostConnections = perHost
        options.fetch.perHostDelayMilliseconds = delayMs
        options.fetch.maxConcurrentTransfers = concurrency
        options.fetch.refusePrivateAddresses = publicOnly
        options.settings.targetTimeBoxSeconds = timeBox
        options.fetch.userAgent = FetchConfiguration.userAgent(tool: "portal-audit", version: "0.1", contact: contact)
        // A polite target yields a few pages a second; 64 per core keep the
        // cores busy, and more would only hold more pages in memory.
        let busy = 64 * ProcessInfo.processInfo.activeProcessorCount
        options.parallelTargets = max(1, min(selected.count, parallelTargets ?? min(busy, concurrency / perHost)))
        return (selected, ruleSet, options)
    }
}

extension CrawlOptions {
    /// The year and rule set of the run, on stderr before it starts, so a log says what was audited.
    func announce(_ year: Int, _ ruleSet: RuleSet) {
        let how = rules == nil ? "theo năm đánh giá" : "theo --rules"
        let yearHow = self.year == nil ? " (mặc định: năm trước)" : ""
        FileHandle.standardError.write(Data("portal-audit: năm đánh giá \(year)\(yearHow); bộ quy tắc \(ruleSet.decree) (\(how))\n".utf8))
    }
}

extension ProgressLine {
    /// Progress updates for the crawl, or none when stderr is not a terminal (cron, tests).
    var reporter: (@Sendable (CrawlProgress) -> Void)? {
        guard isTerminal else { return nil }
        return { [self] update in self.update(update) }
    }
}
