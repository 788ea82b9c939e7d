import Fetch
import Foundation
import HTML
import Vocabulary

/// How a crawl behaves; per-target overrides come from targets.yaml.
public struct CrawlSettings: Sendable {
    public var maxPages = 2_000
    public var maxDepth = 40
    public var perHostConnections = 2
    public var delayMilliseconds = 500
    public var crawlDelayCapSeconds = 10.0
    public var userAgentToken = "portal-audit"
    public var useSitemaps = true
    /// Sitemap files read per target (indexes can list thousands).
    public var maxSitemaps = 20
    /// Seconds one target's crawl may last; nil = no limit. What is still
    /// queued or in flight then is left out and the crawl is not complete.
    public var targetTimeBoxSeconds: Double?

    public init() {}
}

/// A fetched page handed to the detectors. The document is parsed once and
/// released when the observer returns: a crawl never holds all pages.
public struct CrawledPage {
    public enum Source: String, Sendable { case link, sitemap, robots }

    public var url: String
    public var requestedURL: String
    public var status: Int
    public var fetchedAt: Date
    public var contentType: String?
    /// The decoded body of a text answer not parsed as HTML: a parsed page's document stands for it.
    public var decoded: DecodedText?
    public var document: HTMLDocument?
    public var warc: WARCLocation?
    public var depth: Int
    /// Anchor texts of the links that led here (original text).
    public var anchors: [String]
    public var source: Source
    public var truncated: Bool
    /// The validators to send next night.
    public var etag: String? = nil
    public var lastModified: String? = nil
    /// Set when the server answered 304 and the body is the earlier night's.
    public var revisited: StoredCapture? = nil

    /// The decoded body as a String, built on each read: HTML pages are read through `document`.
    public var text: String? { decoded?.string }
}

/// A link the crawl found but did not turn into a page.
public enum LinkEvent: Sendable {
    case failed(url: String, anchor: String, kind: FetchErrorKind, status: Int?)
    case skipped(url: String, anchor: String, reason: SkipReason)
    /// A document (.pdf, .doc …): recorded with its anchor text, not downloaded.
    case document(url: String, anchor: String, referrer: String)
}

/// Receives pages and link events as the crawl goes.
public protocol CrawlObserver: AnyObject {
    /// May suspend to hold the crawl back while earlier pages are still being read.
    func crawled(_ page: CrawledPage) async
    func link(_ event: LinkEvent)
}

/// Figures of one target's crawl, written into measurements.json.
public struct CrawlStatistics: Sendable, Codable, Equatable {
    public var requests = 0
    public var pages = 0
    public var bytes = 0
    public var documentLinks = 0
    public var truncatedBodies = 0
    public var errors: [FetchErrorKind: Int] = [:]
    public var skipped: [SkipReason: Int] = [:]
    public var seconds = 0.0

    public init() {}
}

public struct CrawlOutcome: Sendable, Codable {
    public var status: CrawlStatus
    /// Why the status is not `ok`, in words an appraiser can act on.
    public var reason: String?
    /// True when the crawl covered the whole reachable portal, so that
    /// "absent" may be said; false when the budget or depth cut it short.
    public var complete: Bool
    public var statistics: CrawlStatistics
    /// The robots.txt rules read, by host key: what later requests to the portal obey too.
    public var robots: [String: RobotsRules] = [:]
    /// The target's time box ended before the crawl did.
    public var timedOut = false
    /// The target's time box, started with its crawl: what follows the crawl keeps to it too.
    var timeBox = TimeBox(seconds: nil, from: Date())

    /// The one check of whether the target's time box is used up: the crawl ran
    /// out of it, or the clock has passed its end since. The proving pages'
    /// stylesheets and images and the transport probe are asked only while it is not.
    public var timeBoxUsed: Bool { timedOut || timeBox.isOver }

    /// measurements.json keeps what the crawl found, not the rules it obeyed.
    enum CodingKeys: String, CodingKey {
        case status, reason, complete, statistics
    }
}

/// What the progress line shows.
public struct CrawlProgress: Sendable {
    public var target: String
    public var pages: Int
    public var queued: Int
    public var errors: Int
}
