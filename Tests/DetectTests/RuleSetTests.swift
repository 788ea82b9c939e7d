import DataFile
import XCTest
@testable import Detect

final class RuleSetTests: XCTestCase {
    /// The ids of reference/decree-43-items.md: the contract of the rule files.
    let contractIds = [
        "gioi-thieu.co-cau-to-chuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.lich-su", "gioi-thieu.lanh-dao",
        "gioi-thieu.lien-he", "gioi-thieu.dia-phuong", "tin-tuc", "chi-dao-dieu-hanh",
        "chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac", "tuyen-truyen-phap-luat",
        "chien-luoc-quy-hoach", "van-ban", "du-an-dau-thau", "thu-tuc-hanh-chinh", "danh-ba", "gop-y", "hoi-dap",
        "khoa-hoc", "thong-ke", "tieng-nuoc-ngoai", "chuc-nang.tim-kiem", "chuc-nang.so-do-cong",
        "chuc-nang.lien-ket", "chuc-nang.rss",
    ]

    /// The ids of reference/decree-42-2022-items.md.
    let decree42Ids = [
        "van-ban", "dieu-uoc-quoc-te", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "tuyen-truyen-phap-luat",
        "chien-luoc-quy-hoach", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he",
        "gioi-thieu.dau-moi", "du-an-dau-thau", "tai-chinh.bao-cao", "thong-ke", "tin-tuc", "chi-dao-dieu-hanh",
        "chi-dao-dieu-hanh.lich-cong-tac", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.in-luu",
        "tieng-nuoc-ngoai", "hoi-dap", "gop-y", "tuong-tac.danh-gia", "tuong-tac.mang-xa-hoi", "du-lieu-mo",
    ]

    func testShippedRuleSetsCarryEveryItem() throws {
        for (name, ids) in [("nd-43-2011", contractIds), ("nd-42-2022", decree42Ids)] {
            let rules = try RuleSet.load(named: name)
            XCTAssertEqual(rules.items.map(\.id).sorted(), ids.sorted(), name)
            XCTAssertTrue(rules.version.hasPrefix(name))
            for item in rules.items {
                XCTAssertFalse(item.labels.isEmpty, item.id)
                XCTAssertFalse(item.slugs.isEmpty, item.id)
            }
        }
    }

    func testTiers() throws {
        let rules = try RuleSet.load(named: "nd-43-2011")
        let province = rules.items(for: .province).map(\.id)
        let district = rules.items(for: .district).map(\.id)
        XCTAssertTrue(province.contains("gioi-thieu.lich-su"))
        XCTAssertFalse(province.contains("gioi-thieu.dia-phuong"))
        XCTAssertTrue(district.contains("gioi-thieu.dia-phuong"))
        XCTAssertFalse(district.contains("gioi-thieu.lich-su"))
        XCTAssertEqual(province.count, 24)
    }

    func testDecree42RanksNewServiceWordingFirst() throws {
        let rules = try RuleSet.load(named: "nd-42-2022")
        XCTAssertEqual(rules.services.levels.first?.wording, "toan-trinh")
        XCTAssertEqual(rules.services.reportedAs, ["toanTrinh": 4, "motPhan": 3])
        XCTAssertEqual(rules.decree, "Nghị định 42/2022/NĐ-CP")
    }

    /// Decree 42's stricter confirmations are its own, not 43/2011's wording.
    func testDecree42StricterConfirmations() throws {
        let rules = try RuleSet.load(named: "nd-42-2022")
        func rule(_ id: String) -> Confirmation? { rules.items.first { $0.id == id }?.confirm }
        XCTAssertEqual(rule("van-ban")?.kind, .documentMetadata)
        XCTAssertEqual(rule("van-ban")?.fields, ["number", "issuer", "date", "summary"])
        XCTAssertEqual(rule("tieng-nuoc-ngoai")?.needs, ["structure", "contacts"])
        XCTAssertFalse(rule("hoi-dap")?.words?.isEmpty ?? true)
        XCTAssertEqual(rule("dich-vu-cong.lien-ket-quoc-gia")?.hosts, ["dichvucong.gov.vn"])
        XCTAssertEqual(rule("gioi-thieu.dau-moi")?.withContacts, true)
    }

