import XCTest
@testable import Detect

final class ServiceTests: XCTestCase {
    func testLevelsFromWordingDigitsAndSubmitActions() throws {
        let dvc = "https://dichvucong.sonla.gov.vn"
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: "province", year: 2022,
                                    portalHosts: ["snv.sonla.gov.vn"], serviceHosts: ["dichvucong.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-list.html", url: dvc + "/dvc/danh-sach?coquan=snv"))
        portal.consume(Fixture.page("services/dvc-list-page2.html", url: dvc + "/dvc/danh-sach?coquan=snv&page=2"))
        let services = portal.finish(CrawlCoverage(complete: true)).services
        XCTAssertEqual(services.total, 7, "the procedure on both pages counts once")
        XCTAssertEqual(services.level4, 3, "Mức độ 4, a bare 4, toàn trình")
        XCTAssertEqual(services.level3, 3, "Mức độ 3, một phần, Nộp hồ sơ")
        XCTAssertEqual(services.inferredLevel3, 1)
        XCTAssertEqual(services.wording, "mot-phan+muc-do+nop-ho-so+toan-trinh")
        XCTAssertTrue(services.partial, "the grid pager posts back with javascript")
        let inferred = try XCTUnwrap(services.list?.first { $0.inferred })
        XCTAssertEqual(inferred.name, "Thủ tục đăng ký hoạt động tín ngưỡng")
        XCTAssertEqual(inferred.url, dvc + "/dvc/chi-tiet?id=105")
        XCTAssertEqual(services.list?.first { $0.name.hasPrefix("Thủ tục thi tuyển") }?.level, 2)
    }

    func testServiceHostPagesAreNotNews() {
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: "province", year: 2022, portalHosts: ["snv.sonla.gov.vn"],
                                    serviceHosts: [], isServiceURL: { $0.contains("/dvc/") })
        portal.consume(Fixture.page("services/dvc-list.html", url: "https://snv.sonla.gov.vn/dvc/danh-sach"))
        let findings = portal.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.services.total, 5)
        XCTAssertEqual(findings.news.count, 0)
    }
}

final class ServiceListTests: XCTestCase {
    func testCardsWithoutTableOnAServiceHost() {
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: "district", year: 2023,
                                    portalHosts: ["mocchau.sonla.gov.vn"], serviceHosts: ["dichvucong.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-cards.html", url: "https://dichvucong.sonla.gov.vn/dvc?donvi=mocchau"))
        let findings = portal.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.section("gioi-thieu.lien-he")?.state, .absent,
                       "the one-stop portal's footer is not the agency's contact")
        let services = findings.services
        XCTAssertEqual(services.level4, 1, "icon alt says toàn trình")
        XCTAssertEqual(services.level3, 2, "một phần, and Nộp hồ sơ inferred")
        XCTAssertEqual(services.inferredLevel3, 1)
        XCTAssertEqual(services.total, 3, "a card with no level wording or action is not an online service")
        XCTAssertFalse(services.list?.contains { $0.name.hasPrefix("Đăng nhập") } ?? true)
    }

    func testCardsOnPortalPagesAreNotRead() {
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: "district", year: 2023, portalHosts: ["mocchau.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-cards.html", url: "https://mocchau.sonla.gov.vn/tin-tuc"))
        XCTAssertEqual(portal.finish(CrawlCoverage(complete: true)).services.total, 0)
    }
}
