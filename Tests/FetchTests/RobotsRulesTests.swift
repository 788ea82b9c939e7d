import Fetch
import XCTest

final class RobotsRulesTests: XCTestCase {
    private let agent = "portal-audit/0.1 (+mailto:audit@example.invalid)"

    func testMostSpecificGroupAppliesAndStarIsTheFallback() {
        let text = """
        User-agent: *
        Disallow: /

        User-agent: Portal-Audit
        Disallow: /admin
        Crawl-delay: 3

        User-agent: otherbot
        Allow: /
        """
        let ours = RobotsRules.parse(text, userAgent: agent)
        XCTAssertTrue(ours.isAllowed("/tin-tuc"))
        XCTAssertFalse(ours.isAllowed("/admin/users"))
        XCTAssertEqual(ours.crawlDelaySeconds, 3)

        let stranger = RobotsRules.parse(text, userAgent: "somebot/2.0")
        XCTAssertFalse(stranger.isAllowed("/tin-tuc"))
        XCTAssertNil(stranger.crawlDelaySeconds)
    }

    func testLongerAgentNameIsMoreSpecific() {
        let text = """
        User-agent: portal
        Disallow: /a

        User-agent: portal-audit
        Disallow: /b
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertTrue(rules.isAllowed("/a"))
        XCTAssertFalse(rules.isAllowed("/b"))
    }

    func testConsecutiveUserAgentLinesShareAGroupAndSameAgentGroupsMerge() {
        let text = """
        User-agent: googlebot
        User-agent: portal-audit
        Disallow: /private

        User-agent: bingbot
        Disallow: /

        User-agent: portal-audit
        Disallow: /tmp
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertFalse(rules.isAllowed("/private/a"))
        XCTAssertFalse(rules.isAllowed("/tmp/x"))
        XCTAssertTrue(rules.isAllowed("/public"))
    }

    func testLongestMatchWinsAndAllowWinsTies() {
        let text = """
        User-agent: *
        Disallow: /van-ban
        Allow: /van-ban/cong-khai
        Disallow: /a/page
        Allow: /a/page
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertFalse(rules.isAllowed("/van-ban/noi-bo"))
        XCTAssertTrue(rules.isAllowed("/van-ban/cong-khai/1.pdf"))
        XCTAssertTrue(rules.isAllowed("/a/page"))
    }

    func testWildcardsAndEndAnchor() {
        let text = """
        User-agent: *
        Disallow: /*.pdf$
        Disallow: /search*q=
        Disallow: /exact$
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertFalse(rules.isAllowed("/files/a.pdf"))
        XCTAssertTrue(rules.isAllowed("/files/a.pdf?download=1"))
        XCTAssertFalse(rules.isAllowed("/search/tin?page=2&q=son+la"))
        XCTAssertTrue(rules.isAllowed("/search/tin?page=2"))
        XCTAssertFalse(rules.isAllowed("/exact"))
        XCTAssertTrue(rules.isAllowed("/exact/more"))
    }

    func testPercentEncodingIsNormalised() {
        let text = """
        User-agent: *
        Disallow: /tin-tức
        Disallow: /%7Euser
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertFalse(rules.isAllowed("/tin-t%e1%bb%a9c/1"))
        XCTAssertFalse(rules.isAllowed("/~user/page"))
        XCTAssertTrue(rules.isAllowed("/tin-tuc"))
    }

    func testSitemapsAreGlobalAndCommentsAndEmptyDisallowAreIgnored() {
        let text = """
        # comment
        Sitemap: https://sonla.gov.vn/sitemap.xml
        User-agent: *   # everyone
        Disallow:
        Sitemap: https://sonla.gov.vn/news-sitemap.xml
        """
        let rules = RobotsRules.parse(text, userAgent: agent)
        XCTAssertTrue(rules.isAllowed("/anything"))
        XCTAssertEqual(rules.sitemaps, ["https://sonla.gov.vn/sitemap.xml", "https://sonla.gov.vn/news-sitemap.xml"])
    }

    func testRobotsFileItselfIsAlwaysAllowedAndAllowAllAllows() {
        let rules = RobotsRules.parse("User-agent: *\nDisallow: /\n", userAgent: agent)
        XCTAssertFalse(rules.isAllowed("/"))
        XCTAssertTrue(rules.isAllowed("/robots.txt"))
        XCTAssertTrue(RobotsRules.allowAll.isAllowed("/admin"))
        XCTAssertTrue(RobotsRules.parse("", userAgent: agent).isAllowed("/admin"))
    }
}
