@testable import Crawl
import DataFile
import Foundation
import TestSupport
import XCTest

final class EvidenceSettingsTests: XCTestCase {
    func testTheBundledFileChoosesLevelOne() throws {
        XCTAssertEqual(try EvidenceSettings.bundled().gzipLevel, 1)
    }

    func testALevelOutOfRangeNamesTheFileAndLine() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evidence.yaml")
        try "version: 1\ngzipLevel: 12\nassets: {maxAssetsPerTarget: 1, maxBytesPerTarget: 1, contentTypes: []}\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try EvidenceSettings.load(file: file)) { error in
            let failure = error as? DataFileError
            XCTAssertEqual(failure?.line, 2, "\(error)")
            XCTAssertTrue("\(error)".contains("evidence.yaml"), "\(error)")
        }
        try "version: 1\ngzipLevel: 1\ngzipLvl: 6\nassets: {maxAssetsPerTarget: 1, maxBytesPerTarget: 1, contentTypes: []}\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try EvidenceSettings.load(file: file))
    }

    /// Digests fed in pieces (a head, then a body in chunks) equal the digest of the joined bytes.
    func testSHA1InPiecesEqualsTheWhole() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<3_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for _ in 0..<200 {
            var hasher = SHA1()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int.random(in: 0...130, using: &generator))
                bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
            }
            XCTAssertEqual(hasher.finalize(), SHA1.digest(bytes))
        }
    }
}
