import XCTest
import Foundation
import HTML
@testable import Detect

/// `DeadHref` reads hrefs on bytes; it must answer as trimming the String and reading its scheme does.
final class DeadHrefTests: XCTestCase {
    private func stringPath(_ href: String) -> Bool {
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#") || URLResolver.scheme(of: trimmed) == "javascript"
    }

    func testAnswersAsTheStringPath() {
        let hrefs = [
            "", "#", "#top", "  #content", "\t#x", "\u{A0}#x", "\u{3000}javascript:void(0)", "#\u{301}a",
            "javascript:void(0)", "JavaScript:;", "JAVASCRIPT:", "javascript", "javascript :x", " javascript:x ",
            "javascripts:x", "j\u{301}avascript:", "java\u{200B}script:", "/gioi-thieu", "gioi-thieu.html#a",
            "https://snv.sonla.gov.vn/#tin", "mailto:a@b.vn", "%23top", "\n#x", "../tin-tuc/./a?x=1#f",
            "http://xn--sn-sla.vn/Tin-Tức", "Tin tức", "\u{2003}", "#\u{1F600}",
        ]
        for href in hrefs {
            XCTAssertEqual(DeadHref.isFragmentOrScript(href), stringPath(href), href.debugDescription)
        }
        XCTAssertTrue(DeadHref.isFragmentOrScript("javascript:void(0)"))
        XCTAssertTrue(DeadHref.isFragmentOrScript("  #content"))
        XCTAssertFalse(DeadHref.isFragmentOrScript("/gioi-thieu"))
    }
}
