import Foundation
import HTML
import Vocabulary

/// Gathers one portal's health over a crawl: pages in crawl order (on one
/// serial lane, so it needs no lock), the links that failed, then the probe.
public final class PortalHealthBuilder {
    private let rules: HealthRules
    private var scanner: PageScanner
    private let portalHosts: Set<String>
    private let referenceDay: DateComponents

    private var pagesScanned = 0
    private var hits: [InjectedHit] = []
    private var hitCount = 0
    private var anchorsNotExamined = 0
    private var counts = AccessibilityCounts()
    private var pageCounts: [PageAccessibility] = []
    private var sections: [String: (pages: Int, newest: DateComponents?, url: String?)] = [:]
    private var pagesOK = 0
    private var failedLinks = 0
    private var brokenSample: [BrokenLink] = []

    /// - Parameters:
    ///   - portalHosts: the portal's host names (lower case); links elsewhere are off-portal.
    ///   - auditYear: freshness is measured at the night, or at 31/12 of this year when that is earlier.
    public init(rules: HealthRules, portalHosts: Set<String>, auditYear: Int, night: Date) {
        self.rules = rules
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let today = calendar.dateComponents([.year, .month, .day], from: night)
        let yearEnd = DateComponents(year: auditYear, month: 12, day: 31)
        referenceDay = (today.year ?? 0) > auditYear ? yearEnd : today
        self.portalHosts = portalHosts
        scanner = PageScanner(rules: rules, portalHosts: portalHosts, referenceDay: referenceDay)
    }

    /// Reads one crawled HTML page.
    public func consume(_ document: HTMLDocument, at time: Date) {
        let page = scanner.scan(document, at: time)
        pagesScanned += 1
        pagesOK += 1
        for hit in page.hits where hits.count < rules.injectedContent.maxHitsPerPortal { hits.append(hit) }
        hitCount += page.hits.count + page.hitsNotKept
        anchorsNotExamined += page.anchorsNotExamined
        counts.add(page.accessibility)
        if page.accessibility.total > 0 {
            pageCounts.append(PageAccessibility(url: page.url, counts: page.accessibility))
            // Only the worst few are listed: keep the list short as pages come.
            if pageCounts.count > rules.accessibility.worstPages * 4 { trimWorst() }
        }
        let address = document.url.lowercased()
        let asciiAddress = address.utf8.allSatisfy { $0 < 0x80 }
        for section in rules.freshness.sections where section.paths.contains(where: { Self.contains(address, $0, ascii: asciiAddress) }) {
            var entry = sections[section.id] ?? (0, nil, nil)
            entry.pages += 1
            if let date = page.newestDate, entry.newest.map({ Self.key(date) > Self.key($0) }) ?? true {
                entry.newest = date
                entry.url = document.url
            }
            sections[section.id] = entry
        }
    }

    /// A non-HTML page that answered (counts for the link check).
    public func consumeOther() {
        pagesOK += 1
    }

    /// An internal link the crawl could not fetch. `kind` is the fetch error kind, `status` the HTTP status.
    public func linkFailed(url: String, anchor: String, kind: String, status: Int?) {
        let failing = kind == "http-status" ? status.map { rules.links.failingStatuses.contains($0) } ?? false
                                           : rules.links.failingKinds.contains(kind)
        guard failing else { return }
        failedLinks += 1
        if brokenSample.count < rules.links.sampleSize {
            brokenSample.append(BrokenLink(url: url, anchor: anchor, reason: status.map { "HTTP \($0)" } ?? kind))
        }
    }

    /// The page checks once the crawl is over; `portalReachable` false makes them inconclusive.
    public func finish(portalReachable: Bool) -> PageHealthChecks {
        let injected = InjectedContentHealth(state: portalReachable && pagesScanned > 0 ? (hitCount > 0 ? .critical : .ok) : .inconclusive,
                                             pagesScanned: pagesScanned, hitCount: hitCount, hits: hits,
                                             anchorsNotExamined: anchorsNotExamined, searchEngineCompared: false)
        trimWorst()
        return PageHealthChecks(
            portalHosts: portalHosts, referenceDay: referenceDay, injectedContent: injected,
            freshness: freshness(portalReachable: portalReachable), links: links(portalReachable: portalReachable),
            accessibility: AccessibilityHealth(state: portalReachable && pagesScanned > 0 ? (counts.total > 0 ? .warning : .ok) : .inconclusive,
                                               pages: pagesScanned, counts: counts, worstPages: pageCounts,
                                               notChecked: rules.accessibility.notChecked))
    }

    private func freshness(portalReachable: Bool) -> FreshnessHealth {
        var reference = Calendar(identifier: .gregorian)
        reference.timeZone = TimeZone(identifier: "UTC")!
        let referenceDate = reference.date(from: referenceDay) ?? Date()
        var result: [SectionFreshness] = []
        for section in rules.freshness.sections {
            guard let entry = sections[section.id] else { continue }
            var item = SectionFreshness(section: section.id, label: section.label, pages: entry.pages, newestDate: nil, daysSince: nil,
                                        maxDays: section.maxDays, stale: false, url: entry.url)
            if let newest = entry.newest, let date = reference.date(from: newest) {
                item.newestDate = Self.text(newest)
                let days = reference.dateComponents([.day], from: date, to: referenceDate).day ?? 0
                item.daysSince = days
                item.stale = days > section.maxDays
            }
            result.append(item)
        }
        let state: CheckState = !portalReachable || result.allSatisfy({ $0.newestDate == nil }) ? .inconclusive
            : result.contains(where: \.stale) ? .warning : .ok
        return FreshnessHealth(state: state, referenceDate: Self.text(referenceDay), sections: result)
    }

