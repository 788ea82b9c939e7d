@testable import Crawl
import Foundation
import XCTest

/// A commune at a path of a shared platform is a target of its own: its crawl
/// keeps to that path; a portal at the root of its host is not restricted.
final class SubsiteScopeTests: XCTestCase {
    let policy = try! URLPolicy.bundled()

    func testASubsiteKeepsToItsPath() {
        let target = CrawlTarget(id: "xa-muong-bu", name: "UBND xã Mường Bú", tier: .commune, portal: "https://xa.sonla.gov.vn/xa-muong-bu/",
                                 services: ["https://dichvucong.sonla.gov.vn/"])
        XCTAssertEqual(target.scopePaths, ["xa.sonla.gov.vn": ["/xa-muong-bu/"]])
        var admission = Admission(normalizer: URLNormalizer(policy: policy), scope: target.scopeHosts, scopePaths: target.scopePaths,
                                  maxPages: 100, maxDepth: 5)
        XCTAssertEqual(admission.check("https://xa.sonla.gov.vn/xa-muong-bu/tin-tuc/", depth: 1),
                       .admit(normalized: "https://xa.sonla.gov.vn/xa-muong-bu/tin-tuc/"))
        XCTAssertEqual(admission.check("https://xa.sonla.gov.vn/xa-muong-bu", depth: 1), .admit(normalized: "https://xa.sonla.gov.vn/xa-muong-bu"))
        XCTAssertEqual(admission.check("https://xa.sonla.gov.vn/xa-muong-bu-cu/", depth: 1), .skip(.scope))
        XCTAssertEqual(admission.check("https://xa.sonla.gov.vn/xa-chieng-hoa/", depth: 1), .skip(.scope))
        XCTAssertEqual(admission.check("https://xa.sonla.gov.vn/", depth: 1), .skip(.scope))
        // The service host listed beside it stays whole.
        XCTAssertEqual(admission.check("https://dichvucong.sonla.gov.vn/thu-tuc", depth: 1),
                       .admit(normalized: "https://dichvucong.sonla.gov.vn/thu-tuc"))
    }

    func testAPortalAtTheRootOrNamingAPageIsNotRestricted() {
        XCTAssertEqual(CrawlTarget(id: "a", name: "A", tier: .province, portal: "https://sonoivu.sonla.gov.vn/").scopePaths, [:])
        XCTAssertEqual(CrawlTarget(id: "b", name: "B", tier: .province, portal: "https://x.sonla.gov.vn/portal/pages/default.aspx").scopePaths, [:])
        // A service listing at the root of the portal's host lifts the restriction.
        XCTAssertEqual(CrawlTarget(id: "c", name: "C", tier: .commune, portal: "https://x.sonla.gov.vn/xa-a/",
                                   services: ["https://x.sonla.gov.vn/"]).scopePaths, [:])
    }

    func testTheCommuneTierIsRead() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        targets:
          - id: xa-muong-bu
            name: UBND xã Mường Bú
            tier: commune
            portal: https://xa.sonla.gov.vn/xa-muong-bu/
          - id: so-noi-vu
            name: Sở Nội vụ
            tier: province
            portal: https://sonoivu.sonla.gov.vn/
        """.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TargetList.load(file).map(\.tier), [.commune, .province])
        try "targets:\n  - {id: x, name: X, tier: huyen, portal: 'https://x.vn/'}\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TargetList.load(file)) { error in
            XCTAssertTrue("\(error)".contains("expected province, district or commune"), "\(error)")
        }
    }
}
