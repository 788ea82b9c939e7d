/// A URL pattern from the rule files: "*" matches any text, "{id}" one or
/// more digits, "{id:6-7}" six or seven digits, captured as the id.
struct URLShape: Sendable {
    enum Token: Sendable {
        case literal(UInt8)
        case any
        case id(ClosedRange<Int>)
    }
    let tokens: [Token]
    let source: String

    init(_ pattern: String) {
        source = pattern
        var tokens: [Token] = []
        var bytes = Array(pattern.lowercased().utf8)[...]
        while let byte = bytes.first {
            if byte == UInt8(ascii: "*") {
                tokens.append(.any); bytes.removeFirst()
            } else if byte == UInt8(ascii: "{"), let close = bytes.firstIndex(of: UInt8(ascii: "}")) {
                let inside = String(decoding: bytes[bytes.index(after: bytes.startIndex)..<close], as: UTF8.self)
                var range = 1...20
                if let colon = inside.firstIndex(of: ":") {
                    let bounds = inside[inside.index(after: colon)...].split(separator: "-").compactMap { Int($0) }
                    if bounds.count == 2, bounds[0] <= bounds[1] { range = bounds[0]...bounds[1] }
                }
                tokens.append(.id(range))
                bytes = bytes[bytes.index(after: close)...]
            } else {
                tokens.append(.literal(byte)); bytes.removeFirst()
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole of `text` (lower-cased path and query) fits; the
    /// digits of "{id}" when it does (empty when the shape has no id).
    func match(_ text: [UInt8]) -> String? {
        var captured: String?
        return match(text[...], tokens[...], &captured) ? (captured ?? "") : nil
    }

    private func match(_ text: ArraySlice<UInt8>, _ tokens: ArraySlice<Token>, _ captured: inout String?) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let byte):
            guard text.first == byte else { return false }
            return match(text.dropFirst(), rest, &captured)
        case .any:
            var start = text.startIndex
            while true {
                if match(text[start...], rest, &captured) { return true }
                if start == text.endIndex { return false }
                start += 1
            }
        case .id(let range):
            var end = text.startIndex
            while end < text.endIndex && text[end] >= 48 && text[end] <= 57 { end += 1 }
            let count = end - text.startIndex
            guard count >= range.lowerBound else { return false }
            // The id is a whole digit run (no backtracking into it).
            guard count <= range.upperBound else { return false }
            guard match(text[end...], rest, &captured) else { return false }
            captured = String(decoding: text[text.startIndex..<end], as: UTF8.self)
            return true
        }
    }
}

/// A URL split into the parts the detectors compare.
struct URLParts: Hashable, Sendable {
    var host: String
    var path: String
    var query: String?

    init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        self.host = host
        let afterHost = rest[hostEnd...]
        if let question = afterHost.firstIndex(of: "?") {
            path = String(afterHost[..<question])
            let query = afterHost[afterHost.index(after: question)...]
            self.query = query.isEmpty ? nil : String(query)
        } else {
            path = String(afterHost)
            query = nil
        }
        if path.isEmpty { path = "/" }
    }

    /// Lower-cased path and query, as URL shapes see them.
    var shapeText: [UInt8] {
        Array((path + (query.map { "?" + $0 } ?? "")).lowercased().utf8)
    }
}
