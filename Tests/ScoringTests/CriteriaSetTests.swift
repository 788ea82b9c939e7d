@testable import Scoring
import Vocabulary
import XCTest

final class CriteriaSetTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try Fixtures.scratch() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    static let mini = Fixtures.root.appendingPathComponent("testdata/scoring-mini/tieu-chi.yaml")

    func testTheProjectSetHasTheDecisionsCategories() throws {
        let set = try CriteriaSet.load(Fixtures.criteria)
        XCTAssertEqual(set.categories(for: .province).count, 6)
        XCTAssertEqual(set.categories(for: .district).count, 7)
        XCTAssertEqual(set.categories(for: .province).map(\.id).contains("cap-xa"), false)
        for tier: Tier in [.province, .district] {
            XCTAssertEqual(set.categories(for: tier).compactMap { $0.points[tier] }.reduce(0, +), 100)
        }
        let web = set.categories.flatMap(\.criteria).filter(\.webVerifiable).map(\.id)
        XCTAssertEqual(Set(web), ["thong-tin-nd43", "tin-bai", "van-ban-dang", "dvc-muc-3-4"])
    }

    /// The 2026 set ranks the two tiers of the two-level government, in its file's order,
    /// and checks the portal against every item of Nghị định 42/2022.
    func testThe2026SetRanksProvinceAndCommuneOnDecree42Items() throws {
        let set = try CriteriaSet.load(Fixtures.root.appendingPathComponent("criteria/son-la-2026.yaml"))
        XCTAssertEqual(set.rules.tiers.map(\.id), [.province, .commune])
        XCTAssertEqual(set.rules.tier("commune")?.label, "UBND cấp xã")
        for tier: Tier in [.province, .commune] {
            XCTAssertEqual(set.categories(for: tier).compactMap { $0.points[tier] }.reduce(0, +), 100)
        }
        let rules = try String(contentsOf: Fixtures.root.appendingPathComponent("Sources/Detect/Resources/rules/nd-42-2022.yaml"),
                               encoding: .utf8)
        let items = rules.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("  - id: ") ? String(line.dropFirst(8)).trimmingCharacters(in: .whitespaces) : nil
        }
        XCTAssertEqual(items.count, 25)
        guard case .sections(let counted)? = set.input("muc-thong-tin-nd42")?.measured else { return XCTFail("no measured items") }
        XCTAssertEqual(counted, items)
        let fields = set.inputs.compactMap { input -> String? in
            if case .field(let field)? = input.measured { return field.rawValue } else { return nil }
        }
        XCTAssertEqual(Set(fields), ["news.count", "documents.count", "services.total", "services.level3", "services.level4"])
        // Each web criterion is scored in the tiers its points name: caps differ for communes.
        let web = set.categories.flatMap(\.criteria).filter(\.webVerifiable)
        XCTAssertEqual(Set(web.filter { $0.points[.commune] != nil }.map(\.id)),
                       ["thong-tin-nd42", "tin-bai-xa", "van-ban-dang-xa"])
        XCTAssertEqual(Set(web.filter { $0.points[.province] != nil }.map(\.id)),
                       ["thong-tin-nd42", "tin-bai", "van-ban-dang", "dvc-truc-tuyen", "dvc-toan-trinh"])
    }

    func testATierIdMustBeASlug() throws {
        try assertBroken(replacing: "  district: {label", with: "  cấp huyện: {label", line: 6, containing: "cấp huyện")
    }

    /// Loads the mini set with one line replaced, and expects an error at `line`.
    private func assertBroken(replacing old: String, with new: String, line: Int, containing text: String,
                              sourceLine: UInt = #line) throws {
        let original = try String(contentsOf: Self.mini, encoding: .utf8)
        XCTAssertTrue(original.contains(old), "fixture changed", line: sourceLine)
        let url = try Fixtures.write(original.replacingOccurrences(of: old, with: new), "broken.yaml", in: directory)
        XCTAssertDataFileError(try CriteriaSet.load(url), file: "broken.yaml", line: line, containing: text, sourceLine: sourceLine)
    }

    func testCriteriaThatDoNotSumToTheirCategoryAreRejected() throws {
        try assertBroken(replacing: "{id: lan, name: LAN, points: 1,", with: "{id: lan, name: LAN, points: 2,", line: 22, containing: "c1")
    }

    func testCategoriesThatDoNotSumToOutOfAreRejected() throws {
        try assertBroken(replacing: "outOf: 10", with: "outOf: 12", line: 3, containing: "outOf")
    }

    func testUnknownInputIsRejected() throws {
        try assertBroken(replacing: "method: yes-no, input: lan,", with: "method: yes-no, input: wan,", line: 26, containing: "wan")
    }

    func testUnknownTierInPointsIsRejected() throws {
        try assertBroken(replacing: "points: {province: 6, district: 5}", with: "points: {province: 6, commune: 5}", line: 24,
                         containing: "commune")
        // A district-only category cannot give province points.
        try assertBroken(replacing: "{id: xa, name: Xã, points: 2,", with: "{id: xa, name: Xã, points: {province: 2},", line: 44,
                         containing: "province")
    }

    func testMethodParametersAreChecked() throws {
        try assertBroken(replacing: "method: yes-no, input: lan,", with: "method: yes-no, input: may,", line: 26, containing: "yes-no")
        try assertBroken(replacing: "method: relative-to-best", with: "method: best", line: 28, containing: "best")
        try assertBroken(replacing: "{min: 0.8, share: 1}, {min: 0.5, share: 0.5}", with: "{min: 0.5, share: 1}, {min: 0.8, share: 0.5}",
                         line: 30, containing: "steps")
        try assertBroken(replacing: "cap: 100,", with: "cap: 0,", line: 35, containing: "cap")
    }

    func testWebVerifiableNeedsVerifyAndAMeasuredInput() throws {
        try assertBroken(replacing: "webVerifiable: true, verify: {use: lower, tolerance: 10%}", with: "webVerifiable: true",
                         line: 35, containing: "verify")
        try assertBroken(replacing: "{id: xa, name: Xã, points: 2, method: linear, input: xa, cap: 10, webVerifiable: false}",
                         with: "{id: xa, name: Xã, points: 2, method: linear, input: xa, cap: 10, webVerifiable: true, verify: {use: lower, tolerance: 1}}",
                         line: 44, containing: "measured")
        try assertBroken(replacing: "use: lower", with: "use: higher", line: 36, containing: "use")
    }

    func testUnknownKeysAreRejected() throws {
        try assertBroken(replacing: "  lan: {group: a, unit: yes-no, label: Có LAN}", with: "  lan: {group: a, unit: yes-no, lable: Có LAN}",
                         line: 13, containing: "lable")
    }
}

