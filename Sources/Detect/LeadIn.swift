import Foundation
import HTML

/// A bold lead-in opening a paragraph titles the rest of it, as a heading
/// would: «<p><b>Chức năng, nhiệm vụ:</b> UBND xã tổ chức …</p>» on a page
/// titled «Giới thiệu chung». Only a lead-in that opens its block and ends
/// in one of `endings`: bold words inside running text title nothing.
struct LeadIn {
    /// The lead-in's text without its ending ("Chức năng, nhiệm vụ").
    var title: String
    /// The rest of the block.
    var scope: ContentScope

    static func all(in main: ContentScope, rule: PageVocabulary.LeadIns) -> [LeadIn] {
        var found: [LeadIn] = []
        for bold in main.node.descendants(named: Set(rule.tags)) {
            guard let block = bold.parent, !rule.tags.contains(block.name) else { continue }
            let text = bold.text
            guard !text.isEmpty, !text.isLonger(than: rule.maxChars) else { continue }
            let whole = block.text
            guard whole.hasPrefix(text) else { continue }
            // The ending is inside the bold text or right after it ("<b>Chức năng</b>: …").
            var rest = whole.dropFirst(text.count).drop(while: \.isWhitespace)
            var title = Substring(text)
            if let ending = rule.endings.first(where: { title.hasSuffix($0) }) {
                title = title.dropLast(ending.count)
            } else if let ending = rule.endings.first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(ending.count)
            } else {
                continue
            }
            let body = rest.trimmingCharacters(in: .whitespaces)
            let name = title.trimmingCharacters(in: .whitespaces)
            guard !body.isEmpty, !name.isEmpty else { continue }
            found.append(LeadIn(title: name, scope: ContentScope(node: block, lines: [body], baseURL: main.baseURL, excluding: [bold])))
        }
        return found
    }
}
