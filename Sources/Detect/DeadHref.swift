import Foundation
import HTML

/// Hrefs that lead nowhere but the page itself: "#…" and "javascript:…".
enum DeadHref {
    /// Whether `href` without its surrounding whitespace starts with "#" or
    /// has the javascript scheme. Read on bytes when its first byte settles
    /// that nothing is trimmed: every anchor of every page is asked.
    static func isFragmentOrScript(_ href: String) -> Bool {
        var href = href
        if let answer = href.withUTF8(answer(utf8:)) { return answer }
        let trimmed = href.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#") || URLResolver.scheme(of: trimmed) == "javascript"
    }

    private static let javascript = Array("javascript:".utf8)

    /// Nil when the general path must decide: leading whitespace or a
    /// non-ASCII byte where the answer depends on Characters ("#" with a combining mark).
    private static func answer(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first else { return false }
        guard first < 0x80, first != 0x20, first != 0x09 else { return nil }
        if first == 0x23 { return bytes.count == 1 || bytes[1] < 0x80 ? true : nil }
        guard bytes.count >= javascript.count else { return false }
        // The scheme is what precedes the first ":", lower-cased.
        for (index, expected) in javascript.enumerated() {
            let byte = bytes[index]
            if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != expected { return false }
        }
        return true
    }
}
