import WebAddress

/// A URL pattern from the rule files: "*" matches any text, "{id}" one or
/// more digits, "{id:6-7}" six or seven digits, "{key}" one path segment;
/// what "{id}" or "{key}" matched is the article's identity.
struct URLShape: Sendable {
    enum Token: Sendable {
        case literal(UInt8)
        case any
        case id(ClosedRange<Int>)
        case key
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
                if inside == "key" {
                    tokens.append(.key)
                    bytes = bytes[bytes.index(after: close)...]
                    continue
                }
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
        var captured: Range<Int>?
        guard match(text, 0, 0, &captured) else { return nil }
        return captured.map { String(decoding: text[$0], as: UTF8.self) } ?? ""
    }

    /// Backtracking only at "*"; literals and ids advance in a loop.
    private func match(_ text: [UInt8], _ start: Int, _ first: Int, _ captured: inout Range<Int>?) -> Bool {
        var position = start
        var index = first
        while index < tokens.count {
            switch tokens[index] {
            case .literal(let byte):
                guard position < text.count, text[position] == byte else { return false }
                position += 1
            case .any:
                // When a literal byte follows, the rest is tried only where that byte stands
                // (elsewhere it fails on its first byte, capturing nothing).
                let following = literal(at: index + 1)
                var next = position
                while next <= text.count {
                    if following == nil || (next < text.count && text[next] == following),
                       match(text, next, index + 1, &captured) { return true }
                    next += 1
                }
                return false
            case .id(let range):
                var end = position
                while end < text.count && text[end] >= 48 && text[end] <= 57 { end += 1 }
                // The id is a whole digit run (no backtracking into it).
                guard range.contains(end - position) else { return false }
                captured = position..<end
                position = end
            case .key:
                var end = position
                while end < text.count && !Self.endsKey(text[end]) { end += 1 }
                guard end > position else { return false }
                captured = position..<end
                position = end
            }
            index += 1
        }
        return position == text.count
    }

    private func literal(at index: Int) -> UInt8? {
        guard index < tokens.count, case .literal(let byte) = tokens[index] else { return nil }
        return byte
    }

    /// "/", "?", "&" and "#" end a "{key}".
    private static func endsKey(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "#")
    }
}

/// A URL as the detectors compare it: host (lower-cased, without "www."),
/// path ("/" when empty) and query (nil when empty), read from the one
/// byte split of `WebAddress`; each part becomes a String only when asked.
struct URLParts: Sendable {
    private let address: WebAddress
    private let authority: Range<Int>

    init?(_ url: String) {
        let address = WebAddress(url)
        guard let authority = address.authority else { return nil }
        self.address = address
        self.authority = authority
    }

    var host: String {
        var host = WebAddress.lowercased(address.bytes[authority])
        if host.starts(with: "www.".utf8) { host.removeFirst(4) }
        return String(decoding: host, as: UTF8.self)
    }

    var path: String {
        address.path.isEmpty ? "/" : String(decoding: address.bytes[address.path], as: UTF8.self)
    }

    var query: String? {
        guard let query = address.query, !query.isEmpty else { return nil }
        return String(decoding: address.bytes[query], as: UTF8.self)
    }

    /// Lower-cased path and query, as URL shapes see them.
    var shapeText: [UInt8] {
        var text = address.path.isEmpty ? [UInt8(ascii: "/")] : Array(address.bytes[address.path])
        if let query = address.query, !query.isEmpty {
            text.append(UInt8(ascii: "?"))
            text += address.bytes[query]
        }
        return WebAddress.lowercased(text[...])
    }
}
