import XCTest
import HTML
@testable import Detect

/// A department portal built like the eGov templates real provinces run:
/// a footer block no class names "footer", an image-only English flag, a
/// draft-documents menu entry, leaders listed only on "Cơ cấu tổ chức", and
/// the decoys real portals carry — a menu entry to a placeholder page, a
/// home block titled after an item with "Đang cập nhật" under it, a visitor
/// counter titled "Thống kê truy cập", menu entries to `#` and `javascript:`.
/// Expected states were decided by reading the pages.
final class PortalItemsTests: XCTestCase {
    let site = "https://soyte.sonla.gov.vn"

    func egov(rules: RuleSet = Fixture.rules, year: Int = 2020) -> PortalFindings {
        let analyzer = PortalAnalyzer(rules: rules, tier: .province, year: year, portalHosts: ["soyte.sonla.gov.vn"],
                                      agency: AgencyIdentity(name: "Sở Y tế", code: "SYT"))
        analyzer.consume(Fixture.page("egov/home.html", url: site + "/"))
        analyzer.consume(Fixture.page("egov/co-cau-to-chuc.html", url: site + "/gioi-thieu/co-cau-to-chuc", anchors: ["Cơ cấu tổ chức"]))
        analyzer.consume(Fixture.page("egov/van-ban-du-thao.html", url: site + "/van-ban-du-thao", anchors: ["Văn\u{200B} bản dự thảo"]))
        analyzer.consume(Fixture.page("egov/van-ban.html", url: site + "/van-ban", anchors: ["Văn bản chỉ đạo điều hành"]))
        analyzer.consume(Fixture.page("egov/hoi-dap.html", url: site + "/hoi-dap", anchors: ["Hỏi đáp"]))
        analyzer.consume(Fixture.page("egov/pbgdpl.html", url: site + "/pho-bien-giao-duc-phap-luat", anchors: ["PBGDPL"]))
        analyzer.consume(Fixture.page("egov/en-home.html", url: site + "/web/syt-eng/"))
        analyzer.consume(Fixture.page("egov/en-organization.html", url: site + "/web/syt-eng/organizational-structure",
                                      anchors: ["Organizational structure"]))
        return analyzer.finish(CrawlCoverage(complete: true))
    }

    func testDraftDocumentsUnderAZeroWidthSpacedMenuLabel() throws {
        let drafts = try XCTUnwrap(egov().section("gop-y"))
        XCTAssertEqual(drafts.state, .present)
        XCTAssertEqual(drafts.url, site + "/van-ban-du-thao")
        XCTAssertTrue(drafts.evidence?.contains("Dự thảo Quyết định ban hành Quy chế làm việc") ?? false, drafts.evidence ?? "")
    }

    func testLeadersListedOnTheStructurePage() throws {
        let leaders = try XCTUnwrap(egov().section("gioi-thieu.lanh-dao"))
        XCTAssertEqual(leaders.state, .present)
        XCTAssertEqual(leaders.url, site + "/gioi-thieu/co-cau-to-chuc")
        XCTAssertEqual(leaders.anchor, "Cơ cấu tổ chức")
        let evidence = try XCTUnwrap(leaders.evidence)
        XCTAssertTrue(evidence.contains("3 người có chức danh"), evidence)
        XCTAssertTrue(evidence.contains("Nguyễn Văn Hùng"), evidence)
    }

    func testAMenuEntryToAPlaceholderIsAbsentAndSaysPlaceholder() throws {
        let questions = try XCTUnwrap(egov().section("hoi-dap"))
        XCTAssertEqual(questions.state, .absent, "the page only says «Nội dung đang được cập nhật»")
        XCTAssertEqual(questions.url, site + "/hoi-dap")
        XCTAssertTrue(questions.reason?.contains("placeholder «Nội dung đang được cập nhật»") ?? false, questions.reason ?? "")
    }

    func testDecoysProveNothing() throws {
        let findings = egov()
        let science = try XCTUnwrap(findings.section("khoa-hoc"))
        XCTAssertEqual(science.state, .absent, "a home block titled «Khoa học công nghệ» over «Đang cập nhật»")
        XCTAssertEqual(findings.section("thong-ke")?.state, .absent, "«Thống kê truy cập» counts visitors; the menu entry is #")
    }

    func testFooterBlockOnEveryPageCarriesTheContacts() throws {
        let contact = try XCTUnwrap(egov().section("gioi-thieu.lien-he"))
        XCTAssertEqual(contact.state, .present)
        XCTAssertEqual(contact.place, "footer")
        let evidence = try XCTUnwrap(contact.evidence)
        XCTAssertTrue(evidence.contains("syt@sonla.gov.vn"), "written syt[at]sonla.gov.vn: \(evidence)")
        XCTAssertTrue(evidence.contains("Số 8, đường Tô Hiệu"), evidence)
    }

