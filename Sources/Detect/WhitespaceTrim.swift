extension Substring {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation: the same
    /// scalars (tab and the space separators) cut from both ends, on the
    /// scalar view instead of a bridged NSString; titles and "Label: value"
    /// lines of every page are trimmed.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !WhitespaceTrim.isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !WhitespaceTrim.isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }
}

enum WhitespaceTrim {
    /// Foundation's `CharacterSet.whitespaces`: tab, Unicode's space
    /// separators (Zs) and, as CoreFoundation has it, the zero-width space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
