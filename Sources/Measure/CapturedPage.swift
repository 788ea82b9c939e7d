import Crawl
import Foundation

/// A page of tonight's crawl as the history keeps it: where its evidence is and
/// the validators for the next night's conditional request.
public struct CapturedPage: Sendable, Equatable {
    /// The URL asked for (normalized): what the next night asks again.
    public var url: String
    public var status: Int
    public var fetchedAt: Date
    /// Tonight's record: the response, or the revisit record of a 304.
    public var warc: WARCLocation?
    public var etag: String?
    public var lastModified: String?
    /// The earlier response a 304 stands for.
    public var revisited: StoredCapture?

    public init(url: String, status: Int, fetchedAt: Date, warc: WARCLocation?, etag: String?, lastModified: String?,
                revisited: StoredCapture? = nil) {
        self.url = url
        self.status = status
        self.fetchedAt = fetchedAt
        self.warc = warc
        self.etag = etag
        self.lastModified = lastModified
        self.revisited = revisited
    }

    init(_ page: CrawledPage) {
        self.init(url: page.requestedURL, status: page.status, fetchedAt: page.fetchedAt, warc: page.warc, etag: page.etag,
                  lastModified: page.lastModified, revisited: page.revisited)
    }
}