    func testAFooterBlockOnOnePageOnlyIsNotTheSitesFooter() {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        analyzer.consume(Fixture.page("egov/home.html", url: site + "/"))
        XCTAssertEqual(analyzer.finish(CrawlCoverage(complete: true)).section("gioi-thieu.lien-he")?.state, .absent)
    }

    func testEnglishVersionBehindAnImageOnlyFlagLink() throws {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        analyzer.consume(Fixture.page("egov/home.html", url: site + "/"))
        analyzer.record(LinkOutcome(url: site + "/web/syt-eng/", anchor: "", outcome: .failed("timeout")))
        let english = try XCTUnwrap(analyzer.finish(CrawlCoverage(complete: true)).section("tieng-nuoc-ngoai"))
        XCTAssertEqual(english.state, .inconclusive, "the flag names the English version; its page did not load")
        XCTAssertEqual(english.anchor, "flag english", "named by the image's file name")

        let fetched = try XCTUnwrap(egov().section("tieng-nuoc-ngoai"))
        XCTAssertEqual(fetched.state, .present)
        XCTAssertTrue(fetched.evidence?.contains("lang=en-us") ?? false, fetched.evidence ?? "")
    }

    func testLawDisseminationCategory() throws {
        let law = try XCTUnwrap(egov().section("tuyen-truyen-phap-luat"))
        XCTAssertEqual(law.state, .present)
        XCTAssertEqual(law.url, site + "/pho-bien-giao-duc-phap-luat")
    }

    func testAbsentSaysWhatWasExamined() throws {
        let statistics = try XCTUnwrap(egov().section("thong-ke"))
        let examined = try XCTUnwrap(statistics.examined)
        XCTAssertEqual(examined.pages, 8)
        XCTAssertTrue(examined.menus.contains("Cơ cấu tổ chức"), "\(examined.menus)")
        XCTAssertTrue(examined.labels.contains("Báo cáo thống kê"))
        let reason = try XCTUnwrap(statistics.reason)
        XCTAssertTrue(reason.contains("8 trang"), reason)
        XCTAssertTrue(reason.contains("«Thống kê»"), reason)
        XCTAssertTrue(reason.contains("menu đã xem"), reason)
    }

    func testPresentCitesTheProvingTextNotTheMenuLabel() throws {
        let structure = try XCTUnwrap(egov().section("gioi-thieu.co-cau-to-chuc"))
        XCTAssertEqual(structure.state, .present)
        XCTAssertEqual(structure.anchor, "Cơ cấu tổ chức")
        let evidence = try XCTUnwrap(structure.evidence)
        XCTAssertTrue(evidence.contains("Bệnh viện Đa khoa tỉnh"), evidence)
    }

    // MARK: - Documents the agency issued

    func testOwnDocumentsFromTheIssuerColumnAndTheCode() throws {
        let documents = egov().documents
        XCTAssertEqual(documents.count, 6, "100/QĐ-SYT of 2021 is another document than 100/QĐ-SYT of 2020")
        XCTAssertEqual(documents.own, 3, "108/TB-SYT and 100/QĐ-SYT by the issuer column, 45/KH – SYT by its code")
        let plan = try XCTUnwrap(documents.list.first { $0.number == "45/KH-SYT" })
        XCTAssertEqual(plan.ownBy, "code")
        XCTAssertEqual(documents.list.first { $0.number == "12/2020/QĐ-UBND" }?.own, false)
        XCTAssertTrue(documents.ownReason?.contains("3/6") ?? false, documents.ownReason ?? "")
    }

    func testADistrictsUBNDNumbersWithoutAnIssuerAreNotGuessed() throws {
        let portal = "https://mocchau.sonla.gov.vn"
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .district, year: 2020, portalHosts: ["mocchau.sonla.gov.vn"],
                                      agency: AgencyIdentity(name: "UBND huyện Mộc Châu", code: "UBND"))
        analyzer.consume(Fixture.page("egov/district-van-ban.html", url: portal + "/van-ban"))
        let documents = analyzer.finish(CrawlCoverage(complete: true)).documents
        XCTAssertEqual(documents.count, 4)
        XCTAssertNil(documents.own)
        let reason = try XCTUnwrap(documents.ownReason)
        XCTAssertTrue(reason.contains("3/4"), reason)
        XCTAssertTrue(reason.contains("UBND"), reason)
        XCTAssertEqual(documents.list.first { $0.number == "06/2020/TT-BYT" }?.own, false)

        let named = PortalAnalyzer(rules: Fixture.rules, tier: .district, year: 2020, portalHosts: ["mocchau.sonla.gov.vn"],
                                   agency: AgencyIdentity(name: "UBND huyện Mộc Châu", code: "UBND"))
        named.consume(Fixture.page("egov/district-van-ban-co-quan.html", url: portal + "/van-ban"))
        let told = named.finish(CrawlCoverage(complete: true)).documents
        XCTAssertEqual(told.count, 3)
        XCTAssertEqual(told.own, 2, "«Ủy ban nhân dân huyện Mộc Châu» is the district; «UBND tỉnh Sơn La» is not")
    }

    func testOwnIsNullWithoutTheAgencysIdentity() throws {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        analyzer.consume(Fixture.page("egov/van-ban.html", url: site + "/van-ban"))
        let documents = analyzer.finish(CrawlCoverage(complete: true)).documents
        XCTAssertEqual(documents.count, 6)
        XCTAssertNil(documents.own)
        let json = try XCTUnwrap(String(data: JSONEncoder().encode(documents), encoding: .utf8))
        XCTAssertTrue(json.contains("\"own\":null"), "written as null, not left out: \(json.prefix(200))")
    }
}

