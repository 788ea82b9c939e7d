@testable import Crawl
import Fetch
import Foundation
import HTML
import SiteServer
import XCTest

/// Collects what the engine hands to the detectors.
final class RecordingObserver: CrawlObserver {
    var pages: [CrawledPage] = []
    var events: [LinkEvent] = []

    func crawled(_ page: CrawledPage) {
        // Keep facts only: the document is released as in a real run.
        var copy = page
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
            box.append(request.uri)
            return routes[request.uri] ?? routes[request.path] ?? .notFound
        }
        log = box
    }

    private let log: RequestLog
    var requestLog: [String] { log.all }

    var base: String { server.baseURL }

    deinit { server.stop() }
}

final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func append(_ uri: String) { lock.lock(); entries.append(uri); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return entries }
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

func fastFetcher() -> Fetcher {
    var configuration = FetchConfiguration()
    configuration.perHostDelayMilliseconds = 0
    configuration.perHostConnections = 4
    configuration.totalTimeoutSeconds = 20
    configuration.maxRetries = 0
    return Fetcher(configuration: configuration)
}

func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("portal-audit-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a Python tool (warcio) and returns its exit status and output.
func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
