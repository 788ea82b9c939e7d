import XCTest
@testable import Detect

/// The stricter items of Nghị định 42/2022 on the eGov-style department
/// portal of PortalItemsTests. Expected states were decided by reading the pages.
final class Decree42Tests: XCTestCase {
    let site = "https://soyte.sonla.gov.vn"
    let rules = try! RuleSet.load(named: "nd-42-2022")

    func analyzer() -> PortalAnalyzer {
        PortalAnalyzer(rules: rules, tier: .province, year: 2022, portalHosts: ["soyte.sonla.gov.vn"],
                       agency: AgencyIdentity(name: "Sở Y tế", code: "SYT"))
    }

    func findings(_ pages: [(String, String, [String])]) -> PortalFindings {
        let portal = analyzer()
        for (file, path, anchors) in pages { portal.consume(Fixture.page(file, url: site + path, anchors: anchors)) }
        return portal.finish(CrawlCoverage(complete: true))
    }

    func testEveryItemOfTheDecreeGetsAState() {
        let result = findings([("egov/home.html", "/", [])])
        XCTAssertEqual(result.sections.count, 25)
        XCTAssertEqual(result.rules, "nd-42-2022.2")
        XCTAssertNil(result.section("gioi-thieu.lich-su"), "not an item of the reference")
    }

    func testDocumentListMustShowNumberIssuerDateAndSummary() throws {
        let full = try XCTUnwrap(findings([("egov/van-ban.html", "/van-ban", ["Văn bản"])]).section("van-ban"))
        XCTAssertEqual(full.state, .present)
        XCTAssertTrue(full.evidence?.contains("cơ quan ban hành") ?? false, full.evidence ?? "")
        XCTAssertTrue(full.evidence?.contains("108/TB-SYT") ?? false, full.evidence ?? "")

        let bare = try XCTUnwrap(findings([("egov/district-van-ban.html", "/van-ban", ["Văn bản"])]).section("van-ban"))
        XCTAssertEqual(bare.state, .absent, "numbers, dates and summaries but no issuer")
        XCTAssertTrue(bare.reason?.contains("thiếu cơ quan ban hành") ?? false, bare.reason ?? "")
    }

    func testEnglishVersionMustCarryStructureAndContacts() throws {
        let homeOnly = try XCTUnwrap(findings([("egov/en-home.html", "/web/syt-eng/", ["English"])]).section("tieng-nuoc-ngoai"))
        XCTAssertEqual(homeOnly.state, .inconclusive, "English with contacts in its footer; its other English pages not read")
        XCTAssertTrue(homeOnly.reason?.contains("còn thiếu cơ cấu tổ chức") ?? false, homeOnly.reason ?? "")
        XCTAssertTrue(homeOnly.reason?.contains("syt@sonla.gov.vn") ?? false, homeOnly.reason ?? "")

        let both = try XCTUnwrap(findings([
            ("egov/en-home.html", "/web/syt-eng/", ["English"]),
            ("egov/en-organization.html", "/web/syt-eng/organizational-structure", ["Organizational structure"]),
        ]).section("tieng-nuoc-ngoai"))
        XCTAssertEqual(both.state, .present)
        let evidence = try XCTUnwrap(both.evidence)
        XCTAssertTrue(evidence.contains("/web/syt-eng/organizational-structure"), evidence)
        XCTAssertTrue(evidence.contains("syt@sonla.gov.vn"), evidence)
    }

    func testQuestionsMustShowTheirStatusOrAnswers() throws {
        let answered = try XCTUnwrap(findings([("egov/hoi-dap-tra-loi.html", "/hoi-dap", ["Hỏi đáp"])]).section("hoi-dap"))
        XCTAssertEqual(answered.state, .present)
        XCTAssertTrue(answered.evidence?.contains("Trạng thái: Đã trả lời") ?? false, answered.evidence ?? "")

        let placeholder = try XCTUnwrap(findings([("egov/hoi-dap.html", "/hoi-dap", ["Hỏi đáp"])]).section("hoi-dap"))
        XCTAssertEqual(placeholder.state, .absent)
    }

    func testLinksToTheNationalServicePortalAndSocialNetworks() throws {
        let result = findings([("egov/home.html", "/", [])])
        let national = try XCTUnwrap(result.section("dich-vu-cong.lien-ket-quoc-gia"))
        XCTAssertEqual(national.state, .present)
        XCTAssertTrue(national.evidence?.contains("https://dichvucong.gov.vn/") ?? false, national.evidence ?? "")
        XCTAssertEqual(national.anchor, "Cổng Dịch vụ công quốc gia", "the banner image's alt")
        XCTAssertEqual(result.section("tuong-tac.mang-xa-hoi")?.state, .present, "an icon-only link to facebook.com")
        XCTAssertEqual(result.section("du-lieu-mo")?.state, .absent)
        let openData = try XCTUnwrap(result.section("du-lieu-mo")?.reason)
        XCTAssertTrue(openData.contains("Dữ liệu mở"), openData)
    }

    func testNamedLiaisonWithPhoneAndEmail() throws {
        let liaison = try XCTUnwrap(findings([("egov/nguoi-phat-ngon.html", "/nguoi-phat-ngon", ["Người phát ngôn"])])
            .section("gioi-thieu.dau-moi"))
        XCTAssertEqual(liaison.state, .present)
        XCTAssertTrue(liaison.evidence?.contains("Lò Văn Mừng") ?? false, liaison.evidence ?? "")
        // Leaders named without a phone or an e-mail are not liaison officials.
        let leaders = try XCTUnwrap(findings([("egov/en-organization.html", "/dau-moi-lien-he", ["Đầu mối liên hệ"])])
            .section("gioi-thieu.dau-moi"))
        XCTAssertEqual(leaders.state, .absent)
    }

    func testRatingFormAndPrintControl() throws {
        let result = findings([("egov/tham-do.html", "/tin-tuc", []), ("egov/hoi-dap.html", "/hoi-dap", ["Hỏi đáp"])])
        let rating = try XCTUnwrap(result.section("tuong-tac.danh-gia"))
        XCTAssertEqual(rating.state, .present)
        XCTAssertEqual(rating.anchor, "Đánh giá mức độ hài lòng")
        XCTAssertTrue(rating.evidence?.contains("3 ô lựa chọn") ?? false, rating.evidence ?? "")
        let print = try XCTUnwrap(result.section("chuc-nang.in-luu"))
        XCTAssertEqual(print.state, .present)
        XCTAssertTrue(print.evidence?.contains("In trang") ?? false, print.evidence ?? "")
    }
}
