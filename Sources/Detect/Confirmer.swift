import Foundation
import HTML
import TextNormalization

/// What a scope's content says about an item: the proof (what an appraiser
/// can check on the page, quoted) or why it is not one.
enum Verdict {
    case proof(String)
    case rejected(String)

    var evidence: String? {
        if case .proof(let text) = self { return text }
        return nil
    }
}

/// Decides whether a scope's content confirms an item, per the item's
/// `confirm` rule, and says what it saw: the proving text, or why not.
struct Confirmer {
    let pages: PageVocabulary
    let dates: DateParser
    let numbers: DocumentNumberScanner
    let documentTable: TableReader
    let people: PeopleFinder
    let portalHosts: Set<String>
    let addressWords: PhraseIndex<Void>
    let phoneWords: PhraseIndex<Void>
    let emailWords: PhraseIndex<Void>
    let placeholders: PhraseIndex<Void>
    let structureWords: PhraseIndex<Void>
    let printControls: Set<String>
    let english: EnglishWords
    let searchHints: [String]
    let scopedSearch: PhraseIndex<Void>
    let atSigns: [String]
    let shareSegments: Set<String>
    /// Path prefixes of a portal that is one part of a shared host ("/phuong-chieng-an/"), by host:
    /// the host's other parts are other agencies' sites.
    let portalPaths: [String: [String]]
    let notAgencyHosts: [String]

    init(rules: RuleSet, portalHosts: [String]) {
        pages = rules.pages
        dates = DateParser(vocabulary: rules.dates)
        numbers = DocumentNumberScanner(vocabulary: rules.documents)
        documentTable = TableReader(columns: rules.documents.columns)
        people = PeopleFinder(pages: rules.pages)
        self.portalHosts = Set(portalHosts.map(HostName.normalise))
        addressWords = PhraseIndex(rules.pages.contact.addressWords.map { ($0, ()) })
        phoneWords = PhraseIndex(rules.pages.contact.phoneWords.map { ($0, ()) })
        emailWords = PhraseIndex(rules.pages.contact.emailWords.map { ($0, ()) })
        placeholders = PhraseIndex(rules.pages.placeholders.phrases.map { ($0, ()) })
        structureWords = PhraseIndex(rules.pages.englishStructureWords.map { ($0, ()) })
        printControls = Set(rules.pages.printControls.map { Words.of($0).joined(separator: " ") })
        english = EnglishWords(common: Set(rules.pages.englishWords.map { $0.lowercased() }),
                               minVowelGroups: rules.pages.englishMinVowelGroups, minShare: rules.pages.englishMinShare)
        searchHints = rules.pages.searchHints.map(VietnameseText.fold)
        scopedSearch = PhraseIndex(rules.pages.scopedSearchLabels.map { ($0, ()) })
        atSigns = rules.pages.contact.atSigns
        shareSegments = Set(rules.pages.shareButtonSegments.map { $0.lowercased() })
        notAgencyHosts = rules.pages.notAgencyHosts.map { $0.lowercased() }
        var paths: [String: [String]] = [:]
        var wholeHosts = Set<String>()
        for portal in portalHosts {
            guard portal.contains("://"), let parts = URLParts(portal) else { wholeHosts.insert(HostName.normalise(portal)); continue }
            let path = parts.path.hasSuffix("/") ? parts.path : parts.path + "/"
            if path == "/" { wholeHosts.insert(parts.host) } else { paths[parts.host, default: []].append(path) }
        }
        portalPaths = paths.filter { !wholeHosts.contains($0.key) }
    }

    /// - Parameter markers: where the rule's `words` are looked for (default: the scope). A
    ///   status line repeated on every question page is still the page's status.
    func confirm(_ rule: Confirmation, in scope: ContentScope, page: HTMLDocument, markers: ContentScope? = nil) -> Verdict {
        let verdict = check(rule, in: scope, page: page)
        guard case .proof = verdict, let words = rule.words, !words.isEmpty else { return verdict }
        // The item asks for more than content: an answer's status, say.
        let index = PhraseIndex(words.map { ($0, ()) })
        let markers = markers ?? scope
        guard let hit = index.occurrences(in: markers.words).first else {
            return .rejected("không có «\(words.prefix(4).joined(separator: "», «"))»")
        }
        let line = markers.lines.first { PhraseIndex(hit.entry.phrase).contains(in: Words.of($0)) }
        return .proof(verdict.evidence! + "; «\(excerpt(line ?? hit.entry.phrase))»")
    }

