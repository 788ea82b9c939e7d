import Foundation
import HTML
import TextNormalization

/// Counts online public services by level from procedure tables on the
/// portal and the service hosts. The level comes from explicit wording
/// ("Mức độ 4", "toàn trình", "một phần"); without it a submit action
/// ("Nộp hồ sơ") means level 3, marked as inferred — unless the procedure's
/// own page, linked from the list, states its level: that wins.
final class ServiceCounter {
    struct Level {
        var level: Int
        var wording: String
        var inferred: Bool
    }

    private let table: TableReader
    private let levels: PhraseIndex<(level: Int, wording: String, rank: Int)>
    private let actions: PhraseIndex<Void>
    private let vocabulary: ServiceVocabulary
    private let pager: PagerReader
    private let keys: URLKeyMaker
    private var services: [String: ServiceEntry] = [:]
    /// Levels stated on pages that describe one procedure, by page key.
    private var detailLevels: [String: Level] = [:]
    private static let maxDetailPages = 20_000
    private var order: [String] = []
    private var partial = false

    init(rules: RuleSet, keys: URLKeyMaker) {
        self.keys = keys
        vocabulary = rules.services
        table = TableReader(columns: rules.services.columns)
        var phrases: [(String, (level: Int, wording: String, rank: Int))] = []
        for (rank, wording) in rules.services.levels.enumerated() {
            phrases += wording.phrases.map { ($0, (wording.level, wording.wording, rank)) }
        }
        levels = PhraseIndex(phrases)
        actions = PhraseIndex(rules.services.actions.map { ($0, ()) })
        pager = PagerReader(vocabulary: rules.news)
    }

    /// Reads procedure tables on any page; on service pages (`listsToo`)
    /// also procedure lists drawn without tables.
    func consume(_ page: PageView, listsToo: Bool) {
        guard (200..<300).contains(page.input.status) else { return }
        var found = 0
        for node in page.document.elements(named: ["table"]) {
            guard let rows = table.rows(of: node, required: "name", minFields: 2) else { continue }
            for row in rows {
                guard let nameCell = row.cells["name"] else { continue }
                let name = nameCell.text
                guard !name.isEmpty else { continue }
                let level = self.level(levelCell: row.cells["level"], row: row.node)
                let agency = row.cells["agency"]?.text
                let url = nameCell.nodes(".//a[@href]").first?.attribute("href")
                    .flatMap { URLResolver.resolve($0, against: page.baseURL) } ?? page.input.url
                let id = row.cells["id"]?.text
                let key = id.map { "id:" + VietnameseText.fold($0) }
                    ?? VietnameseText.fold(name) + "|" + VietnameseText.fold(agency ?? "")
                add(key: key, entry: ServiceEntry(name: name, level: level?.level, inferred: level?.inferred ?? false,
                                                  wording: level?.wording, agency: agency, url: url))
                found += 1
            }
        }
        if found == 0 && listsToo { found = readList(page) }
        if found > 0, pager.isScriptOnly(page.document) { partial = true }
        if found == 0, detailLevels.count < Self.maxDetailPages, let level = statedLevel(page) { detailLevels[page.key] = level }
    }

    /// The level a procedure's own page states: in a labelled field ("Mức độ:
    /// Toàn trình", a two-cell row), else in a short line, when only one
    /// level is stated there ("một phần" in running text is just words).
    private func statedLevel(_ page: PageView) -> Level? {
        guard let main = page.main else { return nil }
        for row in main.node.descendants(named: ["tr"]) {
            let cells = row.children(named: ["td", "th"])
            if cells.count == 2, table.field(named: cells[0].text) == "level", let level = explicitLevel(cells[1].text) {
                return level
            }
        }
        var stated: [Level] = []
        for (index, line) in main.lines.enumerated() where !line.isLonger(than: 120) {
            // Most lines hold no colon: a byte scan says so without walking Characters.
            if line.containsByte(0x3A), let colon = line.firstIndex(of: ":"), table.field(named: String(line[..<colon])) == "level",
               let level = explicitLevel(String(line[line.index(after: colon)...])) {
                return level
            }
            if !line.isLonger(than: 80), let level = explicitLevel(words: main.words(ofLine: index)),
               !stated.contains(where: { $0.level == level.level }) {
                stated.append(level)
            }
        }
        return stated.count == 1 ? stated[0] : nil
    }

    private func explicitLevel(_ text: String) -> Level? {
        explicitLevel(words: Words.of(text))
    }

