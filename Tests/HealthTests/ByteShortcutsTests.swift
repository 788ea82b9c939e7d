import Foundation
@testable import Health
import XCTest

/// The byte shortcuts of the page scan give the answers of the Foundation
/// and Character paths they stand in for, on realistic and adversarial input.
final class ByteShortcutsTests: XCTestCase {
    private let values = [
        "", " ", "\t \t", "\n", " \r\n ", "\u{00A0}", "\u{00A0} \u{2003}", "\u{200B}", "\u{3000}x", "x", " Tìm kiếm ", "Đ",
        "e\u{0301}", "\u{0301}", " \u{FEFF} ", "\u{1680}\u{202F}\u{205F}", "\u{85}", "\u{2028}", "\u{0000}", "Chuyển đổi số",
        String(decoding: [0x20, 0xFF, 0x20], as: UTF8.self),
    ]

    func testBlankIsFoundationsTrimmedEmptiness() {
        XCTAssertTrue(PageScanner.isBlank(nil))
        for value in values {
            XCTAssertEqual(PageScanner.isBlank(value), value.trimmingCharacters(in: .whitespaces).isEmpty, value.debugDescription)
        }
    }

    /// The Character path the scanner used before: lower case, separators read as spaces.
    private func wordsByCharacter(_ url: String) -> [UInt8] {
        Array(String(url.lowercased().map { "-_/.?=&+".contains($0) ? " " : $0 }).utf8)
    }

    func testAddressWordsAreTheCharacterPathsWords() {
        let urls = [
            "https://Nha-Cai.Example/Tai_Xiu/?q=No+Hu&x=1.2", "http://127.0.0.1:8080/", "", "HTTPS://W88.COM/SLOT-GAME",
            "http://example.org/a\r\nb", "http://example.org/nổ-hũ/ĐỔI_THƯỞNG", "http://example.org/-\u{0301}x", "http://x.org/%C3%A1?b=c&d=e",
            "http://x.org/\u{200B}-\u{00A0}_",
        ]
        for url in urls {
            XCTAssertEqual(PageScanner.addressWords(url), wordsByCharacter(url), url.debugDescription)
        }
    }

    func testSectionPathsAreFoundAsFoundationFindsThem() {
        let addresses = ["http://so.gov.vn/tin-tuc/abc", "http://so.gov.vn/tintuc", "http://so.gov.vn/", "", "http://so.gov.vn/tin-tu",
                         "http://so.gov.vn/tin-tuć", "http://so.gov.vn/tin-tuc\u{0301}/x", "http://so.gov.vn/văn-bản/van-ban"]
        for address in addresses {
            for path in ["tin-tuc", "tintuc", "van-ban", "văn-bản", "c", "http://so.gov.vn/tin-tuc/abc/"] {
                let ascii = address.utf8.allSatisfy { $0 < 0x80 }
                XCTAssertEqual(PortalHealthBuilder.contains(address, path, ascii: ascii), address.contains(path), "\(address) \(path)")
            }
        }
    }
}
