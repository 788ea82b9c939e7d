import XCTest
import HTML
@testable import Detect

/// Items of Nghị định 42/2022 as portals draw them outside the usual
/// menu-page-content shape: share buttons, headings inside other pages,
/// lists without links, empty tables, banners, English pages, search boxes.
final class Decree42PatternTests: XCTestCase {
    let site = "https://sotaichinh.sonla.gov.vn"
    let rules = try! RuleSet.load(named: "nd-42-2022")

    func page(title: String = "Sở Tài chính tỉnh Sơn La", _ content: String, sidebar: String = "", lang: String = "vi") -> String {
        """
        <!DOCTYPE html><html lang="\(lang)"><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <a class="skip" href="#main">Truy cập nội dung luôn</a>
        <header class="header"><a href="/"><img src="/logo.png" alt="Sở Tài chính"></a></header>
        <nav class="menu"><a href="/">Trang chủ</a> <a href="/gioi-thieu">Giới thiệu</a></nav>
        <div class="wrap"><div id="main" class="main">\(content)</div><aside class="sidebar">\(sidebar)</aside></div>
        <footer>Sở Tài chính tỉnh Sơn La. Địa chỉ: số 8 đường Tô Hiệu. Điện thoại: 0212.3852.000</footer></body></html>
        """
    }

    func findings(_ pages: [(path: String, html: String, anchors: [String])], portal: String? = nil) -> PortalFindings {
        let analyzer = PortalAnalyzer(rules: rules, tier: .province, year: 2025, portalHosts: [portal ?? site])
        for (path, html, anchors) in pages {
            let url = (portal.map { URLParts($0).map { "https://" + $0.host } ?? site } ?? site) + path
            analyzer.consume(PageInput(url: url, fetchedAt: Fixture.capturedAt, document: HTMLDocument(html: html, url: url),
                                       contentType: "text/html", depth: 1, inboundAnchors: anchors))
        }
        return analyzer.finish(CrawlCoverage(complete: true))
    }

    let running = "<p>Sở Tài chính tổ chức hội nghị triển khai nhiệm vụ quản lý ngân sách nhà nước năm 2025 với sự tham gia của các đơn vị.</p>"

    func testShareButtonsAreNotTheAgencysSocialAccount() throws {
        let share = """
            <div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fsotaichinh.sonla.gov.vn%2Ftin%2F1">Facebook</a>
            <a href="https://sp.zalo.me/share_inline?url=https%3A%2F%2Fsotaichinh.sonla.gov.vn%2Ftin%2F1">Zalo</a>
            <a href="https://twitter.com/intent/tweet?url=x"><img src="/tw.png" alt="Twitter"></a></div>
            """
        let shared = try XCTUnwrap(findings([("/tin/1", page("<h1>Hội nghị ngân sách</h1>" + running + share), [])])
            .section("tuong-tac.mang-xa-hoi"))
        XCTAssertEqual(shared.state, .absent, shared.evidence ?? shared.reason ?? "")

        let fanpage = "<a href=\"https://www.facebook.com/sotaichinhsonla\">Fanpage Sở Tài chính</a>"
        let own = try XCTUnwrap(findings([("/", page(running, sidebar: fanpage + share), [])]).section("tuong-tac.mang-xa-hoi"))
        XCTAssertEqual(own.state, .present)
        XCTAssertTrue(own.evidence?.contains("facebook.com/sotaichinhsonla") ?? false, own.evidence ?? "")
    }