    func testAConfirmationMissingWhatItsKindNeedsNamesTheItemsLine() throws {
        let directory = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("nd-43-2011.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "confirm: {kind: document-numbers, minCount: 1}",
                                         with: "confirm: {kind: document-metadata, fields: [number, signer]}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("- id: van-ban") }.map { $0 + 1 }
        XCTAssertThrowsError(try RuleSet.load(file: file)) { error in
            let problem = error as? DataFileError
            XCTAssertEqual(problem?.line, line)
            XCTAssertTrue("\(error)".contains("signer"), "\(error)")
        }
    }

    private func copyOfRules() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["nd-43-2011", "dates", "news", "documents", "services", "pages"] {
            try FileManager.default.copyItem(at: RuleSet.shippedDirectory.appendingPathComponent(name + ".yaml"),
                                             to: directory.appendingPathComponent(name + ".yaml"))
        }
        return directory
    }

    func testSyntaxErrorNamesFileAndLine() throws {
        let directory = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("news.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "\nnextWords: [\"Tiếp\", \"Sau\"\n  broken: : ]\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(file: directory.appendingPathComponent("nd-43-2011.yaml"))) { error in
            guard let error = error as? DataFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.file, file.path)
            XCTAssertNotNil(error.line)
            XCTAssertGreaterThan(error.line ?? 0, 20)
            XCTAssertTrue(error.description.hasPrefix(file.path + ":"))
        }
    }

    func testShapeErrorNamesFileAndLineOfTheItem() throws {
        let directory = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("nd-43-2011.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "confirm: {kind: rss}", with: "confirm: {kind: telepathy}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let expectedLine = text.components(separatedBy: "\n").firstIndex { $0.contains("telepathy") }! + 1
        XCTAssertThrowsError(try RuleSet.load(file: file)) { error in
            guard let error = error as? DataFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.file, file.path)
            XCTAssertEqual(error.line, expectedLine)
            XCTAssertTrue(error.message.contains("items.24.confirm"), error.message)
        }
    }

    func testBadRegionSelectorNamesFileAndLine() throws {
        let cases = [
            ("classWords: [header]", "classWords: [\"site header\"]", "holds a space"),
            ("  idEquals: [header]", "  idEqual: [header]", "unknown key `idEqual`"),
            ("exceptTags: [a, html, body]", "exceptTags: [a, Html, body]", "not a tag name"),
        ]
        for (original, broken, complaint) in cases {
            let directory = try copyOfRules()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("pages.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(original), original)
            let changed = text.replacingOccurrences(of: original, with: broken)
            try changed.write(to: file, atomically: true, encoding: .utf8)
            let expectedLine = changed.components(separatedBy: "\n").firstIndex { $0.contains(broken) }! + 1
            XCTAssertThrowsError(try RuleSet.load(file: directory.appendingPathComponent("nd-43-2011.yaml"))) { error in
                guard let error = error as? DataFileError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.file, file.path)
                XCTAssertEqual(error.line, expectedLine, broken)
                XCTAssertTrue(error.message.contains(complaint), error.message)
            }
        }
    }

    func testMissingKeyAndMissingVocabularyFile() throws {
        let directory = try copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("dates.yaml"))
        XCTAssertThrowsError(try RuleSet.load(file: directory.appendingPathComponent("nd-43-2011.yaml"))) { error in
            XCTAssertEqual((error as? DataFileError).map { URL(fileURLWithPath: $0.file).lastPathComponent }, "dates.yaml")
        }
        let file = directory.appendingPathComponent("nd-43-2011.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "decree: ", with: "decreeX: ")
        try text.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(file: file)) { error in
            XCTAssertTrue((error as? DataFileError)?.message.contains("decree") ?? false, "\(error)")
        }
    }
}

