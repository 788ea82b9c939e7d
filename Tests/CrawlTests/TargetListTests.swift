import Crawl
import DataFile
import Vocabulary
import XCTest

final class TargetListTests: XCTestCase {
    func load(_ text: String) throws -> [CrawlTarget] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try TargetList.load(url)
    }

    func expectError(_ text: String, line: Int, contains message: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try load(text), file: file, line: sourceLine) { error in
            guard let error = error as? DataFileError else { return XCTFail("not a DataFileError: \(error)", file: file, line: sourceLine) }
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.description.contains(message), "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.description.contains(".yaml:\(line)"), "\(error)", file: file, line: sourceLine)
        }
    }

    func testTheProjectTargetsFileLists32Agencies() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let targets = try TargetList.load(root.appendingPathComponent("targets.yaml"))
        XCTAssertEqual(targets.count, 32)
        XCTAssertEqual(targets.filter { $0.tier == .province }.count, 20)
        XCTAssertEqual(targets.filter { $0.tier == .district }.count, 12)
    }

    func testReadsServicesAndOverrides() throws {
        let targets = try load("""
        targets:
          - id: so-noi-vu
            name: Sở Nội vụ
            tier: province
            portal: https://sonoivu.sonla.gov.vn/
            services: [https://dichvucong.sonla.gov.vn/so-noi-vu]
            perHost: 1
            delayMs: 1000
        """)
        XCTAssertEqual(targets.first?.services, ["https://dichvucong.sonla.gov.vn/so-noi-vu"])
        XCTAssertEqual(targets.first?.scopeHosts, ["sonoivu.sonla.gov.vn", "dichvucong.sonla.gov.vn"])
        XCTAssertEqual(targets.first?.perHostConnections, 1)
    }

    func testBrokenFilesNameTheLine() {
        expectError("targets:\n  - id: a\n    name: [x\n", line: 4, contains: "YAML syntax")
        expectError("targets:\n  - id: a\n    name: A\n    tier: province\n    portal: http://a.vn/\n  - id: a\n    name: B\n    tier: district\n    portal: http://b.vn/\n",
                    line: 6, contains: "duplicate id `a`")
        expectError("targets:\n  - id: a\n    name: A\n    tier: huyen\n    portal: http://a.vn/\n", line: 4, contains: "unknown tier `huyen`")
        expectError("targets:\n  - id: a\n    name: A\n    tier: province\n    portal: ftp://a.vn/\n", line: 5, contains: "not an http(s) address")
        expectError("targets:\n  - id: Sở Nội vụ\n    name: A\n    tier: province\n    portal: http://a.vn/\n", line: 2, contains: "ascii slug")
        expectError("targets:\n  - id: a\n    name: A\n    tier: province\n    portal: http://a.vn/\n    portl: x\n", line: 6, contains: "unknown key `portl`")
    }

    /// Alone, a crawl accepts the bundled tiers; a criteria set's own list replaces them.
    func testTiersComeFromTheBundledListOrTheCriteria() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try "targets:\n  - id: a\n    name: A\n    tier: commune\n    portal: http://a.vn/\n  - id: b\n    name: B\n    tier: ban-quan-ly\n    portal: http://b.vn/\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TierNames.bundled().ids, [.province, .district, .commune])
        XCTAssertThrowsError(try TargetList.load(url)) { error in
            XCTAssertEqual((error as? DataFileError)?.line, 8, "\(error)")
            XCTAssertTrue("\(error)".contains("unknown tier `ban-quan-ly` (expected province, district or commune: the bundled tiers)"), "\(error)")
        }
        let declared = TierNames.declared(by: "khu.yaml", ids: [.commune, Tier(rawValue: "ban-quan-ly")!])
        XCTAssertEqual(try TargetList.load(url, tiers: declared).map(\.tier.rawValue), ["commune", "ban-quan-ly"])
        XCTAssertThrowsError(try TargetList.load(url, tiers: TierNames.declared(by: "son-la-1535-2019.yaml", ids: [.province, .district]))) { error in
            XCTAssertEqual((error as? DataFileError)?.line, 4, "\(error)")
            XCTAssertTrue("\(error)".contains("unknown tier `commune` (expected province or district: the tiers son-la-1535-2019.yaml declares)"), "\(error)")
        }
    }
}

final class TargetCodeTests: XCTestCase {
    func load(_ text: String) throws -> [CrawlTarget] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try TargetList.load(url)
    }

    func testTheCodeOfTheAgencysDocumentNumbers() throws {
        let targets = try load("""
        targets:
          - id: so-y-te
            name: Sở Y tế
            tier: province
            portal: https://soyte.sonla.gov.vn/
            code: SYT
          - id: so-ke-hoach-va-dau-tu
            name: Sở Kế hoạch và Đầu tư
            tier: province
            portal: https://sokhdt.sonla.gov.vn/
            code: "SKHĐT"
          - id: huyen-moc-chau
            name: UBND huyện Mộc Châu
            tier: district
            portal: https://mocchau.sonla.gov.vn/
        """)
        XCTAssertEqual(targets.map(\.code), ["SYT", "SKHĐT", nil])
    }

    func testANumberInsteadOfACodeNamesItsLine() throws {
        let text = """
        targets:
          - id: so-y-te
            name: Sở Y tế
            tier: province
            portal: https://soyte.sonla.gov.vn/
            code: 108/TB-SYT
        """
        XCTAssertThrowsError(try load(text)) { error in
            guard let error = error as? DataFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 6, "\(error)")
            XCTAssertTrue(error.description.contains("`108/TB-SYT`"), "\(error)")
            XCTAssertTrue(error.description.contains("e.g. `SYT`"), "\(error)")
        }
    }

    func testTheProjectsTargetsCarryCodes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for file in ["targets.yaml", "snapshots/targets.yaml"] {
            let targets = try TargetList.load(root.appendingPathComponent(file))
            XCTAssertEqual(targets.first { $0.id == "so-y-te" }?.code, "SYT", file)
            XCTAssertTrue(targets.filter { $0.tier == .district }.allSatisfy { $0.code == "UBND" }, file)
        }
    }
}
