@testable import Audit
import Crawl
import Foundation
import Measure
import Store
import TestSupport
import XCTest

final class NightRecordBuilderTests: XCTestCase {
    let runs = URL(fileURLWithPath: "/srv/portal-audit/runs")

    func builder() throws -> NightRecordBuilder {
        NightRecordBuilder(runsFolder: runs, policy: try FlagPolicy.standard())
    }

    func testItemsCountsScoresAndReportedFiguresGoIntoTheNight() throws {
        let measurements = try Fixtures.measurements([Fixtures.soNoiVu, Fixtures.banDanToc])
        let started = Date(timeIntervalSince1970: 1_790_000_000)
        let night = try builder().night(runID: "20261129-020000", startedAt: started, finishedAt: started.addingTimeInterval(900),
                                        measurements: measurements, pages: [:], scores: ["so-noi-vu": 78.9],
                                        reported: ["so-noi-vu": ["news": 210]])
        XCTAssertEqual(night.year, 2020)
        XCTAssertEqual(night.rules, "Nghị định 43/2011/NĐ-CP")
        XCTAssertEqual(night.agencies.map(\.id), ["so-noi-vu", "ban-dan-toc"])
        let noiVu = night.agencies[0]
        XCTAssertEqual(noiVu.items.map { "\($0.item)=\($0.state)" },
                       ["gioi-thieu.co-cau-to-chuc=present", "chi-dao-dieu-hanh.lich-cong-tac=present", "khoa-hoc=absent"])
        XCTAssertEqual(noiVu.items[0].url, "http://127.0.0.3:8043/web/guest/gioi-thieu.co-cau-to-chuc")
        XCTAssertEqual(noiVu.items[2].evidence, "không thấy liên kết, khối hay tiêu đề nào", "an absent item keeps why")
        XCTAssertEqual(noiVu.measured, ["news": 28, "documents": 16, "level3": 10, "level4": 4, "servicesTotal": 25])
        XCTAssertEqual(noiVu.score, 78.9)
        XCTAssertEqual(noiVu.reported, ["news": 210])
        XCTAssertNil(night.agencies[1].score)
        XCTAssertEqual(night.agencies[1].reported, [:])
    }

    func testAPortalThatCouldNotBeAuditedHasNoCounts() throws {
        var down = Fixtures.banDanToc
        down.status = "unreachable"
        down.sections = [("gioi-thieu.co-cau-to-chuc", "inconclusive")]
        let night = try builder().night(runID: "r", startedAt: Date(), finishedAt: Date(), measurements: try Fixtures.measurements([down]), pages: [:])
        XCTAssertEqual(night.agencies[0].status, .unreachable)
        XCTAssertEqual(night.agencies[0].measured, [:], "zero news from a dead portal would read as a drop")
    }

    func testPagesPointAtTheRecordThatHoldsTheirBody() throws {
        let fetched = Date(timeIntervalSince1970: 1_790_000_000)
        let earlier = fetched.addingTimeInterval(-86_400)
        let original = StoredCapture(file: runs.appendingPathComponent("20261128-020000/evidence/so-noi-vu.warc.gz"), offset: 4_693,
                                     url: "http://127.0.0.3:8043/web/guest/trang-chu", date: earlier, etag: "\"a1\"", lastModified: nil)
        let pages = [
            CapturedPage(url: "http://127.0.0.3:8043/web/guest/gioi-thieu", status: 200, fetchedAt: fetched,
                         warc: WARCLocation(file: "so-noi-vu.warc.gz", offset: 2_866, length: 428), etag: "\"b2\"",
                         lastModified: "Sat, 28 Nov 2026 10:00:00 GMT"),
            CapturedPage(url: "http://127.0.0.3:8043/", status: 200, fetchedAt: fetched,
                         warc: WARCLocation(file: "so-noi-vu.warc.gz", offset: 9_000, length: 300), etag: "\"a1\"", lastModified: nil,
                         revisited: original),
        ]
        let night = try builder().night(runID: "20261129-020000", startedAt: fetched, finishedAt: fetched,
                                        measurements: try Fixtures.measurements([Fixtures.soNoiVu]), pages: ["so-noi-vu": pages])
        XCTAssertEqual(night.agencies[0].pages, [
            PageRecord(url: "http://127.0.0.3:8043/web/guest/gioi-thieu", status: 200, capturedAt: fetched,
                       warcFile: "20261129-020000/evidence/so-noi-vu.warc.gz", warcOffset: 2_866, etag: "\"b2\"",
                       lastModified: "Sat, 28 Nov 2026 10:00:00 GMT"),
            PageRecord(url: "http://127.0.0.3:8043/", status: 304, capturedAt: earlier,
                       warcFile: "20261128-020000/evidence/so-noi-vu.warc.gz", warcOffset: 4_693, etag: "\"a1\""),
        ])
    }

    func testCapturesAreOnlyPagesWithValidatorsAndABodyOnDisk() throws {
        let folder = makeTemporaryFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let evidence = folder.appendingPathComponent("20261128-020000/evidence/so-noi-vu.warc.gz")
        try FileManager.default.createDirectory(at: evidence.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0x1f, 0x8b]).write(to: evidence)
        let captured = Date(timeIntervalSince1970: 1_790_000_000)
        func page(_ path: String, file: String = "20261128-020000/evidence/so-noi-vu.warc.gz") -> PageRecord {
            PageRecord(url: "http://127.0.0.3:8043\(path)", status: 200, capturedAt: captured, warcFile: file, warcOffset: 100)
        }
        let night = NightRecord(runID: "20261128-020000", startedAt: captured, year: 2020, rules: "Nghị định 43/2011/NĐ-CP", agencies: [
            AgencyNight(id: "so-noi-vu", name: "Sở Nội vụ", tier: .province, status: .ok, pages: [
                page("/a"), page("/no-validators"), page("/pruned", file: "20261101-020000/evidence/so-noi-vu.warc.gz"),
            ]),
        ])
        let validators = ["http://127.0.0.3:8043/a": HTTPValidators(etag: "\"e1\"", lastModified: nil),
                          "http://127.0.0.3:8043/pruned": HTTPValidators(etag: "\"e3\"", lastModified: nil)]
        let captures = NightRecordBuilder(runsFolder: folder, policy: try FlagPolicy.standard())
            .captures(of: night) { agency in agency == "so-noi-vu" ? validators : [:] }
        XCTAssertEqual(captures["so-noi-vu"], ["http://127.0.0.3:8043/a": StoredCapture(
            file: evidence, offset: 100, url: "http://127.0.0.3:8043/a", date: captured, etag: "\"e1\"", lastModified: nil)])
    }
}
