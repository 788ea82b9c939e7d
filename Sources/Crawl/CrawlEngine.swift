import Fetch
import Foundation
import HTML
import Vocabulary
import WebAddress

/// Crawls one target breadth first within its scope, politely, writing every
/// response to the evidence file and handing each page to the observer.
public final class CrawlEngine: Sendable {
    private let fetcher: Fetcher
    private let settings: CrawlSettings
    private let normalizer: URLNormalizer
    private let log: @Sendable (String) -> Void
    /// One permit per parsed page held by the crawl, over all targets of this
    /// engine: a parsed page is large, and a run crawls many targets at once.
    private let parsing: Permits

    /// - Parameter parsedAhead: pages, over all targets of this engine, that
    ///   fetching tasks may parse before the crawl loop takes them. A crawl
    ///   loop parses a page itself once a permit is free: one more is kept for
    ///   the loops, so the ones parsed ahead never hold every permit.
    public init(fetcher: Fetcher, settings: CrawlSettings, policy: URLPolicy, parsedAhead: Int = 16,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.fetcher = fetcher
        self.settings = settings
        self.normalizer = URLNormalizer(policy: policy)
        self.log = log
        self.parsing = Permits(max(0, parsedAhead) + Self.keptForLoops)
    }

    static let keptForLoops = 1

    /// `previous` holds the earlier night's captures by normalized URL: those URLs
    /// are asked conditionally, and a 304 answer is read from the earlier evidence.
    public func crawl(_ target: CrawlTarget, evidence: WARCWriter?, observer: CrawlObserver?, previous: [String: StoredCapture] = [:],
                      progress: (@Sendable (CrawlProgress) -> Void)? = nil) async -> CrawlOutcome {
        var run = TargetCrawl(target: target, settings: settings, normalizer: normalizer, evidence: evidence, observer: observer,
                              parsing: parsing, log: log)
        run.previous = previous
        return await run.execute(fetcher: fetcher, progress: progress)
    }
}

/// The state of one target's crawl; lives in one task, so it needs no locks.
struct TargetCrawl {
    struct Queued {
        var url: String
        var depth: Int
        var source: CrawledPage.Source
    }

    /// A fetch result made ready on the fetching task, off the crawl's own
    /// loop: its evidence records built and compressed, and its HTML parsed
    /// with its links read while a parse permit is free (a parsed page is
    /// large; without a permit the loop parses it). The loop then only places
    /// records and follows links, so the costly part of a page runs on every core.
    /// An arrival may wait a while for the loop (the analysis holds crawls back),
    /// so it keeps no more of the page than the loop needs: the prepared records
    /// stand for the body, the parsed document for the text.
    struct Arrival {
        var item: Queued
        var result: FetchResult
        var records: WARCWriter.PreparedRecords?
        /// The body's size, for the statistics, whether or not the body is kept.
        var bodyBytes = 0
        /// Set only with a parse permit, which the loop gives back.
        var document: HTMLDocument?

        init(item: Queued, result: FetchResult, evidence: WARCRecordBuilder?, parsing: Permits, conditional: Bool) {
            self.item = item
            self.result = result
            switch result {
            case .success(var response):
                bodyBytes = response.body.count
                // A 304 to a conditional request is answered from the earlier evidence, in order.
                guard !(conditional && response.status == 304) else { return }
                records = evidence?.prepare(response)
                if TargetCrawl.isHTML(response), parsing.tryTake(leaving: CrawlEngine.keptForLoops) {
                    document = TargetCrawl.document(of: response)
                    if let document { _ = document.links() } else { parsing.give() }
                }
                if records != nil { response.body = Data() }
                if document != nil { response.decoded = nil }
                self.result = .success(response)
            case .failure(let error):
                bodyBytes = error.response?.body.count ?? 0
                records = error.response.flatMap { evidence?.prepare($0) }
            }
        }
    }

    /// Typed HTML, or an untyped text whose first 512 Characters hold "<html" in
    /// any ASCII case: read on the text's first bytes, not a String of the page.
    static func isHTML(_ response: FetchResponse) -> Bool {
        if let type = response.contentType { return type.contains("html") }
        guard let decoded = response.decoded else { return false }
        if let bytes = decoded.composedBytes { return bytes.withUnsafeBytes { startsLikeHTML($0.bindMemory(to: UInt8.self)) } }
        var text = decoded.string
        return text.withUTF8(startsLikeHTML)
    }