    private func check(_ rule: Confirmation, in scope: ContentScope, page: HTMLDocument) -> Verdict {
        let count = rule.minCount ?? 1
        switch rule.kind {
        case .content:
            return content(scope, minChars: rule.minChars ?? 80)
        case .listing:
            let dated = dates.all(in: scope.lines.joined(separator: "\n"), folded: scope.folded)
            if dated.count >= count { return .proof("\(dated.count) mục có ngày (\(dated[0].iso)…)" + quoted(firstLine(scope, with: dated[0].iso))) }
            if let placeholder = placeholder(in: scope) { return .rejected(placeholder) }
            if scope.links.count >= max(count, 5) { return .proof("\(scope.links.count) liên kết bài viết" + quoted(runningLine(scope))) }
            return .rejected("\(dated.count) mục có ngày, \(scope.links.count) liên kết (cần \(count) mục có ngày)")
        case .contact:
            return contact(in: scope).map { .proof($0) } ?? .rejected("không đủ địa chỉ, điện thoại và thư điện tử")
        case .emails:
            let found = emails(in: scope)
            return found.count >= count
                ? .proof("\(found.count) địa chỉ thư điện tử (\(found.prefix(3).joined(separator: ", "))…)")
                : .rejected("\(found.count) địa chỉ thư điện tử (cần \(count))")
        case .datedEntries:
            let dated = dates.all(in: scope.lines.joined(separator: "\n"), folded: scope.folded)
            if dated.count >= count { return .proof("\(dated.count) mục có ngày (\(dated[0].iso)…)" + quoted(firstLine(scope, with: dated[0].iso))) }
            return .rejected(placeholder(in: scope) ?? "không có mục nào có ngày")
        case .documentNumbers:
            var seen = Set<String>()
            let found = numbers.all(in: scope.lines.joined(separator: "\n")).filter { seen.insert($0.key).inserted }
            return found.count >= count
                ? .proof("\(found.count) số/ký hiệu văn bản (\(found.prefix(3).map(\.text).joined(separator: ", "))…)")
                : .rejected(placeholder(in: scope) ?? "không có số/ký hiệu văn bản")
        case .documentMetadata:
            return documentMetadata(scope, fields: rule.fields ?? [], minCount: count)
        case .searchForm:
            return searchBox(in: page).map { .proof($0) } ?? .rejected("không có ô tìm kiếm")
        case .rss:
            // A page named "RSS" proves a feed by linking one, not itself.
            let own = Self.canonical(scope.baseURL)
            let feeds = scope.links.filter { link in
                let lower = link.lowercased()
                return (lower.contains("rss") || lower.hasSuffix(".xml") || lower.contains("feed")) && Self.canonical(link) != own
            }
            return feeds.isEmpty ? .rejected("không có liên kết RSS") : .proof("\(feeds.count) liên kết RSS (\(feeds[0]))")
        case .english:
            if let lang = page.root?.attribute("lang")?.lowercased(), lang.hasPrefix("en") {
                return .proof("lang=\(lang)" + quoted(runningLine(scope)))
            }
            let counted = english.count(scope.lines)
            let hits = counted.english
            return english.isEnglish(counted, minWords: count) ? .proof("\(hits) từ tiếng Anh" + quoted(runningLine(scope)))
                : .rejected("\(hits) từ tiếng Anh trong \(counted.words) từ (cần \(count))")
        case .links:
            let external = Set(scope.links.compactMap(otherSite))
            let options = scope.node.nodes(".//option").filter {
                ($0.attribute("value") ?? "").lowercased().hasPrefix("http")
            }.count
            let total = max(external.count, options)
            return total >= count ? .proof("\(total) liên kết tới website khác (\(external.sorted().prefix(3).joined(separator: ", ")))")
                : .rejected("\(total) liên kết tới website khác (cần \(count))")
        case .sitemap:
            return scope.links.count >= count ? .proof("\(scope.links.count) liên kết trong sơ đồ")
                : .rejected("\(scope.links.count) liên kết (cần \(count))")
        case .people:
            let finder = rule.titles.map { PeopleFinder(pages: pages, titles: $0) } ?? people
            var found = finder.people(in: scope.lines)
            if rule.withContacts == true { found = found.filter(\.hasContact) }
            guard found.count >= count else {
                return .rejected("\(found.count) người có chức danh\(rule.withContacts == true ? " kèm điện thoại/thư điện tử" : "") (cần \(count))")
            }
            // A list of people, not an article naming a few in its captions
            // (people listed with their phone or e-mail are a list already).
            let running = scope.lines.filter(isRunning).count
            guard rule.withContacts == true || Double(found.count) >= pages.people.minShareOfRunningLines * Double(running) else {
                return .rejected("\(found.count) người có chức danh giữa \(running) dòng văn bản: không phải danh sách")
            }
            return .proof("\(found.count) người có chức danh: " + found.prefix(3).map { excerpt($0.text) }.joined(separator: "; "))
        case .externalLink:
            let links = scope.links.filter { matchesHost($0, rule.hosts ?? []) }
            return links.isEmpty ? .rejected("không có liên kết tới \((rule.hosts ?? []).joined(separator: ", "))")
                : .proof("liên kết tới \(links[0])")
        case .printControl:
            return printControl(in: scope.node).map { .proof($0) } ?? .rejected("không có nút in/lưu")
        case .formInputs:
            return scope.formInputs >= count ? .proof("\(scope.formInputs) ô lựa chọn/nhập" + quoted(runningLine(scope)))
                : .rejected("\(scope.formInputs) ô lựa chọn/nhập (cần \(count))")
        }
    }