    func testAHeadingInsideAPageNamedOtherwiseNamesTheTableBelowIt() throws {
        let leaders = page(title: "Thông tin lãnh đạo", """
            <h1>Thông tin lãnh đạo</h1>
            <table><tr><th>Họ và tên</th><th>Chức vụ</th></tr><tr><td>Trần Văn Quang</td><td>Giám đốc Sở</td></tr></table>
            <h2>Người phát ngôn và đầu mối cung cấp thông tin</h2>
            <table><tr><th>Họ và tên</th><th>Chức vụ</th><th>Điện thoại</th><th>Thư điện tử</th></tr>
            <tr><td>Vì Thị Thu</td><td>Chánh Văn phòng Sở</td><td>0915.223.441</td><td>vtthu.stc@sonla.gov.vn</td></tr></table>
            <h2>Các phòng chuyên môn</h2><p>Văn phòng Sở, Thanh tra Sở, Phòng Quản lý ngân sách, Phòng Tài chính doanh nghiệp.</p>
            """)
        let liaison = try XCTUnwrap(findings([("/thong-tin-lanh-dao", leaders, ["Thông tin lãnh đạo"])]).section("gioi-thieu.dau-moi"))
        XCTAssertEqual(liaison.state, .present, liaison.reason ?? "")
        XCTAssertEqual(liaison.anchor, "Người phát ngôn và đầu mối cung cấp thông tin")
        XCTAssertTrue(liaison.evidence?.contains("Vì Thị Thu") ?? false, liaison.evidence ?? "")
        XCTAssertFalse(liaison.evidence?.contains("Trần Văn Quang") ?? true, "the leaders' table above the heading is not the section")
    }

    func testAListOfUnitsWithoutLinksIsContentNotAPlaceholder() throws {
        let units = page(title: "Cơ cấu tổ chức", """
            <h1>Cơ cấu tổ chức</h1><h2>Lãnh đạo Sở</h2>
            <table><tr><td>Trần Văn Quang</td><td>Giám đốc Sở</td></tr><tr><td>Lò Thị Hà</td><td>Phó Giám đốc Sở</td></tr></table>
            <h2>Các phòng, đơn vị</h2>
            <ul><li>Văn phòng Sở</li><li>Thanh tra Sở</li><li>Phòng Quản lý ngân sách</li><li>Phòng Tài chính doanh nghiệp</li>
            <li>Phòng Quản lý giá và công sản</li></ul>
            """)
        let structure = try XCTUnwrap(findings([("/co-cau-to-chuc", units, ["Cơ cấu tổ chức"])]).section("gioi-thieu.co-cau-to-chuc"))
        XCTAssertEqual(structure.state, .present, "a skip link to #main beside the list does not make it a placeholder: \(structure.reason ?? "")")

        let dead = page(title: "Cơ cấu tổ chức", """
            <h1>Cơ cấu tổ chức</h1><ul><li><a href="#">Văn phòng Sở</a></li><li><a href="#">Thanh tra Sở</a></li>
            <li><a href="javascript:void(0)">Phòng Quản lý ngân sách</a></li><li><a href="#">Phòng Tài chính doanh nghiệp</a></li></ul>
            """)
        let placeholder = try XCTUnwrap(findings([("/co-cau-to-chuc", dead, ["Cơ cấu tổ chức"])]).section("gioi-thieu.co-cau-to-chuc"))
        XCTAssertEqual(placeholder.state, .absent, "only links that lead nowhere")
        XCTAssertTrue(placeholder.reason?.contains("placeholder") ?? false, placeholder.reason ?? "")
    }

    func testAHeadingOverAnEmptyTableIsNotContent() throws {
        let empty = page(title: "Lấy ý kiến dự thảo văn bản", """
            <h1>Lấy ý kiến dự thảo văn bản</h1>
            <table><tr><th>Tên dự thảo</th><th>Ngày bắt đầu</th><th>Hạn góp ý</th></tr>
            <tr><td colspan="3">Hiện không có dự thảo nào đang lấy ý kiến.</td></tr></table>
            """)
        let drafts = try XCTUnwrap(findings([("/lay-y-kien-du-thao", empty, ["Lấy ý kiến dự thảo"])]).section("gop-y"))
        XCTAssertEqual(drafts.state, .absent)
        XCTAssertTrue(drafts.reason?.contains("Không có dự thảo") ?? false, drafts.reason ?? "")
    }

