@testable import Crawl
import Fetch
import Foundation
import HTML
import SiteServer
import TestSupport
import XCTest

/// Collects what the engine hands to the detectors.
final class RecordingObserver: CrawlObserver {
    var pages: [CrawledPage] = []
    var events: [LinkEvent] = []

    func crawled(_ page: CrawledPage) {
        // Keep facts only: the document is released as in a real run; what it
        // shows stays as the page's text (the engine hands a parsed page without its text).
        var copy = page
        copy.decoded = page.decoded ?? page.document.map { DecodedText($0.visibleText()) }
        copy.document = nil
        pages.append(copy)
    }

    func link(_ event: LinkEvent) { events.append(event) }

    var urls: Set<String> { Set(pages.map(\.url)) }

    var documents: [(url: String, anchor: String)] {
        events.compactMap { if case .document(let url, let anchor, _) = $0 { return (url, anchor) } else { return nil } }
    }
}

/// A small site described as path → response, served over real HTTP.
final class FixtureSite {
    let server: SiteServer
    private let lock = NSLock()
    private var _requests: [String] = []

    var requests: [String] {
        lock.lock(); defer { lock.unlock() }
        return _requests
    }

    init(host: String = "127.0.0.1", routes: [String: SiteResponse]) throws {
        let box = RequestLog()
        server = try SiteServer.start(host: host) { request in
            box.record(request)
            return routes[request.uri] ?? routes[request.path] ?? .notFound
        }
        log = box
    }

    private let log: RequestLog
    var requestLog: [String] { log.uris }

    var base: String { server.baseURL }

    deinit { server.stop() }
}

func page(_ title: String, links: [(String, String)] = [], body: String = "") -> SiteResponse {
    let anchors = links.map { "<li><a href=\"\($0.0)\">\($0.1)</a></li>" }.joined()
    return .html("<!DOCTYPE html><html><head><title>\(title)</title></head><body><ul class=\"menu\">\(anchors)</ul>\(body)</body></html>")
}

func fastSettings(maxPages: Int = 200) -> CrawlSettings {
    var settings = CrawlSettings()
    settings.maxPages = maxPages
    settings.delayMilliseconds = 0
    settings.perHostConnections = 4
    return settings
}

func fastConfiguration() -> FetchConfiguration {
    var configuration = FetchConfiguration()
    configuration.perHostDelayMilliseconds = 0
    configuration.perHostConnections = 4
    configuration.totalTimeoutSeconds = 20
    configuration.maxRetries = 0
    return configuration
}

