import Foundation

/// The lower-cased host of an absolute URL, as `URLComponents(string:)` reads
/// it. Every examined anchor asks, and most are plain http(s) addresses of
/// RFC 3986 characters: those are cut on their bytes. Anything else (user
/// info, a port that is not digits, IPv6, punycode, escapes or other
/// characters in the host, characters a component may not hold) goes to
/// URLComponents, which then decides, nil included.
enum URLHost {
    static func lowercased(of url: String) -> String? {
        var url = url
        switch url.withUTF8(plainHost) {
        case .some(let host): return host
        case .none: return URLComponents(string: url)?.host?.lowercased()
        }
    }

    /// The host of a plain http(s) URL; nil when the URL is not plain.
    static func plainHost(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index: Int
        if bytes.starts(with: "http://".utf8) {
            index = 7
        } else if bytes.starts(with: "https://".utf8) {
            index = 8
        } else {
            return nil
        }
        let hostStart = index
        while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
        let hostEnd = index
        guard hostEnd > hostStart else { return nil }
        // URLComponents turns punycode labels back into Unicode.
        for start in hostStart..<max(hostStart, hostEnd - 3)
            where bytes[start] | 0x20 == UInt8(ascii: "x") && bytes[start + 1] | 0x20 == UInt8(ascii: "n")
                && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-") {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let portStart = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            guard index > portStart else { return nil }
        }
        // The rest: path, `?` query, `#` fragment (one `#`: the fragment may not hold another).
        var sawFragment = false
        if index < bytes.count, bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") {
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return nil }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") {
                guard !sawFragment else { return nil }
                sawFragment = true
            } else if byte != UInt8(ascii: "?"), !isPathByte(byte) {
                return nil
            }
            index += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[hostStart..<hostEnd]), as: UTF8.self).lowercased()
    }

    /// Letters, digits, `-` and `.`: a registered name with nothing to decode.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// RFC 3986 `pchar` and `/` without `%`: unreserved, sub-delims, `:` and `@`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 6
    }
}