/// A documents criterion compares the self-report with every document listed
/// in the year (`documents.count`, the default of the bundled set) or with
/// those the agency issued itself (`documents.own`).
final class DocumentsFigureTests: XCTestCase {
    var directory: URL!
    override func setUpWithError() throws { directory = try Fixtures.scratch() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func criteria(field: String) throws -> CriteriaSet {
        let text = try String(contentsOf: Fixtures.criteria, encoding: .utf8)
            .replacingOccurrences(of: "measured: {field: documents.count, evidence: van-ban}",
                                  with: "measured: {field: \(field), evidence: van-ban}")
        return try CriteriaSet.load(Fixtures.write(text, "tieu-chi.yaml", in: directory))
    }

    func target(count: Int, own: Int?, reason: String?) -> Measurements.Target {
        Measurements.Target(id: "so-y-te", name: nil, tier: nil, status: .ok, reason: nil, pagesFetched: 40, sections: nil, news: nil,
                            documents: .init(count: count, own: own, ownReason: reason), services: nil)
    }

    func testTheBundledSetComparesEveryDocumentListed() throws {
        let input = try XCTUnwrap(CriteriaSet.load(Fixtures.criteria).input("so-van-ban-dang"))
        XCTAssertEqual(input.measured, .field(.documentsCount))
        XCTAssertEqual(target(count: 17, own: 9, reason: nil).figure(for: input), .value(17, evidence: []))
    }

    func testOwnDocumentsWhenTheCriteriaSaySo() throws {
        let input = try XCTUnwrap(criteria(field: "documents.own").input("so-van-ban-dang"))
        XCTAssertEqual(input.measured, .field(.documentsOwn))
        XCTAssertEqual(target(count: 17, own: 9, reason: nil).figure(for: input), .value(9, evidence: []))
        let untold = target(count: 17, own: nil, reason: "3/17 văn bản không rõ cơ quan ban hành")
        guard case .inconclusive(let why, _)? = untold.figure(for: input) else { return XCTFail("expected inconclusive") }
        XCTAssertTrue(why.contains("3/17 văn bản không rõ cơ quan ban hành"), why)
    }

    func testAnUnknownDocumentsFigureIsNamedWithItsLine() throws {
        let text = try String(contentsOf: Fixtures.criteria, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("so-van-ban-dang:") }.map { $0 + 1 } ?? 0
        let broken = text.replacingOccurrences(of: "measured: {field: documents.count, evidence: van-ban}",
                                               with: "measured: {field: documents.issued, evidence: van-ban}")
        XCTAssertDataFileError(try CriteriaSet.load(Fixtures.write(broken, "tieu-chi.yaml", in: directory)),
                               file: "tieu-chi.yaml", line: line, containing: "documents.own")
    }
}
