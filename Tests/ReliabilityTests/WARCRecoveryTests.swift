import Crawl
import Fetch
import Foundation
import SiteServer
import TestSupport
import XCTest

/// A WARC file cut anywhere still reads up to its last whole record, the cut
/// is detected, and truncating repairs it; corruption never crashes the reader.
final class WARCRecoveryTests: XCTestCase {
    private func writeEvidence(into folder: URL) async throws -> URL {
        let server = try SiteServer.start(handler: FaultSite.healthy)
        defer { server.stop() }
        var configuration = FetchConfiguration()
        configuration.perHostDelayMilliseconds = 0
        return try await Fetcher.withFetcher(configuration: configuration) { fetcher in
            let url = folder.appendingPathComponent("evidence.warc.gz")
            let writer = try WARCWriter(url: url, software: "portal-audit-test")
            for path in ["/", "/tin-tuc", "/lien-he"] {
                try writer.write(try await fetcher.fetch(FetchRequest(url: server.baseURL + path)).get())
            }
            try writer.close()
            return url
        }
    }

    func testACutFileIsDetectedAndRepairedToItsLastWholeRecord() async throws {
        let folder = makeTemporaryFolder("warc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try await writeEvidence(into: folder)
        let whole = try Data(contentsOf: url)
        let full = try WARCRecovery.scan(url)
        XCTAssertEqual(full.types, ["warcinfo"] + Array(repeating: ["response", "request"], count: 3).flatMap { $0 })
        XCTAssertFalse(full.hasTruncatedTail)

        let cut = folder.appendingPathComponent("cut.warc.gz")
        var random = SeededRandom(seed: 3)
        for _ in 0..<60 {
            let length = random.next(in: 1...(whole.count - 1))
            try whole.prefix(length).write(to: cut)
            let scan = try WARCRecovery.scan(cut)
            XCTAssertLessThanOrEqual(scan.validBytes, length)
            XCTAssertEqual(scan.types, Array(full.types.prefix(scan.records)))
            let atBoundary = scan.validBytes == length
            XCTAssertEqual(scan.hasTruncatedTail, !atBoundary)
            let repaired = try WARCRecovery.truncateToLastCompleteRecord(cut)
            XCTAssertEqual(repaired.records, scan.records)
            XCTAssertEqual(try Data(contentsOf: cut).count, scan.validBytes)
            XCTAssertFalse(try WARCRecovery.scan(cut).hasTruncatedTail)
        }
    }

    func testCorruptBytesNeverCrashTheReader() async throws {
        let folder = makeTemporaryFolder("warc-corrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try await writeEvidence(into: folder)
        let whole = [UInt8](try Data(contentsOf: url))
        let full = try WARCRecovery.scan(url)
        let corrupt = folder.appendingPathComponent("corrupt.warc.gz")
        var random = SeededRandom(seed: 5)
        for _ in 0..<300 {
            var bytes = whole
            let position = random.next(in: 0...(bytes.count - 1))
            bytes[position] ^= UInt8(1 << random.next(in: 0...7))
            try Data(bytes).write(to: corrupt)
            let scan = try WARCRecovery.scan(corrupt)
            XCTAssertLessThanOrEqual(scan.records, full.records)
            // Records before the damaged one are all kept.
            XCTAssertLessThanOrEqual(scan.validBytes, bytes.count)
        }
    }
}