    private func links(portalReachable: Bool) -> LinkHealth {
        let checked = pagesOK + failedLinks
        let share = checked == 0 ? 0 : Double(failedLinks) / Double(checked)
        let state: CheckState = !portalReachable || checked == 0 ? .inconclusive : share > rules.links.warningShare ? .warning : .ok
        return LinkHealth(state: state, checked: checked, failed: failedLinks, share: (share * 1000).rounded() / 1000, sample: brokenSample,
                          note: "Chỉ kiểm tra liên kết nội bộ mà công cụ thu thập đã đi theo; tệp văn bản (.pdf, .doc) không được tải về.")
    }

    /// Foundation's `address.contains(path)`, on bytes when both are ASCII:
    /// no scalar there composes with another, so the literal search agrees.
    static func contains(_ address: String, _ path: String, ascii: Bool) -> Bool {
        guard ascii, !path.isEmpty, path.utf8.allSatisfy({ $0 < 0x80 }) else { return address.contains(path) }
        var address = address, path = path
        return address.withUTF8 { text in
            path.withUTF8 { part in
                guard let base = text.baseAddress, let wanted = part.baseAddress, part.count <= text.count else { return false }
                return (0...(text.count - part.count)).contains { memcmp(base + $0, wanted, part.count) == 0 }
            }
        }
    }

    private func trimWorst() {
        pageCounts.sort { ($0.counts.total, $1.url) > ($1.counts.total, $0.url) }
        pageCounts = Array(pageCounts.prefix(rules.accessibility.worstPages))
    }

    private static func key(_ date: DateComponents) -> Int {
        (date.year ?? 0) * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0)
    }

    private static func text(_ date: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
    }
}

/// The page checks of one crawl, waiting for the transport probe.
public struct PageHealthChecks: Sendable {
    let portalHosts: Set<String>
    let referenceDay: DateComponents
    public var injectedContent: InjectedContentHealth
    public var freshness: FreshnessHealth
    public var links: LinkHealth
    public var accessibility: AccessibilityHealth
}

extension PortalHealth {
    /// The portal's health from its page checks and the probe (nil when not probed:
    /// the transport checks are then inconclusive).
    public static func assemble(_ pages: PageHealthChecks, probe: TransportObservation?, rules: HealthRules) -> PortalHealth {
        var injected = pages.injectedContent
        if let probe, let normal = probe.homeHTML, let forBots = probe.homeHTMLForSearchEngine, let home = probe.homeURL {
            injected.searchEngineCompared = true
            var scanner = PageScanner(rules: rules, portalHosts: pages.portalHosts, referenceDay: pages.referenceDay)
            for hit in searchEngineOnlyHits(&scanner, normal: normal, forBots: forBots, url: home, at: probe.checkedAt, rules: rules) {
                injected.hitCount += 1
                if injected.hits.count < rules.injectedContent.maxHitsPerPortal { injected.hits.append(hit) }
            }
            if injected.hitCount > 0 { injected.state = .critical }
        }
        return PortalHealth(
            https: probe.map { TransportChecks.https($0, rules: rules.https) }
                ?? HTTPSHealth(state: .inconclusive, httpsURL: "", answersHTTPS: false, httpRedirectsToHTTPS: nil, certificateStatus: nil,
                               certificate: nil, tlsVersion: nil, findings: []),
            headers: probe.map { TransportChecks.headers($0, rules: rules.headers) }
                ?? HeadersHealth(state: .inconclusive, url: nil, headers: [], banners: [], findings: []),
            ipv6: probe.map(TransportChecks.ipv6) ?? IPv6Health(state: .inconclusive, aaaa: [], answers: nil, detail: ""),
            injectedContent: injected, freshness: pages.freshness, links: pages.links, accessibility: pages.accessibility)
    }

    /// Spam seen in the search engine's copy of the home page and not in the reader's: cloaking.
    private static func searchEngineOnlyHits(_ scanner: inout PageScanner, normal: String, forBots: String, url: String, at time: Date,
                                             rules: HealthRules) -> [InjectedHit] {
        let identity = { (hit: InjectedHit) in "\(hit.kind.rawValue)|\(hit.term ?? "")|\(hit.link ?? "")" }
        let seen = Set(scanner.scan(HTMLDocument(html: normal, url: url), at: time).hits.map(identity))
        let label = rules.injectedContent.hidingLabels[HidingWay.searchEngineOnly.rawValue] ?? HidingWay.searchEngineOnly.rawValue
        return scanner.scan(HTMLDocument(html: forBots, url: url), at: time).hits
            .filter { !seen.contains(identity($0)) }
            .map { hit in
                var cloaked = hit
                cloaked.hiding = .searchEngineOnly
                cloaked.how = label
                return cloaked
            }
    }
}
