import Crawl
import Detect

/// What reads a target's pages on its lane: the portal analyzer (or a test's probe).
protocol PageReader {
    associatedtype Findings: Sendable
    func consume(_ page: PageInput)
    func record(_ outcome: LinkOutcome)
    func finish(_ coverage: CrawlCoverage) -> Findings
}

extension PortalAnalyzer: PageReader {}

/// One target's analysis, behind the crawl: the crawl hands pages and link
/// outcomes over and goes on fetching while a child task that owns the
/// target's analyzer reads them in order, so fetching and analysis use every
/// core. Pages waiting for any lane of a run share one bound (`Permits`): a
/// slower analysis holds the crawls back instead of filling memory with
/// parsed pages.
struct AnalysisLane: Sendable {
    enum Work: Sendable {
        case page(PageInput)
        case link(LinkOutcome)
        /// The crawl is over: the analyzer concludes.
        case finish(CrawlCoverage)
    }

    private let continuation: AsyncStream<Work>.Continuation
    private let slots: Permits

    /// Runs `body` with a lane read by a child task that owns the reader
    /// (made inside it, so it never crosses tasks); returns the findings once
    /// `body` is done and every page handed over has been read.
    static func run<Reader: PageReader, Result: Sendable>(
        slots: Permits,
        reader makeReader: @escaping @Sendable () -> Reader,
        _ body: (AnalysisLane) async throws -> (Result, CrawlCoverage)
    ) async throws -> (Result, Reader.Findings) {
        let (stream, continuation) = AsyncStream.makeStream(of: Work.self)
        let lane = AnalysisLane(continuation: continuation, slots: slots)
        async let reading: Reader.Findings? = {
            let reader = makeReader()
            for await work in stream {
                switch work {
                case .page(let page):
                    reader.consume(page)
                    slots.give()
                case .link(let outcome):
                    reader.record(outcome)
                case .finish(let coverage):
                    return reader.finish(coverage)
                }
            }
            return nil
        }()
        let result: Result, coverage: CrawlCoverage
        do {
            (result, coverage) = try await body(lane)
        } catch {
            continuation.finish()
            _ = await reading
            throw error
        }
        continuation.yield(.finish(coverage))
        continuation.finish()
        guard let findings = await reading else { preconditionFailure("the lane reads until it is told to finish") }
        return (result, findings)
    }

    /// Hands a page over; waits while the run's slots are taken.
    func submit(_ page: PageInput) async {
        await slots.take()
        continuation.yield(.page(page))
    }

    /// Hands a link outcome over: small, needs no slot, read in order with the pages.
    func post(_ outcome: LinkOutcome) {
        continuation.yield(.link(outcome))
    }
}