    // MARK: - Content and placeholders

    /// Running text proves content; a placeholder ("Đang cập nhật", a list of
    /// links to `#`) does not, whatever the page's size.
    private func content(_ scope: ContentScope, minChars: Int) -> Verdict {
        if let placeholder = placeholder(in: scope, minChars: minChars) { return .rejected(placeholder) }
        let chars = scope.textLength
        if chars >= minChars { return .proof("\(chars) ký tự nội dung" + quoted(runningLine(scope))) }
        if scope.links.count >= 3 { return .proof("\(scope.links.count) liên kết nội dung" + quoted(runningLine(scope))) }
        if scope.media > 0 { return .proof("\(scope.media) hình ảnh/tệp nhúng" + quoted(runningLine(scope))) }
        return .rejected("chỉ có \(chars) ký tự nội dung (cần \(minChars))")
    }

    /// Why the scope is a placeholder, or nil: a placeholder phrase, or links
    /// that lead nowhere, with less running text besides than `minChars`.
    func placeholder(in scope: ContentScope, minChars: Int = 80) -> String? {
        let phrase = placeholders.occurrences(in: scope.words).first?.entry.phrase
        let dead = scope.deadAnchorChars
        guard phrase != nil || dead > 0 else { return nil }
        let running = scope.lines.reduce(0) { total, line in
            isRunning(line) && !isPlaceholder(line) ? total + line.count : total
        }
        // A placeholder phrase asks for a page's worth of text besides it, whatever the item's minimum.
        guard running - dead < (phrase == nil ? minChars : max(minChars, 80)) else { return nil }
        if let phrase { return "placeholder «\(phrase)»" }
        // A few dead links (share, print, a skip link) beside real content — running
        // text, or a list or table of units without links — are not the content.
        // Links to "#" resolve to the page itself: they are not links that lead somewhere.
        guard dead * 2 >= max(running, scope.textLength - dead), scope.links.count - scope.deadAnchors.count < 3 else { return nil }
        return "placeholder: các liên kết chỉ tới # hoặc javascript:"
    }

    /// A line of running text: enough words of letters ("Ngày cập nhật: 12/03/2020 | Lượt xem: 1.024" is not).
    private func isRunning(_ line: String) -> Bool {
        Words.of(line).lazy.filter { $0.allSatisfy(\.isLetter) }.count >= pages.minWordsPerLine
    }

