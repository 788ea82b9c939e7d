import XCTest
@testable import Detect

final class ServiceTests: XCTestCase {
    func testLevelsFromWordingDigitsAndSubmitActions() throws {
        let dvc = "https://dichvucong.sonla.gov.vn"
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022,
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
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022, portalHosts: ["snv.sonla.gov.vn"],
                                    serviceHosts: [], isServiceURL: { $0.contains("/dvc/") })
        portal.consume(Fixture.page("services/dvc-list.html", url: "https://snv.sonla.gov.vn/dvc/danh-sach"))
        let findings = portal.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.services.total, 5)
        XCTAssertEqual(findings.news.count, 0)
    }
}

final class ServiceListTests: XCTestCase {
    func testCardsWithoutTableOnAServiceHost() {
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .district, year: 2023,
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
        let portal = PortalAnalyzer(rules: Fixture.rules, tier: .district, year: 2023, portalHosts: ["mocchau.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-cards.html", url: "https://mocchau.sonla.gov.vn/tin-tuc"))
        XCTAssertEqual(portal.finish(CrawlCoverage(complete: true)).services.total, 0)
    }
}

/// A list that shows only "Nộp hồ sơ" buttons, and the procedures' own pages.
final class ServiceDetailPageTests: XCTestCase {
    let dvc = "https://dichvucong.sonla.gov.vn"

    func portal(rules: RuleSet = Fixture.rules, details: Bool = true) -> ServiceFindings {
        let portal = PortalAnalyzer(rules: rules, tier: .province, year: 2020,
                                    portalHosts: ["soyte.sonla.gov.vn"], serviceHosts: ["dichvucong.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-button-list.html", url: dvc + "/dvc/thu-tuc?coquan=syt"))
        if details {
            for (number, code) in [(1, "1.001907"), (2, "1.002032"), (3, "1.004616")] {
                portal.consume(Fixture.page("services/chi-tiet-\(number).html", url: dvc + "/dvc/chi-tiet?ma=\(code)"))
            }
        }
        return portal.finish(CrawlCoverage(complete: true)).services
    }

    func testTheProceduresOwnPageOverridesTheButton() throws {
        let listOnly = portal(details: false)
        XCTAssertEqual(listOnly.level3, 3, "three «Nộp hồ sơ» buttons")
        XCTAssertEqual(listOnly.inferredLevel3, 3)
        XCTAssertEqual(listOnly.level4, 0)

        let services = portal()
        XCTAssertEqual(services.total, 4)
        XCTAssertEqual(services.level4, 1, "«Mức độ: Dịch vụ công trực tuyến toàn trình» on its page")
        XCTAssertEqual(services.level3, 2, "«Mức độ: Mức độ 3» on its page, and one left inferred")
        XCTAssertEqual(services.inferredLevel3, 1, "«một phần» inside a sentence states no level")
        XCTAssertEqual(services.fromDetailPages, 2)
        let clinic = try XCTUnwrap(services.list?.first { $0.name.hasPrefix("Cấp giấy phép hoạt động") })
        XCTAssertEqual(clinic.level, 4)
        XCTAssertEqual(clinic.wording, "toan-trinh")
        XCTAssertFalse(clinic.inferred)
        XCTAssertNil(services.toanTrinh, "43/2011 reports levels")
    }

    func testDecree42ReportsToanTrinhAndMotPhan() throws {
        let services = portal(rules: try RuleSet.load(named: "nd-42-2022"))
        XCTAssertEqual(services.toanTrinh, services.level4)
        XCTAssertEqual(services.motPhan, services.level3)
        XCTAssertEqual(services.toanTrinh, 1)
        XCTAssertEqual(services.motPhan, 2)
    }

    /// A procedure's page ends with a "Nộp hồ sơ trực tuyến" button to the
    /// submission form: the button is not one more procedure, and the page
    /// still states the level of the procedure it describes.
    func testASubmitButtonOnTheProceduresPageIsNotAProcedure() throws {
        let portal = PortalAnalyzer(rules: try RuleSet.load(named: "nd-42-2022"), tier: .province, year: 2025,
                                    portalHosts: ["soyte.sonla.gov.vn"], serviceHosts: ["dichvucong.sonla.gov.vn"])
        portal.consume(Fixture.page("services/dvc-button-only.html", url: dvc + "/dvc/thu-tuc?coquan=syt"))
        portal.consume(Fixture.page("services/chi-tiet-nop.html", url: dvc + "/dvc/chi-tiet?ma=1.002425"))
        let services = portal.finish(CrawlCoverage(complete: true)).services
        XCTAssertEqual(services.total, 1, services.list?.map(\.name).joined(separator: "; ") ?? "")
        XCTAssertEqual(services.toanTrinh, 1, "«Mức độ: Dịch vụ công trực tuyến toàn trình» on its page")
        XCTAssertEqual(services.motPhan, 0)
        XCTAssertEqual(services.fromDetailPages, 1)
    }
}
