/// Finds the links of a document and resolves them against its base URL.
enum LinkExtractor {
    /// Schemes a crawler never follows.
    static let unfollowable: Set<String> = ["javascript", "mailto", "tel", "data", "sms", "callto", "skype"]

    static func links(in document: HTMLDocument) -> [HTMLLink] {
        let base = document.baseURL
        var found: [HTMLLink] = []
        let query = "//a[@href]|//area[@href]|//frame[@src]|//iframe[@src]|//link[@href]"
        for node in document.nodes(query) {
            let name = node.name
            let kind: HTMLLink.Kind
            let target: String?
            let rel = node.attribute("rel").map { $0.lowercased().trimmingASCIIWhitespace() }
            switch name {
            case "a": kind = .anchor; target = node.attribute("href")
            case "area": kind = .area; target = node.attribute("href")
            case "frame", "iframe": kind = .frame; target = node.attribute("src")
            default:
                let words = Set((rel ?? "").split(separator: " ").map(String.init))
                if words.contains("next") { kind = .next }
                else if words.contains("prev") || words.contains("previous") { kind = .previous }
                else { continue }
                target = node.attribute("href")
            }
            // Checked again once resolved: "java\tscript:" becomes "javascript:" there.
            guard let href = target, !isScript(href),
                  let url = URLResolver.resolve(href, against: base), !isScript(url) else { continue }
            let title = node.attribute("title").map(VietnameseText.collapseWhitespace)
            found.append(HTMLLink(url: url, text: label(of: node), kind: kind,
                                  rel: rel?.isEmpty == false ? rel : nil,
                                  title: title?.isEmpty == false ? title : nil))
        }
        if let refresh = metaRefresh(in: document) {
            found.append(HTMLLink(url: refresh, text: "", kind: .refresh))
        }
        return found
    }

    static func scriptLinks(in document: HTMLDocument) -> [HTMLLink] {
        document.nodes("//a").compactMap { node in
            let href = node.attribute("href")?.trimmingASCIIWhitespace() ?? ""
            let scripted = scheme(of: href) == "javascript"
                || ((href.isEmpty || href == "#") && node.attribute("onclick") != nil)
            guard scripted else { return nil }
            return HTMLLink(url: href.isEmpty ? "#" : href, text: label(of: node), kind: .anchor,
                            rel: node.attribute("rel"), title: node.attribute("title"))
        }
    }

    static func metaRefresh(in document: HTMLDocument) -> String? {
        let query = "//meta[translate(@http-equiv,'REFSH','refsh')='refresh'][@content]"
        guard let content = document.nodes(query).first?.attribute("content") else { return nil }
        // content = "5; url=/next" or "5;URL='next'"
        guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: separator)...].trimmingASCIIWhitespace()
        if rest.lowercased().hasPrefix("url") {
            rest = String(rest.dropFirst(3)).trimmingASCIIWhitespace()
            guard rest.hasPrefix("=") else { return nil }
            rest = String(rest.dropFirst()).trimmingASCIIWhitespace()
        }
        rest = rest.trimmingQuotes()
        guard !rest.isEmpty, !isScript(rest) else { return nil }
        return URLResolver.resolve(rest, against: document.baseURL)
    }

    static func isScript(_ href: String) -> Bool {
        unfollowable.contains(scheme(of: href.trimmingASCIIWhitespace()) ?? "")
    }

    static func scheme(of href: String) -> String? {
        URLResolver.scheme(of: href)
    }

    /// The text naming the link: its visible text, else image alt, else title.
    static func label(of node: HTMLNode) -> String {
        let text = node.text
        if !text.isEmpty { return text }
        for image in node.nodes(".//img") {
            if let alt = image.attribute("alt").map(VietnameseText.collapseWhitespace), !alt.isEmpty { return alt }
        }
        return VietnameseText.collapseWhitespace(node.attribute("title") ?? node.attribute("alt") ?? "")
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    func trimmingQuotes() -> String {
        let set: Set<Character> = ["'", "\""]
        guard let first = firstIndex(where: { !set.contains($0) }),
              let last = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
