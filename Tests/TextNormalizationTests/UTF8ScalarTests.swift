import XCTest
@testable import TextNormalization

/// The one scalar decoder of the text loops: it reads what String reads, and
/// calls well formed exactly what UTF-8 validation accepts.
final class UTF8ScalarTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> (value: UInt32, length: Int, isWellFormed: Bool) {
        bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0) }
    }

    func testEveryScalarOfATextReadsAsStringReadsIt() {
        let text = "Ủy ban nhân dân Sơn La — “Lịch” 95,3\u{A0}% \u{200B}\u{FEFF}€ 한 😀 " + "Thông".decomposedStringWithCanonicalMapping
        let bytes = Array(text.utf8)
        var index = 0
        var scalars: [UInt32] = []
        while index < bytes.count {
            let scalar = bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: index) }
            XCTAssertTrue(scalar.isWellFormed)
            scalars.append(scalar.value)
            index += scalar.length
        }
        XCTAssertEqual(scalars, text.unicodeScalars.map(\.value))
    }

    func testWellFormedIsWhatValidationAccepts() {
        // Every lead with continuation bytes at and around the edges of their ranges.
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in UInt8(0x80)...0xFF {
            for second in seconds {
                for rest in [[], [0x80], [0xBF, 0x80], [0x41, 0x80]] as [[UInt8]] {
                    let bytes = [lead, second] + rest
                    let scalar = decode(bytes)
                    let prefix = Array(bytes.prefix(scalar.length))
                    let valid = String(validating: prefix, as: UTF8.self).map { $0.unicodeScalars.count == 1 } ?? false
                    XCTAssertEqual(scalar.isWellFormed, valid, "\(bytes)")
                    if valid { XCTAssertEqual(scalar.value, String(decoding: prefix, as: UTF8.self).unicodeScalars.first!.value) }
                }
            }
            // Cut at the end of the bytes: never read past them.
            XCTAssertLessThanOrEqual(decode([lead]).length, 1)
            XCTAssertFalse(decode([lead]).isWellFormed)
        }
        XCTAssertEqual(decode([0x41]).value, 0x41)
        XCTAssertTrue(decode([0x00]).isWellFormed)
    }
}