    static func startsLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let tag = Array("<html".utf8)
        var matched = 0
        var characters = 0
        var previous: UInt8 = 0
        for byte in bytes {
            // A Character starts on every byte but continuation bytes and the LF of a CRLF
            // (the text is NFC: combining marks before "<html" are left out of the count).
            if byte & 0xC0 != 0x80 && !(byte == 0x0A && previous == 0x0D) {
                characters += 1
                if characters > 512 { return false }
            }
            previous = byte
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            matched = lower == tag[matched] ? matched + 1 : (lower == tag[0] ? 1 : 0)
            if matched == tag.count { return true }
        }
        return false
    }

    static func document(of response: FetchResponse) -> HTMLDocument? {
        guard isHTML(response), let decoded = response.decoded else { return nil }
        // Most pages are parsed from their body's bytes; Fetch's decoded text is NFC either way.
        if let bytes = decoded.composedBytes {
            return bytes.withUnsafeBytes { HTMLDocument(composedUTF8: $0, url: response.url) }
        }
        return HTMLDocument(html: decoded.string, url: response.url, isNFC: true)
    }

    let target: CrawlTarget
    let settings: CrawlSettings
    let normalizer: URLNormalizer
    /// The portal's own URL as the frontier keys it: its fetch decides the status.
    let portalKey: String?
    let evidence: WARCWriter?
    let parsing: Permits
    weak var observer: CrawlObserver?
    let log: @Sendable (String) -> Void
    /// Earlier captures by URL; an entry is dropped when its body cannot be read back.
    var previous: [String: StoredCapture] = [:]

    private var admission: Admission
    private let pagerStep: PagerStep
    private var queue: [Queued] = []
    private var queueHead = 0
    private var sitemapURLs: [String] = []
    /// Sitemaps named by robots.txt, read before the crawl starts.
    private var pendingSitemaps: [String] = []
    /// Anchor texts of queued pages by `Admission.fingerprint` of their URL.
    private var anchors: [Int: [String]] = [:]
    private var statistics = CrawlStatistics()
    private var portalResult: (status: Int?, kind: FetchErrorKind?)?
    private var robotsBlocksPortal = false
    private var transientErrors = 0
    private var timeBox = TimeBox(seconds: nil, from: Date())
    /// The time box ended with pages still to fetch.
    private var timedOut = false

    init(target: CrawlTarget, settings: CrawlSettings, normalizer: URLNormalizer, evidence: WARCWriter?, observer: CrawlObserver?,
         parsing: Permits, log: @escaping @Sendable (String) -> Void) {
        self.target = target
        self.settings = settings
        self.normalizer = normalizer
        self.portalKey = normalizer.normalize(target.portal)
        self.evidence = evidence
        self.parsing = parsing
        self.observer = observer
        self.log = log
        self.admission = Admission(normalizer: normalizer, scope: target.scopeHosts, scopePaths: target.scopePaths, maxPages: settings.maxPages, maxDepth: settings.maxDepth)
        self.pagerStep = PagerStep(policy: normalizer.policy)
    }

    mutating func execute(fetcher: Fetcher, progress: (@Sendable (CrawlProgress) -> Void)?) async -> CrawlOutcome {
        let started = Date()
        timeBox = TimeBox(seconds: settings.targetTimeBoxSeconds, from: started)
        let hosts = ([target.portal] + target.services).compactMap(HTTPAddress.init)
        let perHost = target.perHostConnections ?? settings.perHostConnections
        let delay = target.delayMilliseconds ?? settings.delayMilliseconds
        var seenHosts = Set<String>()
        for host in hosts where seenHosts.insert(host.hostKey).inserted {
            fetcher.setHostPolicy(host: Self.fetchKey(host), connections: perHost, delayMilliseconds: delay)
            await readRobots(for: host, fetcher: fetcher, delayMilliseconds: delay)
        }

        enqueue(target.portal, anchor: "", depth: 0, source: .link)
        for service in target.services { enqueue(service, anchor: "", depth: 0, source: .link) }
        if settings.useSitemaps, let portal = HTTPAddress(target.portal) {
            await readSitemaps(for: portal, fetcher: fetcher)
        }

        let inFlightLimit = max(2, seenHosts.count * perHost * 2)
        var lastProgress = Date.distantPast
        // Arrivals are handled in the order their fetches were started, whatever order the
        // network answers in: the frontier, the pages the detectors read and so every
        // finding are the same from night to night on an unchanged portal. Answers that
        // come early wait (they still count as in flight, so they stay bounded).
        await withTaskGroup(of: (Int, Arrival).self) { group in
            var inFlight = 0
            var scheduled = 0, nextToHandle = 0
            var early: [Int: Arrival] = [:]
            while true {
                while inFlight < inFlightLimit, !timeBoxEnded(inFlight: inFlight), let next = nextURL(linksExhausted: inFlight == 0) {
                    let conditional = previous[next.url]?.conditionalHeaders ?? []
                    let request = FetchRequest(url: next.url, headers: conditional)
                    let sequence = scheduled
                    group.addTask { [timeBox, evidence = evidence?.records, parsing] in
                        (sequence, Arrival(item: next, result: await timeBox.fetch(request, with: fetcher), evidence: evidence,
                                           parsing: parsing, conditional: !conditional.isEmpty))
                    }
                    scheduled += 1
                    inFlight += 1
                }
                guard let (sequence, arrival) = await group.next() else { break }
                early[sequence] = arrival
                while let ready = early.removeValue(forKey: nextToHandle) {
                    nextToHandle += 1
                    inFlight -= 1
                    await handle(ready)
                }
                if let progress, Date().timeIntervalSince(lastProgress) >= 1 {
                    lastProgress = Date()
                    progress(CrawlProgress(target: target.id, pages: statistics.pages, queued: queue.count - queueHead + inFlight,
                                           errors: statistics.errors.values.reduce(0, +)))
                }
            }
        }
        statistics.seconds = Date().timeIntervalSince(started)
        return outcome()
    }

    // MARK: - Frontier

    /// The next URL in breadth-first order; sitemap URLs only once the links
    /// are exhausted (nothing queued, nothing in flight that may add more).
    private mutating func nextURL(linksExhausted: Bool) -> Queued? {
        if queueHead < queue.count {
            defer {
                queueHead += 1
                // Drop the consumed prefix now and then: the queue stays small.
                if queueHead > 4096 && queueHead * 2 > queue.count {
                    queue.removeFirst(queueHead)
                    queueHead = 0
                }
            }
            return queue[queueHead]
        }
        // Sitemap URLs come after everything reachable by links, so a large
        // sitemap cannot spend the budget before the menus are explored.
        guard linksExhausted else { return nil }
        while let url = sitemapURLs.popLast() {
            enqueue(url, anchor: "", depth: 1, source: .sitemap)
            if queueHead < queue.count { return nextURL(linksExhausted: true) }
        }
        return nil
    }

    private mutating func timeBoxEnded(inFlight: Int) -> Bool {
        if timeBox.isOver && (inFlight > 0 || queueHead < queue.count || !sitemapURLs.isEmpty) { timedOut = true }
        return timeBox.isOver
    }

    private mutating func enqueue(_ url: String, anchor: String, depth: Int, source: CrawledPage.Source) {
        enqueue(url, parsed: HTTPAddress(url), anchor: anchor, depth: depth, source: source)
    }

    /// `parsed` is `url` read once by the caller, which may have looked at it already.
    private mutating func enqueue(_ url: String, parsed: HTTPAddress?, anchor: String, depth: Int, source: CrawledPage.Source) {
        switch parsed.map({ admission.check($0, depth: depth) }) ?? .skip(.scheme) {
        case .admit(let normalized):
            queue.append(Queued(url: normalized, depth: depth, source: source))
            if !anchor.isEmpty { anchors[Admission.fingerprint(of: normalized)] = [anchor] }
        case .seen(let fingerprint):
            statistics.skipped[.seen, default: 0] += 1
            if !anchor.isEmpty, var list = anchors[fingerprint], list.count < 5, !list.contains(anchor) {
                list.append(anchor)
                anchors[fingerprint] = list
            }
        case .document(let normalized):
            statistics.documentLinks += 1
            observer?.link(.document(url: normalized, anchor: anchor, referrer: ""))
        case .skip(let reason):
            statistics.skipped[reason, default: 0] += 1
            if Self.reportedReasons.contains(reason) {
                observer?.link(.skipped(url: url, anchor: anchor, reason: reason))
            }
            if reason == .robots, depth == 0 { robotsBlocksPortal = true }
        }
    }

    /// Skips that hide content the detectors must know about.
    private static let reportedReasons: Set<SkipReason> = [.budget, .depth, .robots, .calendarTrap, .repeatedSegments, .queryExplosion, .tooLong]

    // MARK: - Responses

    private mutating func handle(_ arrival: Arrival) async {
        // The page is with the observer (or dropped) once this returns.
        defer { if arrival.document != nil { parsing.give() } }
        statistics.requests += 1
        let item = arrival.item
        let pageAnchors = anchors.removeValue(forKey: Admission.fingerprint(of: item.url)) ?? []
        switch arrival.result {
        case .success(let response):
            if item.depth == 0 && item.url == portalKey { portalResult = (response.status, nil) }
            if response.status == 304, let capture = previous[item.url] {
                await revisit(response, capture: capture, item: item, anchors: pageAnchors)
            } else {
                let location = record(response, prepared: arrival.records, bodyBytes: arrival.bodyBytes)
                let parsedHere = arrival.document == nil ? await parse(response) : nil
                defer { if parsedHere != nil { parsing.give() } }
                await process(response, document: arrival.document ?? parsedHere, item: item, anchors: pageAnchors, location: location)
            }
        case .failure(let error):
            if item.depth == 0 && item.url == portalKey { portalResult = (error.status, error.kind) }
            statistics.errors[error.kind, default: 0] += 1
            if TimeBox.isOverrun(error) { timedOut = true }
            if Self.isTransient(error) { transientErrors += 1 }
            if let response = error.response { record(response, prepared: arrival.records, bodyBytes: arrival.bodyBytes) }
            observer?.link(.failed(url: item.url, anchor: pageAnchors.first ?? "", kind: error.kind, status: error.status))
        }
    }

    /// A 304 stands for the earlier body: the page is analysed from it, and the
    /// evidence gets a revisit record. An unreadable body is fetched again in full.
    private mutating func revisit(_ response: FetchResponse, capture: StoredCapture, item: Queued, anchors pageAnchors: [String]) async {
        let stored: WARCRecordReader.StoredResponse
        do {
            stored = try WARCRecordReader.response(in: capture.file, at: capture.offset)
        } catch {
            log("\(target.id): cannot read the earlier body of \(item.url): \(error); fetching it again")
            previous[item.url] = nil
            queue.append(item)
            if !pageAnchors.isEmpty { anchors[Admission.fingerprint(of: item.url)] = pageAnchors }
            return
        }
        var restored = response
        restored.status = stored.status
        restored.body = stored.body
        restored.truncated = false
        let contentTypeHeader = stored.headers.first { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }?.value
        restored.contentType = contentTypeHeader.flatMap { $0.split(separator: ";").first }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let isText = restored.contentType.map { $0.hasPrefix("text/") || $0.contains("html") || $0.hasSuffix("xml") } ?? false
        let decoded = isText ? CharsetDecoder.decodeText(stored.body, contentTypeHeader: contentTypeHeader) : nil
        restored.decoded = decoded?.text
        restored.charset = decoded?.charset
        var original = capture
        original.url = stored.targetURI ?? capture.url
        let location = recordRevisit(response, capture: original)
        let document = await parse(restored)
        defer { if document != nil { parsing.give() } }
        await process(restored, document: document, item: item, anchors: pageAnchors, location: location, revisited: capture,
                etag: response.header("ETag") ?? capture.etag, lastModified: response.header("Last-Modified") ?? capture.lastModified)
    }

    private mutating func process(_ response: FetchResponse, document: HTMLDocument?, item: Queued, anchors pageAnchors: [String],
                                  location: WARCLocation?, revisited: StoredCapture? = nil, etag: String? = nil,
                                  lastModified: String? = nil) async {
        guard let final = HTTPAddress(response.url), target.scopeHosts.contains(final.hostKey),
              CrawlTarget.isUnder(final, prefixes: target.scopePaths) else {
            // Redirected off the portal: evidence kept, content not counted.
            statistics.skipped[.scope, default: 0] += 1
            return
        }
        if !response.redirects.isEmpty, let normalized = normalizer.normalize(response.url), !admission.markSeen(normalized),
           normalized != item.url {
            return  // A redirect to a page already crawled.
        }
        statistics.pages += 1
        if response.truncated { statistics.truncatedBodies += 1 }
        if let document {
            let from = HTTPAddress(item.url).map(pagerStep.position)
            for link in document.links() {
                let parsed = HTTPAddress(link.url)
                enqueue(link.url, parsed: parsed, anchor: link.text, depth: item.depth + depthCost(of: link, to: parsed, from: from),
                        source: .link)
            }
        }
        await observer?.crawled(CrawledPage(url: response.url, requestedURL: item.url, status: response.status, fetchedAt: response.fetchedAt,
                                      contentType: response.contentType, decoded: document == nil ? response.decoded : nil, document: document, warc: location,
                                      depth: item.depth, anchors: pageAnchors, source: item.source, truncated: response.truncated,
                                      etag: etag ?? response.header("ETag"), lastModified: lastModified ?? response.header("Last-Modified"),
                                      revisited: revisited))
    }

    /// Parses a page on the crawl's loop once a permit is free, which the caller
    /// gives back when the page is with the observer: however many targets the
    /// run crawls, the parsed pages it holds stay bounded.
    private func parse(_ response: FetchResponse) async -> HTMLDocument? {
        guard Self.isHTML(response), response.decoded != nil else { return nil }
        await parsing.take()
        guard let document = Self.document(of: response) else {
            parsing.give()
            return nil
        }
        return document
    }

    /// A step along a pager or a calendar costs no depth. Only links with a
    /// short label ("2", "Trang sau", "»", "Tuần sau") or rel=next are
    /// looked at: a pager's links have one, and the rest skip the parse.
    private func depthCost(of link: HTMLLink, to: HTTPAddress?, from: PagerStep.Position?) -> Int {
        guard let from, link.kind == .next || (link.kind == .anchor && link.text.utf8.count <= Self.maxPagerLabelBytes),
              let to else { return 1 }
        return pagerStep.isStep(from: from, to: to) ? 0 : 1
    }

    private static let maxPagerLabelBytes = 24

    private mutating func recordRevisit(_ response: FetchResponse, capture: StoredCapture) -> WARCLocation? {
        guard let evidence else { return nil }
        do {
            return try evidence.writeRevisit(response, refersTo: capture)
        } catch {
            log("\(target.id): cannot write evidence: \(error)")
            return nil
        }
    }

    /// Places the response's evidence records, prepared already when given.
    @discardableResult
    private mutating func record(_ response: FetchResponse, prepared: WARCWriter.PreparedRecords? = nil, bodyBytes: Int? = nil) -> WARCLocation? {
        statistics.bytes += bodyBytes ?? response.body.count
        guard let evidence else { return nil }
        do {
            return try evidence.append(prepared ?? evidence.records.prepare(response))
        } catch {
            log("\(target.id): cannot write evidence: \(error)")
            return nil
        }
    }

    private static func isTransient(_ error: FetchError) -> Bool {
        switch error.kind {
        case .httpStatus: return (error.status ?? 0) >= 500 || error.status == 429
        case .robots, .scheme: return false
        default: return true
        }
    }

    private func outcome() -> CrawlOutcome {
        let budgetCut = statistics.skipped[.budget, default: 0] > 0
        let depthCut = statistics.skipped[.depth, default: 0] > 0
        var status = CrawlStatus.ok
        var reason: String?
        if robotsBlocksPortal {
            status = .blocked
            reason = "robots.txt cấm truy cập cổng"
        } else if let (code, kind) = portalResult, let kind {
            if kind == .httpStatus, let code, [401, 403, 451].contains(code) {
                status = .blocked
                reason = "cổng trả về HTTP \(code)"
            } else {
                status = .unreachable
                reason = kind == .httpStatus ? "cổng trả về HTTP \(code ?? 0)" : "không truy cập được cổng (\(kind.rawValue))"
            }
        } else if portalResult == nil {
            status = .unreachable
            reason = timedOut ? "hết thời gian dành cho cổng trước khi tải được trang chủ" : "không tải được trang chủ"
        } else if timedOut {
            status = .partial
            reason = "hết thời gian dành cho cổng (\(Int(settings.targetTimeBoxSeconds ?? 0)) giây)"
        } else if budgetCut {
            status = .partial
            reason = "đạt giới hạn \(settings.maxPages) trang"
        } else if depthCut {
            status = .partial
            reason = "đạt giới hạn độ sâu \(settings.maxDepth)"
        } else if transientErrors > 0 {
            status = .partial
            reason = "\(transientErrors) lần tải lỗi"
        }
        let complete = (status == .ok || status == .partial) && !budgetCut && !depthCut && !timedOut
        return CrawlOutcome(status: status, reason: reason, complete: complete, statistics: statistics, robots: admission.allRobotsRules,
                            timedOut: timedOut, timeBox: timeBox)
    }

    // MARK: - robots.txt and sitemaps

    /// Fetch keys hosts as `host:port` with the default port written out.
    private static func fetchKey(_ host: HTTPAddress) -> String {
        Fetcher.hostKey(for: "\(host.scheme)://\(host.hostKey)/") ?? host.hostKey
    }

    private mutating func readRobots(for host: HTTPAddress, fetcher: Fetcher, delayMilliseconds: Int) async {
        let url = "\(host.scheme)://\(host.hostKey)/robots.txt"
        let result = await timeBox.fetch(FetchRequest(url: url), with: fetcher)
        statistics.requests += 1
        let rules: RobotsRules
        switch result {
        case .success(let response):
            record(response)
            rules = response.status == 200 ? RobotsRules.parse(response.text ?? "", userAgent: settings.userAgentToken) : .allowAll
        case .failure(let error):
            if let response = error.response { record(response) }
            // RFC 9309: a server error means "disallow all"; a missing file or
            // an unreachable host allows (the portal fetch will tell).
            if error.kind == .httpStatus, let status = error.status, status >= 500 {
                rules = RobotsRules.parse("User-agent: *\nDisallow: /", userAgent: settings.userAgentToken)
            } else {
                rules = .allowAll
            }
        }
        admission.setRobots(rules, forHost: host.hostKey)
        if let crawlDelay = rules.crawlDelaySeconds {
            let capped = min(crawlDelay, settings.crawlDelayCapSeconds)
            if capped < crawlDelay {
                log("\(target.id): robots.txt of \(host.hostKey) asks Crawl-delay \(crawlDelay) s; capped at \(capped) s")
            }
            // Crawl-delay means one request per interval to the host: one connection, resting that long.
            fetcher.setHostPolicy(host: Self.fetchKey(host), connections: 1, delayMilliseconds: max(delayMilliseconds, Int(capped * 1000)))
        }
        pendingSitemaps.append(contentsOf: rules.sitemaps)
    }

    private mutating func readSitemaps(for portal: HTTPAddress, fetcher: Fetcher) async {
        var toRead = pendingSitemaps.isEmpty ? ["\(portal.scheme)://\(portal.hostKey)/sitemap.xml"] : pendingSitemaps
        var read = Set<String>()
        var pages = [String]()
        while let next = toRead.first, read.count < settings.maxSitemaps {
            toRead.removeFirst()
            guard let normalized = normalizer.normalize(next), read.insert(normalized).inserted,
                  let host = HTTPAddress(normalized), target.scopeHosts.contains(host.hostKey) else { continue }
            let result = await timeBox.fetch(FetchRequest(url: normalized), with: fetcher)
            statistics.requests += 1
            guard case .success(let response) = result else {
                if case .failure(let error) = result, let response = error.response { record(response) }
                continue
            }
            let location = record(response)
            guard let parsed = try? Sitemap.parse(response.body) else { continue }
            pages += parsed.pages
            toRead += parsed.sitemaps
            await observer?.crawled(CrawledPage(url: response.url, requestedURL: normalized, status: response.status, fetchedAt: response.fetchedAt,
                                          contentType: response.contentType, decoded: response.decoded, document: nil, warc: location,
                                          depth: 1, anchors: [], source: .sitemap, truncated: response.truncated))
        }
        // popLast() serves them in file order.
        sitemapURLs = pages.reversed()
    }
}
