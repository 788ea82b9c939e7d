@testable import Crawl
import XCTest

/// An untyped body counts as HTML when its first 512 Characters hold "<html":
/// read on bytes, it must answer as the lower-cased String prefix did.
final class HTMLSniffTests: XCTestCase {
    private func previous(_ text: String) -> Bool {
        text.prefix(512).lowercased().contains("<html")
    }

    func testUntypedBodiesAreSniffedAsTheStringPrefixWas() {
        var texts = ["", "<html>", "<HTML lang=vi>", "<!DOCTYPE html>\n<Html>", "<<html", "<htm", "<h tml>", "text <html",
                     "Ủy ban nhân dân tỉnh Sơn La <hTmL>", "\u{FEFF}<html>", "<html".decomposedStringWithCanonicalMapping]
        for padding in [505, 506, 507, 508, 511, 512] {
            texts.append(String(repeating: " ", count: padding) + "<html>")
            texts.append(String(repeating: "ễ", count: padding) + "<html>")
            texts.append(String(repeating: "\r\n", count: padding) + "<html>")
            texts.append(String(repeating: "a\r\n", count: padding / 3) + "<HTML>")
        }
        for text in texts {
            var bytes = text
            XCTAssertEqual(bytes.withUTF8(TargetCrawl.startsLikeHTML), previous(text), text.debugDescription)
        }
    }
}
