import Foundation
import HTML
import TextNormalization

/// Decides whether a scope's content confirms an item, per the item's
/// `confirm` rule; returns what it saw (for the evidence) or nil.
struct Confirmer {
    let pages: PageVocabulary
    let dates: DateParser
    let numbers: DocumentNumberScanner
    let portalHosts: Set<String>
    let addressWords: PhraseIndex<Void>
    let phoneWords: PhraseIndex<Void>
    let emailWords: PhraseIndex<Void>
    let englishWords: Set<Substring>
    let searchHints: [String]

    init(rules: RuleSet, portalHosts: [String]) {
        pages = rules.pages
        dates = DateParser(vocabulary: rules.dates)
        numbers = DocumentNumberScanner(vocabulary: rules.documents)
        self.portalHosts = Set(portalHosts.map(HostName.normalise))
        addressWords = PhraseIndex(rules.pages.contact.addressWords.map { ($0, ()) })
        phoneWords = PhraseIndex(rules.pages.contact.phoneWords.map { ($0, ()) })
        emailWords = PhraseIndex(rules.pages.contact.emailWords.map { ($0, ()) })
        englishWords = Set(rules.pages.englishWords.map { Substring(VietnameseText.fold($0)) })
        searchHints = rules.pages.searchHints.map(VietnameseText.fold)
    }

    func confirm(_ rule: Confirmation, in scope: ContentScope, page: HTMLDocument) -> String? {
        let count = rule.minCount ?? 1
        switch rule.kind {
        case .content:
            let chars = scope.textLength
            if chars >= (rule.minChars ?? 80) { return "\(chars) ký tự nội dung" }
            if scope.links.count >= 3 { return "\(scope.links.count) liên kết nội dung" }
            if scope.media > 0 { return "\(scope.media) hình ảnh/tệp nhúng" }
            return nil
        case .listing:
            let dated = dates.all(in: scope.lines.joined(separator: "\n"), folded: scope.folded).count
            if dated >= count { return "\(dated) mục có ngày" }
            return scope.links.count >= max(count, 5) ? "\(scope.links.count) liên kết bài viết" : nil
        case .contact:
            return contact(in: scope)
        case .emails:
            let found = emails(in: scope)
            return found.count >= count ? "\(found.count) địa chỉ thư điện tử" : nil
        case .datedEntries:
            let dated = dates.all(in: scope.lines.joined(separator: "\n"), folded: scope.folded)
            return dated.count >= count ? "\(dated.count) mục có ngày (\(dated[0].iso)…)" : nil
        case .documentNumbers:
            let found = Set(numbers.all(in: scope.lines.joined(separator: "\n")).map(\.key))
            return found.count >= count ? "\(found.count) số/ký hiệu văn bản" : nil
        case .searchForm:
            return searchBox(in: page)
        case .rss:
            let feeds = scope.links.filter { link in
                let lower = link.lowercased()
                return lower.contains("rss") || lower.hasSuffix(".xml") || lower.contains("feed")
            }
            return feeds.isEmpty ? nil : "\(feeds.count) liên kết RSS"
        case .english:
            if let lang = page.root?.attribute("lang")?.lowercased(), lang.hasPrefix("en") { return "lang=\(lang)" }
            let hits = scope.words.reduce(0) { $0 + (englishWords.contains($1) ? 1 : 0) }
            return hits >= count ? "\(hits) từ tiếng Anh" : nil
        case .links:
            let external = Set(scope.links.compactMap { link -> String? in
                guard let host = URLParts(link)?.host, !portalHosts.contains(host) else { return nil }
                return host
            })
            let options = scope.node.nodes(".//option").filter {
                ($0.attribute("value") ?? "").lowercased().hasPrefix("http")
            }.count
            let total = max(external.count, options)
            return total >= count ? "\(total) liên kết tới website khác" : nil
        case .sitemap:
            return scope.links.count >= count ? "\(scope.links.count) liên kết trong sơ đồ" : nil
        }
    }

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
        return "\(address); \(phone); \(mail)"
    }

    func emails(in scope: ContentScope) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        for line in scope.lines where line.contains("@") {
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
            if named || input.attribute("type") == "search" {
                return "ô tìm kiếm «\(input.attribute("placeholder") ?? input.attribute("name") ?? input.attribute("id") ?? "")»"
            }
        }
        return nil
    }

    private func digitCount(_ line: String) -> Int {
        line.reduce(0) { $0 + ($1.isASCIIDigit ? 1 : 0) }
    }
}

enum HostName {
    static func normalise(_ host: String) -> String {
        var host = host.lowercased()
        if let parts = URLParts(host.contains("://") ? host : "http://" + host) { host = parts.host }
        return host
    }
}
