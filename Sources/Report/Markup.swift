import Foundation

/// HTML/SVG text built only through escaping: every value from a crawled page or a data file passes here.
public enum Markup {
    /// Escapes for text and for quoted attribute values alike.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Control characters are not allowed in HTML (nor XML) text: drop them.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A link only for http(s) URLs; anything else (javascript:, data:, relative) is shown as text.
    static func link(_ url: String, text: String? = nil) -> String {
        let shown = escape(text ?? url)
        guard isWebURL(url) else { return "<span class=\"url\">\(shown)</span>" }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer\">\(shown)</a>"
    }

    static func isWebURL(_ url: String) -> Bool {
        guard url == url.trimmingCharacters(in: .whitespacesAndNewlines),
              !url.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{7F}" }),
              let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return false }
        return true
    }
}
