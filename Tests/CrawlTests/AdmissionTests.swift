@testable import Crawl
import Fetch
import XCTest

final class AdmissionTests: XCTestCase {
    let policy = try! URLPolicy.bundled()

    func makeAdmission(maxPages: Int = 100, maxDepth: Int = 5) -> Admission {
        Admission(normalizer: URLNormalizer(policy: policy), scope: ["a.vn", "dvc.a.vn:8080"], maxPages: maxPages, maxDepth: maxDepth)
    }

    func testChecksRunInOrderAndSayWhy() {
        var admission = makeAdmission(maxPages: 2)
        admission.setRobots(RobotsRules.parse("User-agent: *\nDisallow: /admin", userAgent: "portal-audit"), forHost: "a.vn")
        XCTAssertEqual(admission.check("mailto:x@a.vn", depth: 1), .skip(.scheme))
        XCTAssertEqual(admission.check("http://other.vn/", depth: 1), .skip(.scope))
        XCTAssertEqual(admission.check("http://a.vn/files/qd-125.PDF", depth: 1), .document(normalized: "http://a.vn/files/qd-125.PDF"))
        XCTAssertEqual(admission.check("http://a.vn/logo.png", depth: 1), .skip(.asset))
        XCTAssertEqual(admission.check("http://a.vn/deep", depth: 6), .skip(.depth))
        XCTAssertEqual(admission.check("http://a.vn/admin/x", depth: 1), .skip(.robots))
        XCTAssertEqual(admission.check("http://a.vn/?utm_source=x", depth: 0), .admit(normalized: "http://a.vn/"))
        XCTAssertEqual(admission.check("http://a.vn/#top", depth: 1), .seen(fingerprint: Admission.fingerprint(of: "http://a.vn/")))
        XCTAssertEqual(admission.check("http://dvc.a.vn:8080/thu-tuc", depth: 1), .admit(normalized: "http://dvc.a.vn:8080/thu-tuc"))
        XCTAssertEqual(admission.check("http://a.vn/third", depth: 1), .skip(.budget))
    }

    func testCalendarIsCutAfterItsVariantLimit() {
        var admission = makeAdmission(maxPages: 1_000)
        var admitted = 0
        var cut = 0
        for day in 1...200 {
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_577_836_800))!
            let text = ISO8601DateFormatter().string(from: date).prefix(10)
            switch admission.check("http://a.vn/lich-cong-tac?ngay=\(text)", depth: 2) {
            case .admit: admitted += 1
            case .skip(.calendarTrap): cut += 1
            default: XCTFail("unexpected verdict")
            }
        }
        XCTAssertEqual(admitted, policy.traps.maxCalendarVariants)
        XCTAssertEqual(cut, 200 - policy.traps.maxCalendarVariants)
    }

    func testDateShapedPathLeavesAreACalendarButDatedArticlesAreNot() {
        var admission = makeAdmission(maxPages: 1_000)
        var verdicts = [Admission.Verdict]()
        for day in 1...28 {
            verdicts.append(admission.check("http://a.vn/lich/2020-02-\(String(format: "%02d", day))", depth: 2))
        }
        XCTAssertTrue(verdicts.contains(.skip(.calendarTrap)))
        for day in 1...28 {
            let verdict = admission.check("http://a.vn/portal/pages/2020-02-\(String(format: "%02d", day))/Tin-\(day).aspx", depth: 2)
            XCTAssertEqual(verdict, .admit(normalized: "http://a.vn/portal/pages/2020-02-\(String(format: "%02d", day))/Tin-\(day).aspx"))
        }
    }

    func testRepeatedSegmentsAndQueryExplosionsAreTraps() {
        var admission = makeAdmission(maxPages: 10_000)
        XCTAssertEqual(admission.check("http://a.vn/tin/tin/tin/bai", depth: 1), .skip(.repeatedSegments))
        var exploded = false
        for index in 0...policy.traps.maxQueryVariantsPerPath + 5 {
            if admission.check("http://a.vn/search?q=\(index)", depth: 1) == .skip(.queryExplosion) { exploded = true }
        }
        XCTAssertTrue(exploded)
        let long = "http://a.vn/" + String(repeating: "x", count: policy.traps.maxURLLength)
        XCTAssertEqual(admission.check(long, depth: 1), .skip(.tooLong))
    }
}
