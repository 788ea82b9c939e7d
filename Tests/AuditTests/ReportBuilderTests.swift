@testable import Audit
import Detect
import Foundation
import Report
import Scoring
@testable import Store
import TestSupport
import XCTest

final class ReportBuilderTests: XCTestCase {
    let night = Date(timeIntervalSince1970: 1_790_000_000)

    func builder() throws -> ReportBuilder {
        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        return ReportBuilder(rules: try RuleSet.load(named: "nd-43-2011"), criteria: criteria.rules, policy: try FlagPolicy.standard())
    }

    func run() -> RunSummary {
        RunSummary(id: "20261129-020000", startedAt: night, year: 2020, rules: "Nghị định 43/2011/NĐ-CP")
    }

    func testAnUnscoredNightHasTheChecklistFiguresTrendAndFlagsButNoRanking() throws {
        let measurements = try Fixtures.measurements([Fixtures.soNoiVu, Fixtures.banDanToc])
        let history = [AgencyHistoryRow(runID: "a", startedAt: night.addingTimeInterval(-86_400), status: .ok, itemsPresent: 2, news: 27,
                                        documents: 16, level3: 10, level4: 4, score: nil, changes: []),
                       AgencyHistoryRow(runID: "b", startedAt: night, status: .ok, itemsPresent: 2, news: 28,
                                        documents: 16, level3: 10, level4: 4, score: nil, changes: [])]
        let flag = Flag(fingerprint: "f", agency: "ban-dan-toc", kind: .missing, subject: "gop-y", reason: .missing(item: "gop-y"),
                        firstSeenRun: "a", firstSeenAt: night.addingTimeInterval(-86_400), lastSeenRun: "b", isOpen: true, closedRun: nil)
        let model = try builder().model(run: run(), measurements: measurements, scoring: nil,
                                        history: ["so-noi-vu": history], flags: ["ban-dan-toc": [flag]])
        XCTAssertEqual(model.title, "Kết quả kiểm tra cổng/trang thông tin điện tử các cơ quan nhà nước tỉnh Sơn La")
        XCTAssertEqual(model.rankings, [])
        XCTAssertEqual(model.averages, [])
        XCTAssertEqual(model.agencies.map(\.id), ["so-noi-vu", "ban-dan-toc"])
        let noiVu = model.agencies[0]
        XCTAssertEqual(noiVu.tierLabel, "CQNN cấp tỉnh")
        let rules = try RuleSet.load(named: "nd-43-2011")
        XCTAssertEqual(noiVu.checklist.map(\.label), ["gioi-thieu.co-cau-to-chuc", "chi-dao-dieu-hanh.lich-cong-tac", "khoa-hoc"].map { id in
            rules.items.first { $0.id == id }!.name
        }, "labels are the rule set's item names")
        XCTAssertEqual(noiVu.checklist.map(\.state), [.present, .present, .absent])
        XCTAssertEqual(noiVu.figures.map(\.key), ["news", "documents", "level3", "level4", "servicesTotal"])
        XCTAssertEqual(noiVu.figures.map(\.label), ["Số tin bài", "Số văn bản", "Số DVC mức độ 3", "Số DVC mức độ 4", "Tổng số DVC"])
        XCTAssertEqual(noiVu.figures.map(\.measured), [28, 16, 10, 4, 25])
        XCTAssertEqual(noiVu.figures.compactMap(\.reported), [])
        XCTAssertEqual(noiVu.trend.map(\.news), [27, 28])
        XCTAssertEqual(noiVu.openFlags, [])
        XCTAssertEqual(model.agencies[1].openFlags, [FlagRow(message: "Thiếu mục Góp ý dự thảo", since: night.addingTimeInterval(-86_400))])
    }

    func testAScoredNightRanksAsRankWritesItAndMarksScorersDiscrepancies() throws {
        let folder = makeTemporaryFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let measurements = try Fixtures.measurements([Fixtures.soNoiVu, Fixtures.banDanToc])
        let criteria = try CriteriaSet.load(packageRoot.appendingPathComponent("criteria/son-la-1535-2019.yaml"))
        let reports = try ReportedFigures.load(packageRoot.appendingPathComponent("reported/2020"), criteria: criteria)
        let scoring = try NightScoring.score(criteria: criteria, reports: reports, previous: nil, measurements: measurements,
                                             audited: ["so-noi-vu", "ban-dan-toc"], year: 2020)
        let model = try builder().model(run: run(), measurements: measurements, scoring: scoring, history: [:], flags: [:])

        XCTAssertEqual(model.rankings.map(\.caption), ["Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp tỉnh"])
        let rows = model.rankings[0].rows
        XCTAssertEqual(Set(rows.map(\.id)), ["so-noi-vu", "ban-dan-toc"], "only audited agencies are ranked")
        let totals = scoring.totals
        for row in rows {
            let score = try XCTUnwrap(totals[row.id])
            XCTAssertEqual(row.score, score)
            let rank = 1 + totals.values.filter { $0 > score }.count
            XCTAssertEqual(row.rankText, String(format: "%02d (%@)", rank, String(format: "%.1f", score).replacingOccurrences(of: ".", with: ",")))
            XCTAssertEqual(row.previousText, "")
            XCTAssertEqual(row.changeText, "")
        }
        XCTAssertEqual(model.levelShares.map(\.years), [[2020]])
        XCTAssertEqual(model.levelShares[0].rows.compactMap { $0.percents.first ?? nil }.reduce(0, +), 100)
        XCTAssertEqual(model.averages.map(\.label), ["CQNN cấp tỉnh", "Toàn tỉnh Sơn La"])

        // Sở Nội vụ reported 210 news; 28 were measured: Scorer's discrepancy, with its evidence.
        let noiVuReport = try XCTUnwrap(reports.first { $0.id == "so-noi-vu" })
        let news = try XCTUnwrap(model.agencies[0].figures.first { $0.key == "news" })
        XCTAssertEqual(news.measured, 28)
        XCTAssertEqual(news.reported, noiVuReport.figures["so-tin-bai"])
        XCTAssertTrue(news.discrepancy)
        XCTAssertEqual(news.discrepancy, scoring.sheet.discrepancies.contains { $0.agency.id == "so-noi-vu" && $0.criterion.inputs.contains("so-tin-bai") })
        XCTAssertEqual(Set(news.evidenceURLs).count, news.evidenceURLs.count, "each evidence URL once")
    }
}
