@testable import Crawl
import Fetch
import Foundation
import SiteServer
import TestSupport
import XCTest

final class WARCWriterTests: XCTestCase {
    func testSHA1MatchesKnownVectors() {
        XCTAssertEqual(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined(), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(SHA1.digest([UInt8]()).map { String(format: "%02x", $0) }.joined(), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // 56 bytes: the padding needs a second block.
        XCTAssertEqual(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).map { String(format: "%02x", $0) }.joined(),
                       "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        XCTAssertEqual(SHA1.digest(million).map { String(format: "%02x", $0) }.joined(), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        XCTAssertEqual(SHA1.warcDigest([UInt8]()), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
    }

    /// A real crawl's evidence: redirects, gzip, a 404, Vietnamese text; warcio must accept it.
    func testCrawlEvidencePassesWarcioCheckAndIsIndexed() async throws {
        let gzipped = Gzip.compress(Data("<html><head><title>Tin nén</title></head><body>Nội dung nén gzip</body></html>".utf8))
        let site = try FixtureSite(routes: [
            "/": page("Trang chủ Sở Thông tin và Truyền thông", links: [("/cu", "Trang cũ"), ("/nen", "Nén"), ("/mat", "Mất")]),
            "/cu": SiteResponse(status: 301, headers: [("Location", "/moi")]),
            "/moi": page("Trang mới"),
            "/nen": SiteResponse(status: 200, headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], body: .bytes([UInt8](gzipped))),
        ])
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let warc = folder.appendingPathComponent("evidence/so-thu.warc.gz")
        let writer = try WARCWriter(url: warc, software: "portal-audit tests")
        try await Fetcher.withFetcher(configuration: fastConfiguration()) { fetcher in
            let engine = CrawlEngine(fetcher: fetcher, settings: fastSettings(), policy: try URLPolicy.bundled())
            let observer = RecordingObserver()
            _ = await engine.crawl(CrawlTarget(id: "so-thu", name: "Sở Thử", tier: .province, portal: site.base + "/"), evidence: writer, observer: observer)
            try writer.close()

            let check = try runTool(["warcio", "check", "-v", warc.path])
            XCTAssertEqual(check.status, 0, check.output)
            XCTAssertFalse(check.output.contains("invalid"), check.output)

            let index = try String(contentsOf: folder.appendingPathComponent("evidence/so-thu.cdxj"), encoding: .utf8)
            let lines = index.split(separator: "\n")
            XCTAssertEqual(lines.map { $0.split(separator: " ")[0] }, lines.map { $0.split(separator: " ")[0] }.sorted())
            XCTAssertTrue(index.contains("/moi\""))
            XCTAssertTrue(index.contains("\"status\": \"404\""))

            // Every page handed to the detectors points at a record that reads back alone.
            let moi = try XCTUnwrap(observer.pages.first { $0.url.hasSuffix("/moi") }?.warc)
            let handle = try FileHandle(forReadingFrom: warc)
            try handle.seek(toOffset: UInt64(moi.offset))
            let member = try XCTUnwrap(try handle.read(upToCount: moi.length))
            let record = String(decoding: try Gzip.decompress(member), as: UTF8.self)
            XCTAssertTrue(record.hasPrefix("WARC/1.1\r\nWARC-Type: response"))
            XCTAssertTrue(record.contains("WARC-Target-URI: \(site.base)/moi"))
            XCTAssertTrue(record.contains("Trang mới"))
            let nen = try XCTUnwrap(observer.pages.first { $0.url.hasSuffix("/nen") })
            XCTAssertEqual(nen.text?.contains("Nội dung nén gzip"), true)
        }
    }

    func testIndexLargerThanOneRunIsMergedInOrderAndRunsRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdxj-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("site.cdxj")
        var index = CDXJIndex(url: url, runLength: 3)
        let lines = (0..<11).map { "vn,gov,sonla)/tin-tuc/\(($0 * 7) % 11) 2020010100000\($0 % 10) {}" }
        for line in lines { try index.add(line) }
        try index.finish()
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), lines.sorted().joined(separator: "\n") + "\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site.cdxj"], "runs and partial file removed")
    }

    func testAnEmptyCrawlStillWritesAValidFile() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let warc = folder.appendingPathComponent("cut.warc.gz")
        let writer = try WARCWriter(url: warc, software: "tests")
        try writer.close()
        let check = try runTool(["warcio", "check", warc.path])
        XCTAssertEqual(check.status, 0, check.output)
    }
}
