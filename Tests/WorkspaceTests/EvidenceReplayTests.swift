import Foundation
import Hummingbird
import Store
import Vocabulary
import Workspace
import XCTest

/// Archived pages served from the nights' WARC files, never from the live portal.
final class EvidenceReplayTests: XCTestCase {
    func testArchivedPageIsServedWithABannerLinksKeptInTheArchiveAndNoScript() async throws {
        let workspace = try await ServedWorkspace.make()
        let night = workspace.history.nights[1]
        let agency = try XCTUnwrap(try workspace.store.agencyNight(run: night, agency: "so-noi-vu"))
        let proof = try XCTUnwrap(agency.items.first { $0.state == .present && $0.url != nil }?.url)
        let portal = try XCTUnwrap(URL(string: proof)?.host)
        try await workspace.serve { web in
            let user = try await web.login("binh")
            // The second night revisited unchanged pages (304): the body comes from the first night.
            let page = try await web.get("/evidence/\(night)/so-noi-vu?url=\(WebClient.encode(proof))", as: user)
            XCTAssertEqual(page.status, .ok)
            let policy = try XCTUnwrap(page.headers[.contentSecurityPolicy])
            XCTAssertTrue(policy.contains("script-src 'none'"), policy)
            XCTAssertTrue(policy.hasSuffix("sandbox allow-same-origin"), "scripts, forms and popups sandboxed away: \(policy)")
            XCTAssertFalse(policy.contains("allow-scripts") || policy.contains("unsafe-eval"), policy)
            XCTAssertTrue(policy.contains("style-src 'self' 'unsafe-inline'") && policy.contains("img-src 'self' data:"), policy)
            XCTAssertTrue(policy.contains("default-src 'none'"), "nothing loads from the live site")
            XCTAssertEqual(page.headers[.xFrameOptions], "DENY")
            XCTAssertTrue(page.text.contains("B&#7843;n l&#432;u ng&#224;y"), "the banner says it is an archived copy")
            XCTAssertTrue(page.text.contains(HTML.asciiEscape(proof)))
            // Every link of the page points back into the archive.
            let links = try NSRegularExpression(pattern: #"\shref="([^"]*)""#).matches(in: page.text, range: NSRange(page.text.startIndex..., in: page.text))
                .compactMap { Range($0.range(at: 1), in: page.text).map { String(page.text[$0]) } }
            XCTAssertFalse(links.isEmpty)
            for link in links where link != "#" && !link.hasPrefix("#") {
                XCTAssertTrue(link.hasPrefix("/evidence/\(night)/so-noi-vu?url="), link)
            }
            XCTAssertFalse(page.text.contains("href=\"http://\(portal)"))

            let never = try await web.get("/evidence/\(night)/so-noi-vu?url=\(WebClient.encode("http://\(portal)/khong-bao-gio-luu.html"))", as: user)
            XCTAssertEqual(never.status, .notFound)
            XCTAssertTrue(never.text.contains("chưa từng được lưu"))
            XCTAssertTrue(never.text.contains("không tải trang từ cổng thông tin đang hoạt động"))
            let otherAgency = try await web.get("/evidence/20000101-000000/so-noi-vu?url=\(WebClient.encode(proof))", as: user)
            XCTAssertEqual(otherAgency.status, .notFound)
            let traversal = try await web.get("/evidence/\(night)/..%2F..%2Fetc?url=\(WebClient.encode(proof))", as: user)
            XCTAssertEqual(traversal.status, .notFound)
        }
    }
}

/// The proving pages' stylesheets, kept in the night's WARC, replayed with their type.
final class EvidenceAssetReplayTests: XCTestCase {
    func testAReplayedPagesStylesheetsAreServedFromTheArchive() async throws {
        let workspace = try await ServedWorkspace.make()
        let night = workspace.history.nights[1]
        let agency = try XCTUnwrap(try workspace.store.agencyNight(run: night, agency: "so-noi-vu"))
        let proof = try XCTUnwrap(agency.items.first { $0.state == .present && $0.url != nil }?.url)
        try await workspace.serve { web in
            let user = try await web.login("binh")
            let page = try await web.get("/evidence/\(night)/so-noi-vu?url=\(WebClient.encode(proof))", as: user)
            XCTAssertEqual(page.status, .ok)
            // What the archived page itself references: every stylesheet link, followed inside the archive.
            let stylesheets = try NSRegularExpression(pattern: #"<link href="([^"]*)" rel="stylesheet""#)
                .matches(in: page.text, range: NSRange(page.text.startIndex..., in: page.text))
                .compactMap { Range($0.range(at: 1), in: page.text).map { String(page.text[$0]).replacingOccurrences(of: "&amp;", with: "&") } }
            XCTAssertFalse(stylesheets.isEmpty, "the snapshot's pages link main.css")
            for stylesheet in stylesheets {
                XCTAssertTrue(stylesheet.hasPrefix("/evidence/\(night)/so-noi-vu?url="), stylesheet)
                let css = try await web.get(stylesheet, as: user)
                XCTAssertEqual(css.status, .ok, stylesheet)
                XCTAssertEqual(css.headers[.contentType]?.hasPrefix("text/css"), true, stylesheet)
                XCTAssertTrue(css.headers[.contentSecurityPolicy]?.contains("script-src 'none'") == true)
                XCTAssertFalse(css.text.isEmpty)
            }
            let anonymous = try await web.get(stylesheets[0])
            XCTAssertEqual(anonymous.status, .seeOther, "archived stylesheets need a session too")
        }
    }
}
