import XCTest
import HTML
@testable import Detect

/// The general rules added for the misses of the 2027 held-out corpus
/// (fixtures/holdout-2027/MISSES.md), each with the decoy it must not take.
extension Decree42PatternTests {
    func testALiaisonListedWithHisContactsOnOneLine() throws {
        let contact = page(title: "Liên hệ", """
            <h1>Liên hệ</h1><p>Sở Tài chính tỉnh Sơn La - số 8 đường Tô Hiệu, phường Tô Hiệu.</p>
            <h3>Người phát ngôn, cung cấp thông tin</h3>
            <p>Ông Hoàng Văn Dũng - Chánh Văn phòng Sở - Điện thoại: 0912.345.678 - Email: hvdung.stc@sonla.gov.vn</p>
            """)
        let liaison = try XCTUnwrap(findings([("/lien-he", contact, ["Liên hệ"])]).section("gioi-thieu.dau-moi"))
        XCTAssertEqual(liaison.state, .present, liaison.reason ?? "")
        XCTAssertEqual(liaison.matched, "Người phát ngôn", "the heading named by its first phrase")
        XCTAssertTrue(liaison.evidence?.contains("Hoàng Văn Dũng") ?? false, liaison.evidence ?? "")
        XCTAssertFalse(liaison.evidence?.contains("Dũng Chánh") ?? true, "the name stops where the title starts")

        let commune = page(title: "Liên hệ", """
            <h1>Liên hệ</h1><h2>Đầu mối cung cấp thông tin</h2>
            <p>Bà Lò Thị Thu Hà, Phó Chánh Văn phòng HĐND và UBND phường. Điện thoại: 0915.224.668. Email: lttha.tohieu@sonla.gov.vn</p>
            """)
        let second = try XCTUnwrap(findings([("/lien-he", commune, ["Liên hệ"])]).section("gioi-thieu.dau-moi"))
        XCTAssertEqual(second.state, .present, second.reason ?? "")
        XCTAssertTrue(second.evidence?.contains("Lò Thị Thu Hà") ?? false, second.evidence ?? "")
    }

    func testALeadersListWithoutALiaisonHeadingOrContactsIsNoLiaison() throws {
        // The same one-line shape under a heading that names no liaison, and a
        // liaison heading over a caption: neither is the item.
        let leaders = page(title: "Lãnh đạo Sở", """
            <h1>Lãnh đạo Sở</h1><h3>Lãnh đạo, phụ trách chung</h3>
            <p>Ông Hoàng Văn Dũng - Giám đốc Sở - Điện thoại: 0912.345.678 - Email: hvdung.stc@sonla.gov.vn</p>
            <h3>Người phát ngôn, cung cấp thông tin</h3>
            <p>Đồng chí Hoàng Văn Dũng, Giám đốc Sở phát biểu chỉ đạo tại hội nghị tổng kết công tác năm 2025 của ngành tài chính tỉnh.</p>
            """)
        let liaison = try XCTUnwrap(findings([("/lanh-dao-so", leaders, ["Lãnh đạo Sở"])]).section("gioi-thieu.dau-moi"))
        XCTAssertEqual(liaison.state, .absent, liaison.evidence ?? "")
    }

    func testBoldLeadInsTitleTheRestOfTheirParagraph() throws {
        let intro = page(title: "Giới thiệu chung", """
            <h3>GIỚI THIỆU CHUNG</h3><p>Xã Mường Bám có diện tích tự nhiên 168 km², 21 bản, dân số hơn 14.000 người.</p>
            <p><b>Chức năng, nhiệm vụ:</b> UBND xã tổ chức thi hành pháp luật trên địa bàn, quản lý nhà nước về kinh tế, văn hóa, xã hội, quốc phòng, an ninh ở địa phương.</p>
            <p><strong>Các cơ quan chuyên môn</strong>: Văn phòng HĐND và UBND xã; Phòng Kinh tế; Phòng Văn hóa - Xã hội; Trung tâm Phục vụ hành chính công xã.</p>
            """)
        let found = findings([("/gioithieu.html", intro, ["Giới thiệu chung"])])
        let duties = try XCTUnwrap(found.section("gioi-thieu.chuc-nang-nhiem-vu"))
        XCTAssertEqual(duties.state, .present, duties.reason ?? "")
        XCTAssertEqual(duties.anchor, "Chức năng, nhiệm vụ")
        XCTAssertTrue(duties.evidence?.contains("thi hành pháp luật") ?? false, duties.evidence ?? "")
        let structure = try XCTUnwrap(found.section("gioi-thieu.co-cau-to-chuc"))
        XCTAssertEqual(structure.state, .present, structure.reason ?? "")
        XCTAssertEqual(structure.matched, "Các cơ quan chuyên môn")
    }