    private func isPlaceholder(_ line: String) -> Bool {
        placeholders.contains(in: Words.of(line))
    }

    /// The first sentence-long line of running text that is not a placeholder
    /// (a heading repeats the menu label), else the first running line.
    private func runningLine(_ scope: ContentScope) -> String? {
        let running = scope.lines.lazy.filter { self.isRunning($0) && !self.isPlaceholder($0) }
        return running.first { Words.of($0).count >= 2 * self.pages.minWordsPerLine } ?? running.first ?? scope.lines.first
    }

    private func firstLine(_ scope: ContentScope, with iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let day = Int(parts[2]), let month = Int(parts[1]) else { return scope.lines.first }
        return scope.lines.first { $0.contains(String(parts[0])) && ($0.contains(String(format: "%02d/%02d", day, month))
            || $0.contains("\(day)/\(month)")) } ?? scope.lines.first
    }

    func excerpt(_ text: String) -> String {
        text.isLonger(than: pages.excerptChars) ? String(text.prefix(pages.excerptChars)) + "…" : text
    }

    private func quoted(_ line: String?) -> String {
        line.map { ": «\(excerpt($0))»" } ?? ""
    }

    // MARK: - Documents

    /// A document table whose header shows every field, with numbered rows;
    /// else a document page ("Số ký hiệu: …" lines or two-cell rows) showing them.
    private func documentMetadata(_ scope: ContentScope, fields: [String], minCount: Int) -> Verdict {
        let needed = Set(fields)
        var best: Set<String> = []
        for table in scope.node.descendants(named: ["table"]) {
            guard let rows = documentTable.rows(of: table, required: "number", minFields: 2) else { continue }
            let shown = Set(rows.first?.cells.keys.map { $0 } ?? [])
            if shown.count > best.count { best = shown }
            guard needed.isSubset(of: shown) else { continue }
            let numbered = rows.compactMap { row in row.cells["number"].flatMap { numbers.all(in: $0.text).first } }
            if numbered.count >= minCount {
                return .proof("bảng văn bản có \(fields.map(columnName).joined(separator: ", ")): \(numbered.count) văn bản ("
                    + numbered.prefix(3).map(\.text).joined(separator: ", ") + "…)")
            }
        }
        var page: [String: String] = [:]
        for row in scope.node.descendants(named: ["tr"]) {
            let cells = row.children(named: ["td", "th"])
            if cells.count == 2, let field = documentTable.field(named: cells[0].text), page[field] == nil { page[field] = cells[1].text }
        }
        // Most lines hold no colon: a byte scan says so without walking Characters.
        for line in scope.lines where line.containsByte(0x3A) && !line.isLonger(than: 399) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            if !value.isEmpty, let field = documentTable.field(named: String(line[..<colon])), page[field] == nil { page[field] = value }
        }
        if let number = page["number"].flatMap({ numbers.all(in: $0).first }), needed.isSubset(of: Set(page.keys)) {
            return .proof("trang văn bản \(number.text) có " + fields.map { "\(columnName($0)): \(excerpt(page[$0] ?? ""))" }.joined(separator: "; "))
        }
        let shown = best.count >= page.count ? best : Set(page.keys)
        let missing = fields.filter { !shown.contains($0) }
        if shown.isEmpty { return .rejected(placeholder(in: scope) ?? "không có danh sách văn bản có số/ký hiệu") }
        return .rejected("danh sách văn bản thiếu " + missing.map(columnName).joined(separator: ", "))
    }

    private func columnName(_ field: String) -> String {
        ["number": "số/ký hiệu", "issuer": "cơ quan ban hành", "date": "ngày ban hành", "summary": "trích yếu",
         "effective": "ngày hiệu lực", "type": "loại văn bản"][field] ?? field
    }

    // MARK: - Contacts

    /// Address, phone and e-mail all present.
    func contact(in scope: ContentScope) -> String? {
        var address: String?
        var phone: String?
        for line in scope.lines {
            let words = Words.of(line)
            if address == nil, addressWords.contains(in: words), line.count > 12 { address = line }
            if phone == nil, phoneWords.contains(in: words), digitCount(line) >= pages.contact.minPhoneDigits { phone = line }
        }
        let mails = emails(in: scope)
        guard let address, let phone, let mail = mails.first else { return nil }
        if address == phone { return "«\(excerpt(address))»; \(mail)" }
        return "«\(excerpt(address))»; «\(excerpt(phone))»; \(mail)"
    }

    /// Where a contact block (two of address, phone, e-mail) begins among
    /// the last `tail` lines: the site's footer when no class marks it.
    func contactBlockStart(_ lines: [String], tail: Int) -> Int? {
        let first = max(0, lines.count - tail)
        var start: Int?
        var kinds = Set<Int>()
        for index in first..<lines.count {
            let line = lines[index]
            let words = Words.of(line)
            var kind: Int?
            if addressWords.contains(in: words), line.count > 12 { kind = 0 }
            else if phoneWords.contains(in: words), digitCount(line) >= pages.contact.minPhoneDigits { kind = 1 }
            else if line.contains("@") || atSigns.contains(where: { line.contains($0) }) { kind = 2 }
            guard let kind else { continue }
            if start == nil { start = index }
            kinds.insert(kind)
        }
        return kinds.count >= 2 ? start : nil
    }

    func emails(in scope: ContentScope) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        for original in scope.lines {
            var line = original
            // "sonoivu[at]sonla.gov.vn" is an address written for people, not robots.
            for sign in atSigns where line.localizedCaseInsensitiveContains(sign) {
                line = line.replacingOccurrences(of: sign, with: "@", options: .caseInsensitive)
                    .replacingOccurrences(of: " @ ", with: "@")
            }
            guard line.contains("@") else { continue }
            for token in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" }) {
                let candidate = token.trimmingCharacters(in: CharacterSet(charactersIn: ".<>\"'"))
                let parts = candidate.split(separator: "@")
                guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                      seen.insert(candidate.lowercased()).inserted else { continue }
                found.append(candidate)
            }
        }
        for link in scope.node.nodes(".//a[starts-with(translate(@href,'MAILTO','mailto'),'mailto:')]") {
            let address = String((link.attribute("href") ?? "").dropFirst(7)).split(separator: "?").first.map(String.init) ?? ""
            if address.contains("@"), seen.insert(address.lowercased()).inserted { found.append(address) }
        }
        return found
    }

    // MARK: - English version

    /// What an English page carries of what Nghị định 42/2022 asks:
    /// "structure" (the organisation) and "contacts", each with its proof.
    func englishParts(in scope: ContentScope) -> [String: String] {
        var parts: [String: String] = [:]
        if let hit = structureWords.occurrences(in: scope.words).first {
            let line = scope.lines.first { PhraseIndex(hit.entry.phrase).contains(in: Words.of($0)) }
            parts["structure"] = "«\(excerpt(line ?? hit.entry.phrase))»"
        }
        if let contact = contact(in: scope) { parts["contacts"] = contact }
        return parts
    }

    // MARK: - Whole-page controls

    /// A text input that searches: inside a form, or named like a search box.
    func searchBox(in page: HTMLDocument) -> String? {
        let inputs = page.nodes("//input[not(@type) or @type='text' or @type='search']")
        for input in inputs {
            let hints = [input.attribute("name"), input.attribute("id"), input.attribute("placeholder"),
                         input.attribute("title"), input.attribute("class"), input.attribute("type")]
                .compactMap { $0 }.map(VietnameseText.fold)
            let named = hints.contains { hint in
                searchHints.contains { wanted in
                    hint == wanted || (wanted.count > 2 && hint.contains(wanted))
                }
            }
            if named || input.attribute("type") == "search", !isScopedSearch(input) {
                return "ô tìm kiếm «\(input.attribute("placeholder") ?? input.attribute("name") ?? input.attribute("id") ?? "")»"
            }
        }
        return nil
    }

    /// A box that searches one list, not the site: its form's button, or the
    /// box's own placeholder or title, names what it finds ("Tìm văn bản",
    /// "Số/ký hiệu, trích yếu").
    private func isScopedSearch(_ input: HTMLNode) -> Bool {
        var texts = [input.attribute("placeholder"), input.attribute("title")].compactMap { $0 }
        var current = input.parent
        while let node = current, node.name != "form", node.name != "body" { current = node.parent }
        if let form = current, form.name == "form" {
            texts += form.descendants(named: ["button", "input"]).compactMap { control in
                control.name == "button" ? control.text : (control.attribute("type") == "submit" ? control.attribute("value") : nil)
            }
        }
        return texts.contains { scopedSearch.contains(in: Words.of($0)) }
    }

    /// A link, button or icon that prints or saves the page.
    func printControl(in node: HTMLNode) -> String? {
        for control in node.descendants(named: ["a", "button", "input", "span", "i"]) {
            let text = control.name == "input" ? (control.attribute("value") ?? "") : control.text
            let label = [text, control.attribute("title") ?? "", control.attribute("alt") ?? ""]
                .first { printControls.contains(Words.of($0).joined(separator: " ")) }
            let script = (control.attribute("onclick") ?? "") + " " + (control.attribute("href") ?? "")
            if let label { return "nút «\(label)»" }
            if control.name != "span" && control.name != "i", script.lowercased().contains("print") {
                return "nút in (\(excerpt(script.trimmingCharacters(in: .whitespaces))))"
            }
        }
        return nil
    }

    /// Whether `url` is on one of `hosts` (a whole host, or a beginning such as "opendata.").
    func matchesHost(_ url: String, _ hosts: [String]) -> Bool {
        guard let host = URLParts(url)?.host, !portalHosts.contains(host), !isShareButton(url) else { return false }
        return hosts.contains { wanted in
            let wanted = wanted.lowercased()
            if wanted.hasSuffix(".") { return host.hasPrefix(wanted) || host.contains("." + wanted) }
            return host == wanted || host.hasSuffix("." + wanted)
        }
    }

    /// The site a link leads to when it is not the portal: its host, or on a
    /// host the portal shares, the part of the host ("host/xa-khac").
    func otherSite(_ url: String) -> String? {
        guard let parts = URLParts(url) else { return nil }
        guard portalHosts.contains(parts.host) else { return parts.host }
        guard let paths = portalPaths[parts.host] else { return nil }
        let path = parts.path.hasSuffix("/") ? parts.path : parts.path + "/"
        if paths.contains(where: { path.hasPrefix($0) }) { return nil }
        return parts.path.split(separator: "/").first.map { parts.host + "/" + $0 }
    }

    /// Another agency's site a link leads to: not the portal, not a social network, not a share button.
    func agencySite(_ url: String) -> String? {
        guard let site = otherSite(url), !isShareButton(url), let host = URLParts(url)?.host else { return nil }
        let social = notAgencyHosts.contains { host == $0 || host.hasSuffix("." + $0) }
        return social ? nil : site
    }

    /// A link that shares or likes a page on a social network (not an account there).
    func isShareButton(_ url: String) -> Bool {
        guard let path = URLParts(url)?.path else { return false }
        return isShareButton(path: path)
    }

    /// `isShareButton` of a URL already parsed, by its path.
    func isShareButton(path: String) -> Bool {
        path.lowercased().split(separator: "/").contains { shareSegments.contains(String($0)) }
    }

    private func digitCount(_ line: String) -> Int {
        line.reduce(0) { $0 + ($1.isASCIIDigit ? 1 : 0) }
    }

    /// Host, path without a trailing slash and sorted query: one page however a link writes it.
    static func canonical(_ url: String) -> String {
        guard let parts = URLParts(url) else { return url }
        var path = parts.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let query = parts.query.map { $0.split(separator: "&").sorted().joined(separator: "&") } ?? ""
        return parts.host + path + "?" + query
    }
}

extension PhraseIndex where Value == Void {
    /// An index of one phrase.
    init(_ phrase: String) {
        self.init([(phrase, ())])
    }
}

enum HostName {
    static func normalise(_ host: String) -> String {
        var host = host.lowercased()
        if let parts = URLParts(host.contains("://") ? host : "http://" + host) { host = parts.host }
        return host
    }
}