/// Menu entries that lead nowhere: to `#` (which the crawl resolves to the
/// page it is on) or to a page that answers 404.
final class DeadMenuEntryTests: XCTestCase {
    let site = "https://soyte.sonla.gov.vn"

    func testAHashEntryDoesNotNameThePageItSitsOn() throws {
        let page = """
        <html><head><title>Hội nghị giao ban công tác y tế quý IV - Sở Y tế</title></head><body>
        <div id="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="#">Dự án - Đấu thầu</a></li></ul></div>
        <div class="main-content"><h1>Hội nghị giao ban công tác y tế quý IV</h1><p>Đăng ngày 26/12/2020</p>
        <p>Sáng ngày 26/12, Sở Y tế tổ chức hội nghị giao ban công tác quý IV, đánh giá kết quả thực hiện nhiệm vụ năm 2020 và triển khai nhiệm vụ năm 2021.</p></div>
        </body></html>
        """
        let url = site + "/tin-tuc/hoi-nghi-giao-ban-quy-iv-1205.html"
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        // The crawl hands the page the anchors of the links to it, its own "#" entry among them.
        analyzer.consume(PageInput(url: url, document: HTMLDocument(html: page, url: url), inboundAnchors: ["Dự án - Đấu thầu"]))
        let projects = try XCTUnwrap(analyzer.finish(CrawlCoverage(complete: true)).section("du-an-dau-thau"))
        XCTAssertEqual(projects.state, .absent)
        XCTAssertNil(projects.url)
    }

    func testALinkThatAnswers404IsAnAnswerNotADoubt() throws {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        analyzer.consume(Fixture.page("egov/home.html", url: site + "/"))
        analyzer.record(LinkOutcome(url: site + "/hoi-dap", anchor: "Hỏi đáp", outcome: .failed("http-status 404")))
        let questions = try XCTUnwrap(analyzer.finish(CrawlCoverage(complete: true)).section("hoi-dap"))
        XCTAssertEqual(questions.state, .absent)
        XCTAssertTrue(questions.reason?.contains("404") ?? false, questions.reason ?? "")
    }
}

final class PeopleListTests: XCTestCase {
    func testAnArticleNamingOfficialsInCaptionsIsNotAListOfLeaders() throws {
        let site = "https://soyte.sonla.gov.vn"
        let article = """
        <html><head><title>Hội nghị tổng kết công tác y tế năm 2020</title></head><body>
        <div class="main-content"><h1>Hội nghị tổng kết công tác y tế năm 2020</h1><p>Ngày đăng: 28/12/2020</p>
        <p>Sáng ngày 28/12, Sở Y tế tổ chức Hội nghị tổng kết công tác y tế năm 2020 và triển khai nhiệm vụ năm 2021.</p>
        <p>Năm 2020, ngành y tế tỉnh đã hoàn thành và vượt 12 trên 14 chỉ tiêu chuyên môn được giao, kiểm soát tốt dịch bệnh.</p>
        <p>Công tác khám bệnh, chữa bệnh tiếp tục được nâng cao chất lượng, nhiều kỹ thuật mới được triển khai tại tuyến huyện.</p>
        <p>Hội nghị đã biểu dương các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2020.</p>
        <p><img src="/anh/hoi-nghi-1.jpg" alt=""/></p><p>Đồng chí Lò Văn Mừng, Phó Chủ tịch UBND tỉnh phát biểu</p>
        <p><img src="/anh/hoi-nghi-2.jpg" alt=""/></p><p>Đồng chí Nguyễn Văn Hùng, Giám đốc Sở Y tế báo cáo</p>
        <p>Phát biểu chỉ đạo, đồng chí Phó Chủ tịch UBND tỉnh đề nghị ngành y tế tiếp tục đổi mới phong cách phục vụ người bệnh.</p>
        </div></body></html>
        """
        let url = site + "/tin-tuc/hoi-nghi-tong-ket-cong-tac-y-te-nam-2020-1210.html"
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2020, portalHosts: ["soyte.sonla.gov.vn"])
        analyzer.consume(PageInput(url: url, document: HTMLDocument(html: article, url: url)))
        let leaders = try XCTUnwrap(analyzer.finish(CrawlCoverage(complete: true)).section("gioi-thieu.lanh-dao"))
        XCTAssertEqual(leaders.state, .absent, "two officials named in captions of a news article")
    }
}
