import XCTest
@testable import TextNormalization

/// Long runs of ASCII broken at every offset by a space, a control, a CR or a
/// non-ASCII letter: the byte loops (and their shared scalar decoder) must
/// read them as the String paths do.
final class LongRunTests: XCTestCase {
    /// Texts with long ASCII runs broken at every offset by what the loops treat apart.
    private var samples: [String] {
        let breaks = [" ", "\t", "\n", "\r\n", "\r", "\u{01}", "\u{0B}", "\u{A0}", "\u{200B}", "ễ", "Đ", "\u{301}", "\u{FEFF}", "  \n "]
        var texts: [String] = ["", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh", String(repeating: "x", count: 17)]
        for separator in breaks {
            for offset in 0..<17 {
                let run = String(repeating: "Q", count: offset)
                texts.append(run + separator + "HTTPS://congbao.sonla.gov.vn/VanBan?id=1234567" + separator + run + "Lịch")
            }
        }
        texts.append("Thông báo tuyển dụng viên chức năm 2020".decomposedStringWithCanonicalMapping + " CONGTHONGTINDIENTU")
        return texts
    }

    func testLinesOfLongASCIIRunsEqualTheStringPath() {
        for text in samples {
            let expected = VietnameseText.nfc(text).split(separator: "\n").compactMap { line -> String? in
                let collapsed = VietnameseText.collapseWhitespace(String(line))
                return collapsed.isEmpty ? nil : collapsed
            }
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(VietnameseText.lines(utf8:)), expected, text.debugDescription)
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(VietnameseText.joinedLines(utf8:)), expected.joined(separator: " "),
                           text.debugDescription)
        }
    }

    func testInvalidUTF8AfterLongASCIIRunsReadsLikeADecodedString() {
        for offset in 0..<17 {
            let bytes: [UInt8] = Array(repeating: 0x61, count: offset) + [0xFF, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xC3]
            let expected = VietnameseText.lines(String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(bytes.withUnsafeBufferPointer(VietnameseText.lines(utf8:)), expected, "\(bytes)")
        }
    }

    func testCharacterCountOfLongASCIIRunsEqualsStringCount() {
        for text in samples {
            var bytes = text
            for limit in 0...(text.utf8.count + 1) {
                let answer = bytes.withUTF8 { CharacterCount.exceeds(limit, utf8: $0) }
                if let answer { XCTAssertEqual(answer, text.count > limit, "\(text.debugDescription) > \(limit)") }
                // A CR before the limit is seen, whatever word it falls in.
                if text.contains("\r"), text.utf8.prefix(limit).contains(0x0D) { XCTAssertNil(answer, text.debugDescription) }
            }
        }
    }
}
