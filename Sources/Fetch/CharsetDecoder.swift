import Foundation
import TextNormalization

/// Turns a body into NFC text. The charset comes from, in order: a byte order
/// mark, the Content-Type header, a `<meta>` tag in the first 4 KB; otherwise
/// UTF-8 when the bytes are valid UTF-8, else windows-1258 (the legacy
/// Vietnamese code page). Invalid bytes become U+FFFD, never a crash.
public enum CharsetDecoder {
    public static func decode(_ body: Data, contentTypeHeader: String?) -> (text: String, charset: String) {
        let (text, charset) = decodeText(body, contentTypeHeader: contentTypeHeader)
        return (text.string, charset)
    }

    /// `decode` without building a String for UTF-8 bodies that are NFC already
    /// (most pages): one pass over their bytes decides, and they stay the text.
    public static func decodeText(_ body: Data, contentTypeHeader: String?) -> (text: DecodedText, charset: String) {
        let (charset, bomLength) = detect(body, contentTypeHeader: contentTypeHeader)
        let payload = body.dropFirst(bomLength)
        if charset == "utf-8", payload.withUnsafeBytes(ComposedUTF8.check) { return (DecodedText(composed: payload), charset) }
        let text = charset == "utf-8"
            ? String(decoding: payload, as: UTF8.self)
            : (Iconv.decode(payload, from: charset) ?? String(decoding: payload, as: UTF8.self))
        return (DecodedText(VietnameseText.nfc(text)), charset)
    }

    /// The canonical charset name and the length of a byte order mark to skip.
    static func detect(_ body: Data, contentTypeHeader: String?) -> (charset: String, bomLength: Int) {
        if let bom = ByteOrderMark.detect(body) { return bom }
        if let declared = contentTypeHeader.flatMap(CharsetDeclaration.parameter(in:)).flatMap(CharsetName.usable) {
            return (declared, 0)
        }
        // A document that declares UTF-16 in ASCII bytes cannot be UTF-16 (WHATWG).
        if let declared = CharsetDeclaration.inMetaTag(of: body).flatMap(CharsetName.usable) {
            return (declared.hasPrefix("utf-16") ? "utf-8" : declared, 0)
        }
        let isUTF8 = String(validating: body, as: UTF8.self) != nil
        return (isUTF8 ? "utf-8" : "windows-1258", 0)
    }
}

private enum ByteOrderMark {
    static func detect(_ body: Data) -> (charset: String, bomLength: Int)? {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if body.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if body.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return nil
    }
}

/// Charset labels as found in the wild, mapped to names iconv knows.
enum CharsetName {
    /// WHATWG treats the Latin-1 family as windows-1252, a superset.
    private static let aliases: [String: String] = [
        "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
        "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252", "l1": "windows-1252",
        "us-ascii": "windows-1252", "ascii": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
        "cp1258": "windows-1258", "x-cp1258": "windows-1258",
        "utf-16": "utf-16le", "unicode": "utf-16le",
    ]

    /// The canonical name when the label names a charset we can decode.
    static func usable(_ label: String) -> String? {
        // Trimmed on bytes: every page's Content-Type comes here, and a CharacterSet per call showed in profiles.
        let bytes = label.utf8
        let isTrimmed = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27 }
        guard let first = bytes.firstIndex(where: { !isTrimmed($0) }), let last = bytes.lastIndex(where: { !isTrimmed($0) }) else { return nil }
        let name = String(decoding: bytes[first...last], as: UTF8.self).lowercased()
        let canonical = aliases[name] ?? name
        guard !canonical.isEmpty, canonical == "utf-8" || Iconv.supports(canonical) else { return nil }
        return canonical
    }
}

/// Finds charset declarations: the `charset` parameter of a Content-Type
/// value, and `<meta charset>` / `<meta http-equiv content="…charset=…">`.
enum CharsetDeclaration {
    private static let scanLimit = 4096

    static func parameter(in contentType: String) -> String? {
        value(after: Array(contentType.lowercased().utf8)[...])
    }

    /// Only text inside a `<meta …>` tag counts, never a mention elsewhere on the page.
    static func inMetaTag(of body: Data) -> String? {
        let bytes = body.prefix(scanLimit).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var position = bytes.startIndex
        while let tagStart = bytes[position...].firstRange(of: Array("<meta".utf8))?.upperBound {
            let tagEnd = bytes[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.endIndex
            if let charset = value(after: bytes[tagStart..<tagEnd]) { return charset }
            position = tagEnd
        }
        return nil
    }

    /// The token after `charset` `=` in lowercased ASCII bytes.
    private static func value(after bytes: ArraySlice<UInt8>) -> String? {
        var rest = bytes
        while let found = rest.firstRange(of: Array("charset".utf8)) {
            var index = found.upperBound
            let skip: Set<UInt8> = [0x20, 0x09, 0x22, 0x27]
            while index < rest.endIndex, skip.contains(rest[index]) { index += 1 }
            guard index < rest.endIndex, rest[index] == UInt8(ascii: "=") else {
                rest = rest[found.upperBound...]
                continue
            }
            index += 1
            while index < rest.endIndex, skip.contains(rest[index]) { index += 1 }
            let start = index
            while index < rest.endIndex, isTokenByte(rest[index]) { index += 1 }
            return index > start ? String(decoding: rest[start..<index], as: UTF8.self) : nil
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || [0x2D, 0x5F, 0x2E, 0x3A].contains(byte)
    }
}
