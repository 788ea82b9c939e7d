import TextNormalization

/// Finds the links of a document and resolves them against its base URL.
enum LinkExtractor {

    static func links(in document: HTMLDocument) -> [HTMLLink] {
        var found: [HTMLLink] = []
        // Elements without their href (src) are skipped below, as `//a[@href]|…` would.
        for node in document.elements(named: ["a", "area", "frame", "iframe", "link"]) {
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
            guard let href = target, let url = document.followableURL(href) else { continue }
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
        document.elements(named: ["a"]).compactMap { node in
            let href = node.attribute("href")?.trimmingASCIIWhitespace() ?? ""
            let scripted = URLResolver.scheme(of: href) == "javascript"
                || ((href.isEmpty || href == "#") && node.attribute("onclick") != nil)
            guard scripted else { return nil }
            return HTMLLink(url: href.isEmpty ? "#" : href, text: label(of: node), kind: .anchor,
                            rel: node.attribute("rel"), title: node.attribute("title"))
        }
    }

    static func metaRefresh(in document: HTMLDocument) -> String? {
        // http-equiv is "refresh" in any ASCII case (XPath's translate of R, E, F, S, H).
        let refresh = document.elements(named: ["meta"]).first { node in
            node.attribute("content") != nil
                && node.attribute("http-equiv").map { Array($0.utf8).map(asciiLowercase) == Array("refresh".utf8) } == true
        }
        guard let content = refresh?.attribute("content") else { return nil }
        // content = "5; url=/next" or "5;URL='next'"
        guard let separator = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: separator)...].trimmingASCIIWhitespace()
        if rest.lowercased().hasPrefix("url") {
            rest = String(rest.dropFirst(3)).trimmingASCIIWhitespace()
            guard rest.hasPrefix("=") else { return nil }
            rest = String(rest.dropFirst()).trimmingASCIIWhitespace()
        }
        rest = rest.trimmingQuotes()
        guard !rest.isEmpty else { return nil }
        return URLResolver.followable(rest, against: document.baseURL)
    }

    /// The text naming the link: its visible text, else image alt, else title.
    static func label(of node: HTMLNode) -> String {
        let text = node.text
        if !text.isEmpty { return text }
        for image in node.descendants(named: ["img"]) {
            if let alt = image.attribute("alt").map(VietnameseText.collapseWhitespace), !alt.isEmpty { return alt }
        }
        return VietnameseText.collapseWhitespace(node.attribute("title") ?? node.attribute("alt") ?? "")
    }
}

private func asciiLowercase(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
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
