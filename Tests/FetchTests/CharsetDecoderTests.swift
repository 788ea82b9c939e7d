import Fetch
import Foundation
import SiteServer
import XCTest

final class CharsetDecoderTests: XCTestCase {
    private let vietnamese = "Ủy ban nhân dân tỉnh Sơn La – Sở Nội vụ: Quyết định về việc công bố thủ tục hành chính"

    func testWindows1258DeclaredOnlyInTheHeader() async throws {
        // Long enough to cross the decoder's 64 KB output chunks.
        let page = "<html><body>" + String(repeating: "<p>\(vietnamese)</p>\n", count: 1000) + "</body></html>"
        let bytes = windows1258(page)
        XCTAssertNil(String(validating: bytes, as: UTF8.self), "the test bytes must not be UTF-8")
        let server = try startServer(self) { _ in
            SiteResponse(headers: [("Content-Type", "text/html; charset=windows-1258")], body: .bytes(bytes))
        }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/")).get()
        XCTAssertEqual(response.charset, "windows-1258")
        XCTAssertEqual(response.text, page)
    }

    func testWindows1258DeclaredOnlyInAMetaTag() async throws {
        let page = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>
        <body><h1>\(vietnamese)</h1></body></html>
        """
        let bytes = windows1258(page)
        let server = try startServer(self) { _ in SiteResponse(headers: [("Content-Type", "text/html")], body: .bytes(bytes)) }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/")).get()
        XCTAssertEqual(response.charset, "windows-1258")
        XCTAssertEqual(response.text, page)
    }

    func testMetaCharsetOverridesTheFallback() {
        // 0xF5 is "õ" in windows-1252 but "ơ" in the windows-1258 fallback.
        let body = Data("<meta charset=\"ISO-8859-1\"><p>S".utf8 + [0xF5] + "n</p>".utf8)
        let decoded = CharsetDecoder.decode(body, contentTypeHeader: "text/html")
        XCTAssertEqual(decoded.charset, "windows-1252")
        XCTAssertEqual(decoded.text, "<meta charset=\"ISO-8859-1\"><p>Sõn</p>")
        XCTAssertEqual(CharsetDecoder.decode(Data("<p>S".utf8 + [0xF5] + "n</p>".utf8), contentTypeHeader: nil).text, "<p>Sơn</p>")
    }

    func testCharsetMentionOutsideAMetaTagIsIgnored() async throws {
        let page = "<html><head><meta name=\"viewport\" content=\"width=device-width\"><title>Hướng dẫn</title></head><body><p>Không dùng charset=iso-8859-1 nữa. \(vietnamese)</p></body></html>"
        let server = try startServer(self) { _ in .html(page, charset: nil) }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/")).get()
        XCTAssertEqual(response.charset, "utf-8")
        XCTAssertEqual(response.text, page)
    }

    func testHeaderBeatsMetaAndBOMBeatsBoth() {
        let latin = Data("<meta charset=windows-1258>caf".utf8 + [0xE9])
        XCTAssertEqual(CharsetDecoder.decode(latin, contentTypeHeader: "text/html; charset=\"iso-8859-1\"").text,
                       "<meta charset=windows-1258>café")
        let utf16 = Data([0xFF, 0xFE]) + "Sở Nội vụ".data(using: .utf16LittleEndian)!
        let decoded = CharsetDecoder.decode(utf16, contentTypeHeader: "text/html; charset=windows-1252")
        XCTAssertEqual(decoded.charset, "utf-16le")
        XCTAssertEqual(decoded.text, "Sở Nội vụ")
        let utf8 = Data([0xEF, 0xBB, 0xBF] + "Sở".utf8)
        XCTAssertEqual(CharsetDecoder.decode(utf8, contentTypeHeader: "text/html; charset=windows-1258").text, "Sở")
    }

    func testOutputIsNFCAndInvalidBytesAreReplaced() {
        let decomposed = Data("Vie\u{0302}\u{0323}t Nam".utf8)
        XCTAssertEqual(CharsetDecoder.decode(decomposed, contentTypeHeader: "text/plain; charset=utf-8").text, "Việt Nam")
        let broken = Data("ab".utf8 + [0xFF, 0xC3] + "cd".utf8)
        XCTAssertEqual(CharsetDecoder.decode(broken, contentTypeHeader: "text/plain; charset=utf-8").text, "ab\u{FFFD}\u{FFFD}cd")
        // 0x81 is unassigned in windows-1258.
        let undefined = Data("x".utf8 + [0x81] + "y".utf8)
        XCTAssertEqual(CharsetDecoder.decode(undefined, contentTypeHeader: "text/plain; charset=windows-1258").text, "x\u{FFFD}y")
        let unknown = CharsetDecoder.decode(Data("plain".utf8), contentTypeHeader: "text/plain; charset=x-no-such-charset")
        XCTAssertEqual(unknown.charset, "utf-8")
    }

    /// UTF-8 bodies that are NFC already stay their bytes; every body decodes
    /// to the text of the String path (repairing decode, then NFC).
    func testComposedBodiesKeepTheirBytesAndDecodeAsBefore() {
        let bodies: [(Data, Bool)] = [
            (Data("<html><body><p>\(vietnamese)</p></body></html>".utf8), true),
            (Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array("<p>\(vietnamese)</p>".utf8)), true),
            (Data("<p>\(vietnamese)</p>".decomposedStringWithCanonicalMapping.utf8), false),
            (Data("<p>S".utf8 + [0xFF] + "n</p>".utf8), false),
            (Data("<p>a\u{0}b</p>".utf8), false),
            (Data("<p>🎰 nổ hũ</p>".utf8), false),
            (Data(), true),
        ]
        for (body, composed) in bodies {
            let (text, charset) = CharsetDecoder.decodeText(body, contentTypeHeader: "text/html; charset=utf-8")
            XCTAssertEqual(charset, "utf-8")
            let payload = body.starts(with: [0xEF, 0xBB, 0xBF]) ? body.dropFirst(3) : body[...]
            XCTAssertEqual(text.string, String(decoding: payload, as: UTF8.self).precomposedStringWithCanonicalMapping)
            XCTAssertEqual(text.composedBytes != nil, composed, "\(Array(body.prefix(12)))")
            if let bytes = text.composedBytes { XCTAssertEqual(bytes, payload) }
        }
    }
}
