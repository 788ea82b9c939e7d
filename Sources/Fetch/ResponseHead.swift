import Foundation
import TextNormalization

/// The status line and headers of a response, read line by line as libcurl
/// hands them over (a new status line after a 1xx starts a new set).
struct ResponseHead {
    private(set) var statusLine = ""
    private(set) var headers: [(name: String, value: String)] = []

    /// Header lines are ASCII: they are cut on their bytes, without a
    /// CharacterSet per trim (every line of every response showed in
    /// profiles). A line with other bytes is read as text, as before.
    mutating func append(line bytes: UnsafeRawBufferPointer) {
        let raw = bytes.assumingMemoryBound(to: UInt8.self)
        guard raw.allSatisfy({ $0 < 0x80 }) else { return append(text: bytes) }
        let line = Self.trimmed(raw, Self.isLineEnd)
        if line.starts(with: "HTTP/".utf8) {
            statusLine = Self.string(line)
            headers = []
        } else if let first = line.first, first == 0x20 || first == 0x09, !headers.isEmpty {
            headers[headers.count - 1].value += " " + Self.string(Self.trimmed(line, Self.isBlank))
        } else if let colon = line.firstIndex(of: 0x3A) {
            headers.append((name: Self.string(Self.trimmed(UnsafeBufferPointer(rebasing: line[..<colon]), Self.isBlank)),
                            value: Self.string(Self.trimmed(UnsafeBufferPointer(rebasing: line[(colon + 1)...]), Self.isBlank))))
        }
    }

    /// A line read as text (lines with non-ASCII bytes): trimmed of Unicode spaces too.
    mutating func append(text bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
        if line.hasPrefix("HTTP/") {
            statusLine = line
            headers = []
        } else if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
            headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
        } else if let colon = line.firstIndex(of: ":") {
            headers.append((name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                            value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
    }

    // `trimmingCharacters(in:)` with "\r\n" and with `.whitespaces` (space and tab, in ASCII).
    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x0A }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ isTrimmed: (UInt8) -> Bool) -> UnsafeBufferPointer<UInt8> {
        guard let first = bytes.firstIndex(where: { !isTrimmed($0) }), let last = bytes.lastIndex(where: { !isTrimmed($0) }) else {
            return UnsafeBufferPointer(start: bytes.baseAddress, count: 0)
        }
        return UnsafeBufferPointer(rebasing: bytes[first...last])
    }

    /// ASCII bytes: valid UTF-8 already.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        CheckedUTF8.string(bytes, isASCII: true)
    }
}
