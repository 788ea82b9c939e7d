import XCTest
import HTML
@testable import Detect

final class SectionTests: XCTestCase {
    let host = "https://snv.sonla.gov.vn"

    /// A department portal on Liferay: menu, home-page blocks, footer, site map.
    func liferay(coverage: CrawlCoverage = CrawlCoverage(complete: true)) -> PortalFindings {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022,
                                      portalHosts: ["snv.sonla.gov.vn"], serviceHosts: ["dichvucong.sonla.gov.vn"])
        analyzer.consume(Fixture.page("liferay/home.html", url: host + "/web/guest/trang-chu"))
        analyzer.consume(Fixture.page("liferay/co-cau-to-chuc.html", url: host + "/web/guest/co-cau-to-chuc",
                                      anchors: ["Cơ cấu tổ chức"]))
        analyzer.consume(Fixture.page("liferay/lanh-ao-so.html", url: host + "/web/guest/lanh-ao-so"))
        analyzer.consume(Fixture.page("liferay/lich-cong-tac.html", url: host + "/web/guest/lich-cong-tac",
                                      anchors: ["Lịch công tác"]))
        analyzer.consume(Fixture.page("liferay/tin-tuc.html", url: host + "/web/guest/tin-tuc-su-kien"))
        analyzer.consume(Fixture.page("liferay/en.html", url: host + "/web/guest/en", anchors: ["English"]))
        analyzer.consume(Fixture.page("liferay/so-do-cong.html", url: host + "/web/guest/so-do-cong"))
        analyzer.consume(Fixture.page("liferay/danh-ba.html", url: host + "/web/guest/danh-ba"))
        analyzer.record(LinkOutcome(url: host + "/web/guest/hoi-ap", anchor: "Hỏi - Đáp", outcome: .failed("timeout")))
        return analyzer.finish(coverage)
    }

    func testEveryApplicableItemGetsAState() {
        let findings = liferay()
        XCTAssertEqual(findings.sections.count, 24)
        XCTAssertNil(findings.section("gioi-thieu.dia-phuong"), "district-only item")
        XCTAssertEqual(findings.pagesAnalysed, 8)
    }

    func testPresentThroughMenuLinkAndConfirmedPage() throws {
        let findings = liferay()
        let structure = try XCTUnwrap(findings.section("gioi-thieu.co-cau-to-chuc"))
        XCTAssertEqual(structure.state, .present)
        XCTAssertEqual(structure.url, host + "/web/guest/co-cau-to-chuc")
        XCTAssertEqual(structure.anchor, "Cơ cấu tổ chức")
        XCTAssertEqual(structure.capturedAt, Fixture.capturedAt)
        XCTAssertEqual(structure.warcRecord, "evidence/test.warc.gz#liferay/co-cau-to-chuc.html")
        XCTAssertNotNil(structure.evidence)
    }

    /// Pages arrive in a different order each night: the evidence does not follow it.
    func testEvidenceIsTheSameWhateverOrderThePagesCome() throws {
        let urls = [host + "/web/guest/co-cau-to-chuc", host + "/web/guest/so-do-to-chuc"]
        var evidence: [String?] = []
        for order in [urls, urls.reversed()] {
            let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022, portalHosts: ["snv.sonla.gov.vn"])
            for url in order {
                analyzer.consume(Fixture.page("liferay/co-cau-to-chuc.html", url: url, anchors: ["Cơ cấu tổ chức"]))
            }
            let finding = try XCTUnwrap(analyzer.finish(CrawlCoverage(complete: true)).section("gioi-thieu.co-cau-to-chuc"))
            XCTAssertEqual(finding.state, .present)
            evidence.append(finding.url)
        }
        XCTAssertEqual(evidence, [urls[0], urls[0]])
    }

    func testSlugWithoutDAndEntityEncodedMenuLabel() throws {
        let leaders = try XCTUnwrap(liferay().section("gioi-thieu.lanh-dao"))
        XCTAssertEqual(leaders.state, .present)
        XCTAssertEqual(leaders.anchor, "Lãnh đạo Sở", "anchor decoded from &#273;… entities, original text kept")
        XCTAssertEqual(leaders.place, "menu")
    }

    func testHomePageBlocksWithTheirContent() throws {
        let findings = liferay()
        let documents = try XCTUnwrap(findings.section("van-ban"))
        XCTAssertEqual(documents.state, .present)
        XCTAssertEqual(documents.place, "block")
        XCTAssertEqual(documents.anchor, "Văn bản mới")
        XCTAssertEqual(documents.url, host + "/web/guest/trang-chu")
        XCTAssertEqual(findings.section("du-an-dau-thau")?.state, .present)
        XCTAssertEqual(findings.section("chuc-nang.lien-ket")?.state, .present, "select of other websites")
        // A block title with no content under it proves nothing.
        XCTAssertEqual(findings.section("chien-luoc-quy-hoach")?.state, .absent)
    }

    func testFooterOnlyContactsAndSiteWideSearch() throws {
        let findings = liferay()
        let contact = try XCTUnwrap(findings.section("gioi-thieu.lien-he"))
        XCTAssertEqual(contact.state, .present)
        XCTAssertEqual(contact.place, "footer")
        XCTAssertTrue(contact.evidence?.contains("sonoivu@sonla.gov.vn") ?? false)
        XCTAssertEqual(findings.section("chuc-nang.tim-kiem")?.state, .present)
    }

    func testSiteMapOnlyItem() throws {
        let findings = liferay()
        XCTAssertEqual(findings.section("chuc-nang.so-do-cong")?.state, .present)
        let directory = try XCTUnwrap(findings.section("danh-ba"))
        XCTAssertEqual(directory.state, .present)
        XCTAssertEqual(directory.place, "sitemap")
        XCTAssertEqual(directory.anchor, "Danh bạ thư điện tử")
    }

    func testEnglishVersion() {
        XCTAssertEqual(liferay().section("tieng-nuoc-ngoai")?.state, .present)
    }

    func testMenuLinkWithoutConfirmingContentIsAbsent() throws {
        let schedule = try XCTUnwrap(liferay().section("chi-dao-dieu-hanh.lich-cong-tac"))
        XCTAssertEqual(schedule.state, .absent, "the page has no dated entries")
        XCTAssertEqual(schedule.url, host + "/web/guest/lich-cong-tac")
        XCTAssertNotNil(schedule.reason)
    }

    func testFailedOrUnfetchedLinksAreInconclusive() throws {
        let findings = liferay()
        let questions = try XCTUnwrap(findings.section("hoi-dap"))
        XCTAssertEqual(questions.state, .inconclusive)
        XCTAssertEqual(questions.url, host + "/web/guest/hoi-ap")
        XCTAssertTrue(questions.reason?.contains("timeout") ?? false)
        let history = try XCTUnwrap(findings.section("gioi-thieu.lich-su"))
        XCTAssertEqual(history.state, .inconclusive, "linked but never fetched")
        XCTAssertEqual(findings.section("chuc-nang.rss")?.state, .inconclusive, "feed announced, not fetched")
    }

    func testMenusSidebarsAndLogosDoNotConfirmAnEmptyPage() {
        let shell = """
        <html><head><title>Hỏi đáp</title></head><body>
        <div class="header"><img src="/logo.png" alt="Logo"></div>
        <div class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
        <li><a href="/tin-tuc">Tin tức</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li></ul></div>
        <aside><h3>Tin mới</h3><ul><li><a href="/a">Tin A về hội nghị tổng kết công tác năm</a> 01/02/2022</li>
        <li><a href="/b">Tin B về tập huấn nghiệp vụ văn thư lưu trữ</a> 02/02/2022</li></ul></aside>
        <div class="content"><h1>Hỏi đáp</h1><p>Chưa có câu hỏi.</p></div>
        <div class="footer">Bản quyền © Sở Nội vụ</div></body></html>
        """
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022, portalHosts: ["snv.sonla.gov.vn"])
        analyzer.consume(PageInput(url: host + "/hoi-dap", document: HTMLDocument(html: shell, url: host + "/hoi-dap")))
        let questions = analyzer.finish(CrawlCoverage(complete: true)).section("hoi-dap")
        XCTAssertEqual(questions?.state, .absent)
        XCTAssertEqual(questions?.url, host + "/hoi-dap")
    }

    func testDeadLinkIsAbsentButBlockedPageIsInconclusive() {
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2022, portalHosts: ["snv.sonla.gov.vn"])
        analyzer.consume(Fixture.page("liferay/home.html", url: host + "/web/guest/trang-chu"))
        analyzer.consume(Fixture.page("liferay/lich-cong-tac.html", url: host + "/web/guest/lich-cong-tac", status: 404))
        analyzer.consume(Fixture.page("liferay/co-cau-to-chuc.html", url: host + "/web/guest/co-cau-to-chuc", status: 403))
        let findings = analyzer.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.section("chi-dao-dieu-hanh.lich-cong-tac")?.state, .absent)
        XCTAssertEqual(findings.section("gioi-thieu.co-cau-to-chuc")?.state, .inconclusive)
        XCTAssertTrue(findings.section("gioi-thieu.co-cau-to-chuc")?.reason?.contains("HTTP 403") ?? false)
    }

    func testAbsentOnlyWhenCoverageIsComplete() {
        XCTAssertEqual(liferay().section("thong-ke")?.state, .absent)
        let early = liferay(coverage: CrawlCoverage(complete: false, stoppedEarlyReason: "page budget"))
        XCTAssertEqual(early.section("thong-ke")?.state, .inconclusive)
        XCTAssertTrue(early.section("thong-ke")?.reason?.contains("page budget") ?? false)
        XCTAssertEqual(early.section("gioi-thieu.co-cau-to-chuc")?.state, .present)
        let unreachable = liferay(coverage: CrawlCoverage(complete: true, portalReachable: false))
        XCTAssertEqual(unreachable.section("thong-ke")?.state, .inconclusive)
    }

    func testNukeVietWithEntitiesNFDAndFeed() throws {
        let site = "https://bdt.sonla.gov.vn"
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .province, year: 2018, portalHosts: ["bdt.sonla.gov.vn"])
        analyzer.consume(Fixture.page("nukeviet/home.html", url: site + "/vi/"))
        analyzer.consume(Fixture.page("nukeviet/contact-nfd.html", url: site + "/vi/contact/"))
        analyzer.consume(Fixture.page("nukeviet/faq.html", url: site + "/vi/faq/"))
        analyzer.consume(Fixture.xml("nukeviet/rss.xml", url: site + "/vi/news/rss/"))
        let findings = analyzer.finish(CrawlCoverage(complete: true))
        let contact = try XCTUnwrap(findings.section("gioi-thieu.lien-he"))
        XCTAssertEqual(contact.state, .present)
        XCTAssertEqual(contact.anchor, "LIÊN HỆ")
        XCTAssertEqual(contact.place, "menu")
        XCTAssertEqual(findings.section("hoi-dap")?.state, .present)
        let directives = try XCTUnwrap(findings.section("chi-dao-dieu-hanh"))
        XCTAssertEqual(directives.state, .present)
        XCTAssertEqual(directives.place, "block")
        XCTAssertEqual(findings.section("chuc-nang.rss")?.state, .present)
        XCTAssertEqual(findings.section("chuc-nang.rss")?.url, site + "/vi/news/rss/")
        XCTAssertEqual(findings.section("chuc-nang.tim-kiem")?.state, .present)
    }

    func testDistrictPortalWithSlugIds() throws {
        let site = "https://thuanchau.sonla.gov.vn"
        let analyzer = PortalAnalyzer(rules: Fixture.rules, tier: .district, year: 2025, portalHosts: ["thuanchau.sonla.gov.vn"])
        analyzer.consume(Fixture.page("slug-id/home.html", url: site + "/"))
        analyzer.consume(Fixture.page("slug-id/dieu-kien-tu-nhien.html", url: site + "/gioi-thieu/dieu-kien-tu-nhien"))
        analyzer.consume(Fixture.page("slug-id/so-do-trang.html", url: site + "/so-do-trang"))
        analyzer.consume(Fixture.page("slug-id/lanh-dao-huyen.html", url: site + "/gioi-thieu/lanh-dao-huyen"))
        let findings = analyzer.finish(CrawlCoverage(complete: true))
        XCTAssertEqual(findings.sections.count, 24)
        XCTAssertNil(findings.section("gioi-thieu.lich-su"), "departments only")
        XCTAssertEqual(findings.section("gioi-thieu.dia-phuong")?.state, .present)
        XCTAssertEqual(findings.section("chuc-nang.so-do-cong")?.state, .present)
        XCTAssertEqual(findings.section("chuc-nang.so-do-cong")?.anchor, "Sơ đồ trang")
        let leaders = try XCTUnwrap(findings.section("gioi-thieu.lanh-dao"))
        XCTAssertEqual(leaders.state, .present)
        XCTAssertEqual(leaders.place, "sitemap")
        XCTAssertEqual(findings.section("chuc-nang.lien-ket")?.state, .inconclusive, "footer link not fetched")
        XCTAssertEqual(findings.section("tin-tuc")?.state, .inconclusive, "menu link not fetched")
    }

    func testFindingsEncodeWithContractKeys() throws {
        let data = try JSONEncoder().encode(liferay())
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = try XCTUnwrap(json["sections"] as? [[String: Any]])
        XCTAssertTrue(sections.allSatisfy { $0["item"] is String && $0["state"] is String })
        XCTAssertNotNil((json["news"] as? [String: Any])?["count"])
        XCTAssertNotNil((json["documents"] as? [String: Any])?["count"])
        XCTAssertNotNil((json["services"] as? [String: Any])?["level3"])
        XCTAssertNotNil((json["services"] as? [String: Any])?["level4"])
    }
}
