import Foundation
import XCTest
@testable import TextNormalization

/// Bytes the one-pass check accepts are their own NFC text: the String path
/// (repairing decode, then `VietnameseText.nfc`) gives the same bytes back.
/// It accepts exactly the valid, NUL-free UTF-8 whose scalars are all on the fast path.
final class ComposedUTF8Tests: XCTestCase {
    private func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        let accepted = bytes.withUnsafeBytes(ComposedUTF8.check)
        let valid = String(validating: bytes, as: UTF8.self)
        let expected = valid.map { text in
            !bytes.contains(0) && text.unicodeScalars.allSatisfy { VietnameseText.isComposedFastPath($0.value) }
        } ?? false
        XCTAssertEqual(accepted, expected, "\(bytes)", file: file, line: line)
        if accepted {
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(Array(VietnameseText.nfc(text).utf8), bytes, file: file, line: line)
        }
    }

    func testRealisticAndAdversarialTexts() {
        let texts = [
            "", "<html><body><h1>Ủy ban nhân dân tỉnh Sơn La</h1></body></html>", String(repeating: "<div class=\"x\">", count: 50),
            "Quyết định – “trích dẫn” … €", "Sở Nội vụ".decomposedStringWithCanonicalMapping, "a\u{0301}", "zero\u{200B}width\u{FEFF}",
            "emoji 🎰 four bytes", "中文", "\u{00A0}no-break", "tiếng Việt\u{0300}", "ĐƯỜNG", "\u{2BFF}\u{2C00}", "\u{FE0F}\u{FFFD}",
        ]
        for text in texts {
            check(Array(text.utf8))
            check(Array((text + "12345678abcdefgh").utf8))
        }
    }

    func testInvalidBytesNULsOverlongsAndSurrogates() {
        let cases: [[UInt8]] = [
            [0x41, 0x00, 0x42], Array("abcdefgh".utf8) + [0] + Array("ijklmnop".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80],
            [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0xF0, 0x9F, 0x8E, 0xB0], [0xF4, 0x90, 0x80, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xC3], [0xE1, 0xBB], [0xE1, 0xBB, 0x41], [0xC3, 0xA0, 0x80], [0xC4, 0x90],
        ]
        for bytes in cases {
            check(bytes)
            check(Array("0123456789".utf8) + bytes + Array("abcdefghij".utf8))
        }
    }

    func testRandomBytesAroundTheEightByteSteps() {
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x00], [0xC3, 0xA0], [0xE1, 0xBB, 0x87], [0xCC, 0x81], [0xE2, 0x80, 0x8B], [0xFF], [0x80],
                                 [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x8E, 0xB0], Array("12345678".utf8), [0xE1], [0xC3]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            check((0..<Int.random(in: 0..<16, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
        }
    }
}
