import Crawl
import Fetch
import Foundation
import SiteServer
import TestSupport
import XCTest

/// A 304 answer in the evidence: written as a revisit record, and the body it
/// stands for read back from the earlier response record.
final class RevisitEvidenceTests: XCTestCase {
    func testARevisitPointsAtTheEarlierResponseWhoseBodyReadsBack() async throws {
        let folder = makeTemporaryFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("tin-tuc"), withIntermediateDirectories: true)
        let home = "<html><head><title>Sở Nội vụ</title></head><body><a href=\"/tin-tuc/\">Tin tức</a></body></html>"
        let news = "<html><body><h1>Tin tức, sự kiện</h1><p>Hội nghị triển khai nhiệm vụ năm 2020.</p></body></html>"
        try home.write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try news.write(to: site.appendingPathComponent("tin-tuc/index.html"), atomically: true, encoding: .utf8)
        let server = try SiteServer.start(handler: try StaticSite(root: site).handler)
        defer { server.stop() }
        try await Fetcher.withFetcher(configuration: FetchConfiguration()) { fetcher in

            let night1 = folder.appendingPathComponent("night1.warc.gz")
            let writer1 = try WARCWriter(url: night1, software: "portal-audit test")
            let first = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/")).get()
            let second = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/tin-tuc/")).get()
            try writer1.write(first)
            let newsLocation = try writer1.write(second)
            try writer1.close()

            let etag = try XCTUnwrap(second.header("ETag"))
            let capture = StoredCapture(file: night1, offset: newsLocation.offset, url: second.url, date: second.fetchedAt, etag: etag, lastModified: nil)
            let again = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/tin-tuc/", headers: [("If-None-Match", etag)])).get()
            XCTAssertEqual(again.status, 304)
            let night2 = folder.appendingPathComponent("night2.warc.gz")
            let writer2 = try WARCWriter(url: night2, software: "portal-audit test")
            let revisit = try writer2.writeRevisit(again, refersTo: capture)
            try writer2.close()

            // The body is the second record of night 1, not the first or the whole file.
            let stored = try WARCRecordReader.response(in: night1, at: capture.offset)
            XCTAssertEqual(stored.status, 200)
            XCTAssertEqual(String(decoding: stored.body, as: UTF8.self), news)
            XCTAssertEqual(stored.targetURI, second.url)
            XCTAssertEqual(String(decoding: try WARCRecordReader.response(in: night1, at: 0 + (try offsetOfFirstResponse(night1))).body, as: UTF8.self), home)

            let records = String(decoding: try Gzip.decompress(Data(contentsOf: night2)), as: UTF8.self)
            XCTAssertTrue(records.contains("WARC-Type: revisit\r\n"))
            XCTAssertTrue(records.contains("WARC-Profile: http://netpreserve.org/warc/1.1/revisit/server-not-modified\r\n"))
            XCTAssertTrue(records.contains("WARC-Refers-To-Target-URI: \(second.url)\r\n"))
            XCTAssertTrue(records.contains("WARC-Refers-To-Date: "))
            XCTAssertTrue(records.contains("HTTP/1.1 304 Not Modified\r\n"))
            XCTAssertThrowsError(try WARCRecordReader.response(in: night2, at: revisit.offset), "a revisit holds no body")
            let index = try String(contentsOf: folder.appendingPathComponent("night2.cdxj"), encoding: .utf8)
            XCTAssertTrue(index.contains("\"mime\": \"warc/revisit\"") && index.contains("\"status\": \"304\""), index)
        }
    }

    /// The first response record follows the warcinfo record: its offset is in the index.
    private func offsetOfFirstResponse(_ warc: URL) throws -> Int {
        let index = try String(contentsOf: warc.deletingPathExtension().deletingPathExtension().appendingPathExtension("cdxj"), encoding: .utf8)
        let offsets = try index.split(separator: "\n").map { line -> Int in
            let json = try JSONSerialization.jsonObject(with: Data(line[line.firstIndex(of: "{")!...].utf8)) as! [String: String]
            return Int(json["offset"]!)!
        }
        return try XCTUnwrap(offsets.min())
    }
}
