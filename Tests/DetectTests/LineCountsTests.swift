import XCTest
@testable import Detect

final class LineCountsTests: XCTestCase {
    /// The word-at-a-time count must equal the byte-by-byte one it replaced,
    /// at every length around the 8-byte steps and on every kind of byte.
    func testSpacesAndScalarsMatchTheByteLoop() {
        var lines = [
            "", " ", "        ", "a", "Sáng ngày 12/3/2020, Sở Nội vụ tổ chức hội nghị tổng kết công tác năm",
            "SÁNG NGÀY 12/3/2020  SỞ NỘI VỤ", "Nga\u{0300}y đa\u{0306}\u{0301}ng", "tin\u{200B}tức\u{00A0}mới\u{3000}",
            "𝐓𝐢𝐧 🇻🇳 tức 👩‍👩‍👧", "\r\n\t x \u{7F}\u{80}",
        ]
        lines.append(String(decoding: [0xC3, 0x28, 0x20, 0xE1, 0xBB, 0x20, 0xFF, 0x80, 0x80, 0x20, 0xBF, 0xC0], as: UTF8.self))
        // Every byte value at every position of a 17-byte window.
        let all = (0...255).map(UInt8.init)
        var raw: [[UInt8]] = []
        for start in stride(from: 0, to: 256, by: 17) { raw.append(Array(all[start..<min(256, start + 17)])) }
        raw.append(all)
        for line in lines { raw.append(Array(line.utf8)) }
        for bytes in raw {
            for end in 0...bytes.count {
                let prefix = Array(bytes[..<end])
                var spaces = 0
                var scalars = 0
                for byte in prefix {
                    if byte == 32 { spaces += 1 }
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                }
                let counted = prefix.withUnsafeBytes { NewsCounter.spacesAndScalars($0) }
                XCTAssertEqual(counted.spaces, spaces, "\(prefix)")
                XCTAssertEqual(counted.scalars, scalars, "\(prefix)")
            }
        }
        for line in lines {
            XCTAssertEqual(NewsCounter.spacesAndScalars(line).scalars, line.unicodeScalars.count, line)
        }
    }
}
