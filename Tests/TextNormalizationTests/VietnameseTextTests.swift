import XCTest
@testable import TextNormalization

final class VietnameseTextTests: XCTestCase {
    func testFoldStripsDiacriticsAndCase() {
        XCTAssertEqual(VietnameseText.fold("Lịch Công Tác"), "lich cong tac")
        XCTAssertEqual(VietnameseText.fold("ĐẢNG ỦY  Đoàn thể"), "dang uy doan the")
        XCTAssertEqual(VietnameseText.fold("Hỏi đáp trực tuyến"), "hoi dap truc tuyen")
        XCTAssertEqual(VietnameseText.fold("CHiến lược, ĐỊNH HƯỚNG"), "chien luoc, dinh huong")
        XCTAssertEqual(VietnameseText.fold("Ơ Ư ơ ư Ă â ê ô"), "o u o u a a e o")
        XCTAssertEqual(VietnameseText.fold("\u{00A0}Tin\u{200B}\u{00A0}\u{00A0}tức\n sự kiện "), "tin tuc su kien")
    }

    func testFoldHandlesNFDInput() {
        let nfd = "Lãnh Đạo Sở Ỷ".decomposedStringWithCanonicalMapping
        XCTAssertEqual(VietnameseText.fold(nfd), "lanh dao so y")
    }

    func testFoldKeepsOtherScriptsLowercased() {
        XCTAssertEqual(VietnameseText.fold("ÆSIR Ωmega 2020"), "æsir ωmega 2020")
    }

    func testFoldMatchesFoundationOnEveryVietnameseLetter() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
        for letter in letters + letters.uppercased() {
            let expected = String(letter).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            XCTAssertEqual(VietnameseText.fold(String(letter)), expected, String(letter))
        }
    }

    func testSlug() {
        XCTAssertEqual(VietnameseText.slug("Hỏi - Đáp"), "hoi-dap")
        XCTAssertEqual(VietnameseText.slug("  Tin tức – Sự kiện!! "), "tin-tuc-su-kien")
        XCTAssertEqual(VietnameseText.slug("Văn bản QPPL (2020)"), "van-ban-qppl-2020")
    }

    func testCollapseWhitespace() {
        XCTAssertEqual(VietnameseText.collapseWhitespace("  Sở\u{00A0}\u{00A0}Nội\u{200B}vụ \t\n"), "Sở Nộivụ")
        XCTAssertEqual(VietnameseText.collapseWhitespace(""), "")
    }

    func testNFC() {
        let nfd = "Trích yếu".decomposedStringWithCanonicalMapping
        XCTAssertEqual(Array(VietnameseText.nfc(nfd).unicodeScalars), Array("Trích yếu".unicodeScalars))
        XCTAssertEqual(VietnameseText.nfc("plain ascii"), "plain ascii")
        // A combining mark after ASCII runs of every length is still found.
        for run in 0..<20 {
            let markup = String(repeating: "<a>", count: run / 3) + String(repeating: "x", count: run % 3)
            let text = markup + "Lich co\u{0302}ng ta\u{0301}c" + String(repeating: "y", count: run)
            XCTAssertEqual(Array(VietnameseText.nfc(text).unicodeScalars),
                           Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(run)")
        }
    }

    /// Bytes are read as `String(decoding:as:)` reads them, invalid ones included.
    func testLinesOfBytesReadLikeADecodedString() {
        let samples: [[UInt8]] = [
            Array("  Sở Nội\u{00A0}vụ \n\n Lịch  công tác\t\n".utf8),
            Array("Trích yếu".decomposedStringWithCanonicalMapping.utf8),
            Array("Số 12\r\nNgày 3".utf8),
            [0x41, 0xFF, 0x42, 0x0A, 0xC3, 0x28, 0x0A, 0xE0, 0x80, 0xAF, 0x20, 0xED, 0xA0, 0x80, 0x0A, 0xC3],
            [0xC0, 0xAF, 0x0A, 0xF0, 0x9F, 0x98, 0x80, 0x20, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x0A, 0xE1, 0xBB],
            Array("Ủy ban \u{1F600} nhân dân".utf8),
        ]
        for bytes in samples {
            let expected = VietnameseText.lines(String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(bytes.withUnsafeBufferPointer(VietnameseText.lines(utf8:)), expected, "\(bytes)")
            XCTAssertEqual(bytes.withUnsafeBufferPointer(VietnameseText.joinedLines(utf8:)), expected.joined(separator: " "), "\(bytes)")
            XCTAssertFalse(expected.isEmpty)
        }
    }

    /// The byte path that cuts every page's text into lines gives what the
    /// String path (NFC, split on "\n", collapse each line) gives.
    func testLinesOnBytesEqualTheStringPath() {
        let texts = [
            "", "\n\n", "   ", "Tin tức\u{200B} sự\u{00A0}\u{00A0}kiện", " \u{FEFF}Ủy ban nhân dân \n\t Sơn La \u{2003}\n",
            "Thông báo".decomposedStringWithCanonicalMapping + "\nLịch công tác",
            "Số 12\r\nNgày 3", "a \u{301}b", "x\u{200D} y", "emoji 👩‍💻 ok\nhết", "Giá trị 95,3%\u{2028}tiếp",
            String(repeating: "Ngày 15/12/2020, Sở Nội vụ tổ chức hội nghị. ", count: 200) + "\n" + String(repeating: "x", count: 5_000),
            "\u{AD}\u{2060}\n\u{3000}Điều 1.\u{0085}Phạm vi", "IDN: xn--snv-sla.vn và sở-nội-vụ.vn\n%C3%A1 ../a/./b?q=1#f",
        ]
        for text in texts {
            let expected = VietnameseText.nfc(text).split(separator: "\n").compactMap { line -> String? in
                let collapsed = VietnameseText.collapseWhitespace(String(line))
                return collapsed.isEmpty ? nil : collapsed
            }
            XCTAssertEqual(VietnameseText.lines(text), expected, text.debugDescription)
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(VietnameseText.lines(utf8:)), expected, text.debugDescription)
            XCTAssertEqual(Array(text.utf8).withUnsafeBufferPointer(VietnameseText.joinedLines(utf8:)), expected.joined(separator: " "),
                           text.debugDescription)
        }
    }

    func testFoldIsFastEnoughForEveryPage() {
        let text = String(repeating: "Ủy ban nhân dân tỉnh Sơn La thông báo lịch công tác tuần. ", count: 2_000)
        let started = Date()
        for _ in 0..<5 { _ = VietnameseText.fold(text) }
        let ours = Date().timeIntervalSince(started)
        let foundationStart = Date()
        for _ in 0..<5 {
            _ = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        }
        let foundation = Date().timeIntervalSince(foundationStart)
        // Generous: the table fold must not be far slower than Foundation's.
        XCTAssertLessThan(ours, max(foundation * 3, 0.5))
    }
}