    func testImageBannersToOtherAgenciesAreLinksWithoutAHeading() throws {
        let banners = """
            <div class="banner"><a href="https://mof.gov.vn/"><img src="/b/btc.png" alt="Bộ Tài chính"></a></div>
            <div class="banner"><a href="https://sonla.gov.vn/"><img src="/b/sonla.png" alt="Cổng TTĐT tỉnh Sơn La"></a></div>
            <div class="banner"><a href="https://khobacsonla.vn/"><img src="/b/kb.png" title="Kho bạc Nhà nước Sơn La"></a></div>
            <div class="banner"><a href="https://www.facebook.com/sotaichinhsonla"><img src="/b/fb.png" alt="Facebook"></a></div>
            """
        let linked = try XCTUnwrap(findings([("/", page(running, sidebar: banners), [])]).section("chuc-nang.lien-ket"))
        XCTAssertEqual(linked.state, .present, linked.reason ?? "")
        XCTAssertTrue(linked.evidence?.contains("3 liên kết tới website cơ quan khác") ?? false, linked.evidence ?? "")
        XCTAssertTrue(linked.evidence?.contains("Kho bạc Nhà nước Sơn La") ?? false, "named by the image's title")

        let two = findings([("/", page(running, sidebar: banners.replacingOccurrences(of: "https://mof.gov.vn/", with: "/gioi-thieu")), [])])
        XCTAssertEqual(two.section("chuc-nang.lien-ket")?.state, .absent, "two agencies and a social network are not three agencies")
    }

    func testASiblingPortalOnASharedHostIsAnotherSite() throws {
        let shared = "https://congxa.sonla.gov.vn/xa-chieng-mung/"
        let block = page("""
            <div class="block"><h3 class="title">Liên kết website</h3><ul>
            <li><a href="https://sonla.gov.vn/">Cổng TTĐT tỉnh Sơn La</a></li>
            <li><a href="https://congxa.sonla.gov.vn/xa-mai-son/">UBND xã Mai Sơn</a></li>
            <li><a href="https://congxa.sonla.gov.vn/xa-chieng-mung/gioi-thieu">Giới thiệu xã</a></li>
            <li><a href="https://sonoivu.sonla.gov.vn/">Sở Nội vụ</a></li></ul></div>
            """ + running)
        let linked = try XCTUnwrap(findings([("/xa-chieng-mung/", block, [])], portal: shared).section("chuc-nang.lien-ket"))
        XCTAssertEqual(linked.state, .present, linked.reason ?? "")
        XCTAssertTrue(linked.evidence?.contains("3 liên kết tới website khác") ?? false, linked.evidence ?? "")
    }

    func testEnglishPageCountedAsWrittenWithoutFoldingVietnamese() throws {
        let english = page(title: "Organisational structure", """
            <h1>Organisational structure</h1>
            <p>Son La Department of Finance advises the Provincial People's Committee on budget, prices and public assets.</p>
            <ul><li>Office</li><li>Inspectorate</li><li>Budget Management Division</li><li>Enterprise Finance Division</li></ul>
            <p>Address: 8 To Hieu street, Son La. Tel: +84 212 3852000. Email: stc@sonla.gov.vn</p>
            """)
        let found = try XCTUnwrap(findings([("/en/organisation", english, ["English"])]).section("tieng-nuoc-ngoai"))
        XCTAssertEqual(found.state, .present, found.reason ?? "")

        // Folded, "thế", "tổ", "và", "in ấn" would read as "the", "to", "va", "in".
        let vietnamese = page(title: "Tiếng Anh", """
            <h1>English</h1><p>Thế mạnh của tổ chức là in ấn tài liệu, tổ chức hội nghị và thế hệ cán bộ trẻ có năng lực.</p>
            <p>Tổ công tác thế nào cũng phải in tài liệu để tổ chức tập huấn cho tổ dân phố, thế là xong.</p>
            """)
        let notEnglish = try XCTUnwrap(findings([("/en/", vietnamese, ["English"])]).section("tieng-nuoc-ngoai"))
        XCTAssertNotEqual(notEnglish.state, .present)
    }

    func testASearchBoxOfTheDocumentsListIsNotSiteSearch() throws {
        let documents = page(title: "Văn bản", """
            <h1>Văn bản</h1><form action="/van-ban" method="get"><input name="keyword" placeholder="Số/ký hiệu, trích yếu">
            <button type="submit">Tìm văn bản</button></form>
            """ + running)
        XCTAssertEqual(findings([("/van-ban", documents, [])]).section("chuc-nang.tim-kiem")?.state, .absent)

        let site = page("<form action=\"/tim-kiem\"><input name=\"keyword\" placeholder=\"Nhập từ khóa\"><button>Tìm kiếm</button></form>" + running)
        XCTAssertEqual(findings([("/", site, [])]).section("chuc-nang.tim-kiem")?.state, .present)
    }
}