    private func explicitLevel(words: [Substring]) -> Level? {
        let matches = levels.occurrences(in: words).map(\.entry.value)
        return matches.min(by: { $0.rank < $1.rank }).map { Level(level: $0.level, wording: $0.wording, inferred: false) }
    }

    /// Procedures as cards or list items: a long link (the procedure's name)
    /// whose nearest container holding level wording or a submit action
    /// holds no other procedure.
    private func readList(_ page: PageView) -> Int {
        var found = 0
        var seen = Set<String>()
        for (anchor, url) in page.anchors {
            let name = anchor.text
            guard name.count >= 15, !isAction(name), seen.insert(VietnameseText.fold(name)).inserted else { continue }
            var current = anchor.parent
            for _ in 0..<3 {
                guard let container = current, container.name != "body" else { break }
                let procedures = container.nodes(".//a").filter { $0.text.count >= 15 }.count
                if procedures > 1 { break }
                if let level = level(levelCell: nil, row: container) {
                    add(key: VietnameseText.fold(name) + "|", entry: ServiceEntry(
                        name: name, level: level.level, inferred: level.inferred, wording: level.wording,
                        agency: nil, url: url))
                    found += 1
                    break
                }
                current = container.parent
            }
        }
        return found
    }

    /// A submit button's text ("Nộp hồ sơ trực tuyến"): an action, not a procedure.
    private func isAction(_ text: String) -> Bool {
        !actions.labels(of: Words.of(text), maxExtraWords: vocabulary.actionExtraWords).isEmpty
    }

    /// Explicit wording in the level cell, then in the row; a bare digit in
    /// the level cell; else a submit action.
    private func level(levelCell: HTMLNode?, row: HTMLNode) -> Level? {
        // Levels are also drawn as icons: read their alt and title too.
        func labels(_ node: HTMLNode?) -> String? {
            node?.nodes(".//*[@alt or @title]").compactMap { $0.attribute("alt") ?? $0.attribute("title") }
                .joined(separator: " ; ")
        }
        for scope in [levelCell?.text, labels(levelCell), row.text, labels(row)].compactMap({ $0 }) {
            if let level = explicitLevel(scope) { return level }
        }
        if let text = levelCell?.text.trimmingCharacters(in: .whitespaces), let digit = Int(text),
           vocabulary.levelDigits.count == 2, (vocabulary.levelDigits[0]...vocabulary.levelDigits[1]).contains(digit) {
            return Level(level: digit, wording: "muc-do", inferred: false)
        }
        let actionTexts = row.nodes(".//a|.//button|.//input[@type='submit' or @type='button']").map { node in
            node.text.isEmpty ? (node.attribute("value") ?? node.attribute("title") ?? "") : node.text
        }
        if actionTexts.contains(where: { actions.contains(in: Words.of($0)) }) {
            return Level(level: vocabulary.inferredLevel, wording: "nop-ho-so", inferred: true)
        }
        return nil
    }

    private func add(key: String, entry: ServiceEntry) {
        if let known = services[key] {
            // Keep the explicit level over an inferred or missing one.
            if known.level == nil || (known.inferred && !entry.inferred && entry.level != nil) { services[key] = entry }
            return
        }
        services[key] = entry
        order.append(key)
    }

    func finish() -> ServiceFindings {
        var fromDetail = 0
        let list = order.compactMap { key -> ServiceEntry? in
            guard var entry = services[key] else { return nil }
            // The procedure's own page outranks a level inferred from a button (or none).
            if entry.level == nil || entry.inferred, let stated = detailLevels[keys.key(entry.url)] {
                entry.level = stated.level
                entry.wording = stated.wording
                entry.inferred = false
                fromDetail += 1
            }
            return entry
        }
        let level3 = list.filter { $0.level == 3 }
        let level4 = list.filter { $0.level == 4 }
        let wordings = Set((level3 + level4).compactMap(\.wording)).sorted()
        let reported = vocabulary.reportedAs ?? [:]
        return ServiceFindings(
            level3: level3.count, level4: level4.count, total: list.count,
            inferredLevel3: level3.filter(\.inferred).count,
            toanTrinh: reported["toanTrinh"].map { level in list.filter { $0.level == level }.count },
            motPhan: reported["motPhan"].map { level in list.filter { $0.level == level }.count },
            fromDetailPages: fromDetail,
            wording: wordings.isEmpty ? "none" : wordings.joined(separator: "+"),
            partial: partial, list: list)
    }
}
