import Fetch
import Foundation
import XCTest

/// Members deflated part by part, with a kept stream or a stream of their
/// own, are the bytes of the joined input deflated at once, and inflate back.
final class GzipTests: XCTestCase {
    /// Realistic page bytes: markup, Vietnamese text, numbers that vary.
    private func page(bytes count: Int) -> Data {
        var text = ""
        var row = 0
        while text.utf8.count < count {
            text += "<tr><td>\(row)/QĐ-UBND</td><td>Về việc phê duyệt kế hoạch chuyển đổi số năm \(2020 + row % 7)</td></tr>\n"
            row += 1
        }
        return Data(text.utf8.prefix(count))
    }

    func testPartsGiveTheJoinedMember() {
        let pool = DeflaterPool(slots: 1)
        for size in [0, 1, 300, 16_383, 16_384, 48_000, 200_000] {
            let body = page(bytes: size)
            let head = Data("HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n".utf8)
            let end = Data([0x0D, 0x0A, 0x0D, 0x0A])
            for level: Int32 in [1, 6] {
                let joined = Gzip.compress(head + body + end, level: level)
                XCTAssertEqual(Gzip.compress([head, body, end], level: level, deflaters: nil), joined, "\(size) at \(level)")
                // Twice: the second member comes from the reset stream.
                XCTAssertEqual(Gzip.compress([head, body, end], level: level, deflaters: pool), joined, "\(size) at \(level)")
                XCTAssertEqual(Gzip.compress([head, body, end], level: level, deflaters: pool), joined, "\(size) at \(level), reset")
                XCTAssertEqual(try Gzip.decompress(joined), head + body + end)
            }
        }
        XCTAssertEqual(try Gzip.decompress(Gzip.compress([], level: 1, deflaters: pool)), Data())
    }

    /// Incompressible input: the output grows past the input, still one whole member.
    func testIncompressibleParts() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let pool = DeflaterPool(slots: 1)
        let member = Gzip.compress([noise.prefix(10), noise.dropFirst(10)], level: 1, deflaters: pool)
        XCTAssertEqual(try Gzip.decompress(member), noise)
    }

    /// More tasks than kept streams: the busy pool hands out streams of their own, every member whole.
    func testConcurrentMembersShareTwoStreams() async throws {
        let pool = DeflaterPool(slots: 2)
        let bodies = (0..<24).map { page(bytes: 20_000 + $0 * 997) }
        let members = await withTaskGroup(of: (Int, Data).self) { group in
            for (index, body) in bodies.enumerated() {
                group.addTask { (index, Gzip.compress([Data("head\r\n".utf8), body], level: 1, deflaters: pool)) }
            }
            var members = [Int: Data]()
            for await (index, member) in group { members[index] = member }
            return members
        }
        for (index, body) in bodies.enumerated() {
            XCTAssertEqual(try Gzip.decompress(members[index] ?? Data()), Data("head\r\n".utf8) + body)
        }
    }
}