    func testBoldWordsInsideRunningTextTitleNothing() throws {
        // Bold inside a sentence, and a bold lead-in without its colon, are emphasis.
        let article = page(title: "Hội nghị", """
            <h1>Hội nghị triển khai nhiệm vụ năm 2025</h1>
            <p>Hội nghị đã thảo luận về <b>chức năng, nhiệm vụ:</b> của các phòng và thống nhất phân công công tác năm 2025 cho toàn thể cán bộ.</p>
            <p><b>Chức năng, nhiệm vụ</b> được quán triệt tới toàn thể cán bộ, công chức của cơ quan trong hội nghị sáng nay tại hội trường.</p>
            """)
        let duties = try XCTUnwrap(findings([("/tin/hoi-nghi-2025", article, [])]).section("gioi-thieu.chuc-nang-nhiem-vu"))
        XCTAssertEqual(duties.state, .absent, duties.evidence ?? "")
    }

    func testAnEnglishPagesTelephoneIsItsPhone() throws {
        let english = page(title: "Department of Agriculture and Environment", """
            <h1>Welcome to the Department of Agriculture and Environment of Son La province</h1>
            <p>Organisational structure: the Director, three Deputy Directors, the Office, the Inspectorate and six divisions.</p>
            <p>Address: 3rd floor, Block 5, Provincial Administrative Centre, To Hieu ward, Son La.</p>
            <p>Telephone: +84 212 3856 555. E-mail: sonnmt@sonla.gov.vn</p>
            """, lang: "en")
        let found = try XCTUnwrap(findings([("/en/Pages/default.aspx", english, ["English"])]).section("tieng-nuoc-ngoai"))
        XCTAssertEqual(found.state, .present, found.reason ?? "")
        XCTAssertTrue(found.evidence?.contains("Telephone: +84 212 3856 555") ?? false, found.evidence ?? "")
    }

    func testTheWordTelephoneWithoutANumberIsNoPhone() throws {
        let english = page(title: "Department of Agriculture and Environment", """
            <h1>Welcome to the Department of Agriculture and Environment of Son La province</h1>
            <p>Organisational structure: the Director, three Deputy Directors, the Office, the Inspectorate and six divisions.</p>
            <p>Address: 3rd floor, Block 5, Provincial Administrative Centre, To Hieu ward, Son La.</p>
            <p>Citizens may ask questions by telephone or in writing; answers are published in the questions section. E-mail: sonnmt@sonla.gov.vn</p>
            """, lang: "en")
        let found = try XCTUnwrap(findings([("/en/Pages/default.aspx", english, ["English"])]).section("tieng-nuoc-ngoai"))
        XCTAssertNotEqual(found.state, .present, found.evidence ?? "")
        XCTAssertTrue(found.reason?.contains("thông tin liên hệ") ?? false, found.reason ?? "")
    }

    func testALabelsPartsInEitherOrderAndASlugWithoutSeparators() throws {
        let plans = page(title: "UBND xã", """
            <table><tr><td><h3>KẾ HOẠCH - CHƯƠNG TRÌNH</h3><ul>
            <li>Kế hoạch phát triển kinh tế - xã hội năm 2025</li><li>Chương trình công tác năm 2025 của UBND xã</li>
            <li>Kế hoạch thực hiện chương trình mục tiêu quốc gia giai đoạn 2021 - 2025</li></ul></td></tr></table>
            """)
        let found = try XCTUnwrap(findings([("/kehoach.html", plans, [])]).section("chien-luoc-quy-hoach"))
        XCTAssertEqual(found.state, .present, found.reason ?? "")
        XCTAssertEqual(found.anchor, "KẾ HOẠCH - CHƯƠNG TRÌNH")

        let bySlug = page(title: "UBND xã", "<h1>Danh mục</h1><p>Quy hoạch sử dụng đất xã Mường Bám đến năm 2030 đã được UBND tỉnh phê duyệt tại Quyết định số 1234/QĐ-UBND.</p>")
        let slugged = try XCTUnwrap(findings([("/quyhoachkehoach.html", bySlug, [])]).section("chien-luoc-quy-hoach"))
        XCTAssertEqual(slugged.state, .present, "quyhoachkehoach is quy-hoach-ke-hoach: \(slugged.reason ?? "")")
    }

    func testAHeadlineNamingAPlanIsNotThePlansSection() throws {
        // A news headline starting with "Kế hoạch": neither a label in any order nor a heading's first phrase.
        let article = page(title: "Tin tức", """
            <h1>Kế hoạch tổ chức Ngày hội văn hóa, thể thao các dân tộc xã Mường Bám năm 2025</h1>
            <h3>Kế hoạch tổ chức Ngày hội, chương trình văn nghệ</h3>
            <p>UBND xã ban hành kế hoạch tổ chức Ngày hội văn hóa, thể thao các dân tộc năm 2025 với nhiều hoạt động văn nghệ, thể thao.</p>
            """)
        let found = try XCTUnwrap(findings([("/tin-tuc/ngay-hoi-van-hoa-123456", article, [])]).section("chien-luoc-quy-hoach"))
        XCTAssertEqual(found.state, .absent, found.evidence ?? "")
    }
}
