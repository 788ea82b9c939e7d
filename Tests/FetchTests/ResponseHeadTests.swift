import XCTest
@testable import Fetch

/// Header lines are cut on their bytes; they must read as the text path
/// (a String trimmed with CharacterSets) reads them.
final class ResponseHeadTests: XCTestCase {
    private func read(_ lines: [[UInt8]], asText: Bool) -> ResponseHead {
        var head = ResponseHead()
        for line in lines {
            line.withUnsafeBytes { asText ? head.append(text: $0) : head.append(line: $0) }
        }
        return head
    }

    private func assertSameAsText(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) {
        let bytes = lines.map { Array($0.utf8) }
        let cut = read(bytes, asText: false), text = read(bytes, asText: true)
        XCTAssertEqual(cut.statusLine, text.statusLine, file: file, line: line)
        XCTAssertEqual(cut.headers.map(\.name), text.headers.map(\.name), file: file, line: line)
        XCTAssertEqual(cut.headers.map(\.value), text.headers.map(\.value), file: file, line: line)
    }

    func testHeaderLinesReadAsTheTextPath() {
        assertSameAsText(["HTTP/1.1 200 OK\r\n", "Content-Type: text/html; charset=UTF-8\r\n", "Server:nginx\r\n",
                          "X-Empty:\r\n", "X-Spaces: \t a  b \t\r\n", "  folded\t \r\n", "\tmore\r\n", "no colon here\r\n",
                          ": no name\r\n", "Set-Cookie: a=b: c\r\n", "\r\n"])
        assertSameAsText(["HTTP/1.1 100 Continue\r\n", "X-A: 1\r\n", "\r\n", "HTTP/2 301\r\n", "Location: /tin-tuc\n", "\r\n"])
        assertSameAsText([" continuation before any header\r\n", "X-CR: a\rb\r\n", "X-Tail: v \r \r\n", "\r\r\n\n", ""])
    }

    func testNonASCIILinesKeepTheTextPath() {
        // A UTF-8 no-break space is trimmed as a Unicode space; invalid bytes are repaired.
        let lines: [[UInt8]] = [Array("HTTP/1.1 200 OK\r\n".utf8), Array("X-Name: \u{A0}Sở Nội vụ\u{A0}\r\n".utf8),
                                Array("X-Raw: ".utf8) + [0xE9, 0x20, 0x0D, 0x0A]]
        let head = read(lines, asText: false)
        XCTAssertEqual(head.headers.map(\.value), ["Sở Nội vụ", "\u{FFFD}"])
        XCTAssertEqual(head.statusLine, "HTTP/1.1 200 OK")
    }

    func testHeaderNamesCompareIgnoringASCIICaseOnly() {
        XCTAssertTrue(HTTPHeaders.equalsIgnoringCase("content-TYPE", "Content-Type"))
        XCTAssertFalse(HTTPHeaders.equalsIgnoringCase("Content-Typ", "Content-Type"))
        XCTAssertFalse(HTTPHeaders.equalsIgnoringCase("a@", "a`"))
        XCTAssertFalse(HTTPHeaders.equalsIgnoringCase("x[", "x{"))
        XCTAssertEqual(HTTPHeaders.equalsIgnoringCase("Ĥost", "ĥOST"), "Ĥost".caseInsensitiveCompare("ĥOST") == .orderedSame)
        for left in UInt8(0x20)..<0x7F {
            for right in [left, left ^ 0x20, left &+ 1] where right < 0x80 {
                let (a, b) = (String(UnicodeScalar(left)), String(UnicodeScalar(right)))
                XCTAssertEqual(HTTPHeaders.equalsIgnoringCase(a, b), a.caseInsensitiveCompare(b) == .orderedSame, "\(a) \(b)")
            }
        }
    }
}
