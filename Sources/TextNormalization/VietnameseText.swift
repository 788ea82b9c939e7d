import Foundation

/// Normalisation of Vietnamese text for matching: composition, whitespace,
/// and diacritic folding ("Lịch Công Tác" → "lich cong tac").
public enum VietnameseText {
    /// NFC. Text made only of ASCII, Latin and precomposed Vietnamese letters
    /// (the common case) is returned as is, without asking Foundation.
    public static func nfc(_ s: String) -> String {
        var text = s
        return text.withUTF8 { ComposedUTF8.check(UnsafeRawBufferPointer($0)) } ? s : s.precomposedStringWithCanonicalMapping
    }

    /// The non-empty lines of `s`, each NFC and whitespace-collapsed: the
    /// same as `nfc`, splitting on "\n" and `collapseWhitespace` per line.
    /// Text that needs no composition (the common case) is cut and collapsed
    /// in one pass over its UTF-8 bytes.
    public static func lines(_ s: String) -> [String] {
        var text = s
        if let lines = text.withUTF8(LineCollapser.lines(of:)) { return lines }
        return nfc(s).split(separator: "\n").compactMap { line in
            let collapsed = collapseWhitespace(String(line))
            return collapsed.isEmpty ? nil : collapsed
        }
    }

    /// `lines` of UTF-8 bytes as `String(decoding:as:)` reads them: invalid
    /// sequences are repaired on the general path only, valid text (the
    /// common case) is cut without being copied into a String first.
    public static func lines(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        LineCollapser.lines(of: bytes) ?? lines(String(decoding: bytes, as: UTF8.self))
    }

    /// `lines(utf8:)` joined with spaces, without a String per line on the
    /// common path: the text of an element, read for many elements of a page.
    public static func joinedLines(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        LineCollapser.joinedLines(of: bytes) ?? lines(String(decoding: bytes, as: UTF8.self)).joined(separator: " ")
    }

    /// Collapses runs of whitespace (including NBSP and other Unicode spaces)
    /// to one space, drops zero-width characters, trims both ends.
    public static func collapseWhitespace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            switch kind(of: scalar.value) {
            case .space: pendingSpace = !out.isEmpty
            case .invisible: continue
            case .other:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// NFC, lower case, diacritics stripped, đ/Đ → d, whitespace collapsed.
    /// Works on NFC and NFD input alike: combining marks are dropped and
    /// precomposed letters are looked up in a table built once.
    public static func fold(_ s: String) -> String {
        var text = s
        return text.withUTF8(fold(utf8:))
    }

    /// `fold` over valid UTF-8, decoding scalars by hand: pages are folded
    /// whole, and a String's scalar view is slower than its bytes.
    private static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let (value, length, _) = UTF8Scalar.decode(bytes, at: index)
            index += length
            if value < 0x80 {
                let byte = UInt8(value)
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                continue
            }
            if value >= 0x0300 && value <= 0x036F { continue }
            switch kind(of: value) {
            case .space: pendingSpace = !out.isEmpty; continue
            case .invisible: continue
            case .other: break
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if let ascii = FoldTable.shared.ascii(for: value) {
                out.append(ascii)
            } else if let scalar = Unicode.Scalar(value) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    out.append(contentsOf: Array(String(lower).utf8))
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folded text with every run of non-alphanumerics turned into one "-":
    /// "Hỏi - Đáp" → "hoi-dap".
    public static func slug(_ s: String) -> String {
        let folded = fold(s)
        if let ascii = asciiSlug(folded) { return ascii }
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            let alnum = (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
                || (value >= 0x80 && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
            if alnum {
                if pendingDash { out.append("-"); pendingDash = false }
                out.append(scalar)
            } else {
                pendingDash = !out.isEmpty
            }
        }
        return String(out)
    }

    /// `slug` of folded text that is all ASCII (nearly always), on bytes.
    private static func asciiSlug(_ folded: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingDash = false
        for byte in folded.utf8 {
            if byte >= 0x80 { return nil }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                if pendingDash { out.append(0x2D); pendingDash = false }
                out.append(byte)
            } else {
                pendingDash = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Character classes

    enum Kind { case space, invisible, other }

    static func kind(of value: UInt32) -> Kind {
        switch value {
        case 0x20, 0x09...0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
            return .invisible
        default:
            return .other
        }
    }

    static func isComposedFastPath(_ value: UInt32) -> Bool {
        value < 0x0300 || (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x2000 && value <= 0x2BFF)
            || (value >= 0xFE00 && value <= 0xFFFF)
    }
}

/// Precomposed Latin letters (Latin-1, Latin Extended-A/B, Latin Extended
/// Additional, where every Vietnamese letter lives) mapped to their ASCII base.
final class FoldTable: Sendable {
    static let shared = FoldTable()
    static let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
    private let low: [UInt8]
    private let high: [UInt8]

    private init() {
        func build(_ range: ClosedRange<UInt32>) -> [UInt8] {
            range.map { value -> UInt8 in
                if value == 0x0110 || value == 0x0111 { return 0x64 }  // Đ đ
                guard let scalar = Unicode.Scalar(value),
                      let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      base.value < 0x80, base.properties.isAlphabetic else { return 0 }
                let byte = UInt8(base.value)
                return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            }
        }
        low = build(Self.ranges[0])
        high = build(Self.ranges[1])
    }

    func ascii(for value: UInt32) -> UInt8? {
        let byte: UInt8
        if value >= 0x00C0 && value <= 0x024F {
            byte = low[Int(value - 0x00C0)]
        } else if value >= 0x1E00 && value <= 0x1EFF {
            byte = high[Int(value - 0x1E00)]
        } else {
            return nil
        }
        return byte == 0 ? nil : byte
    }
}
