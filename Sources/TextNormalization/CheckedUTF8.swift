/// Strings made of bytes the caller has already checked to be valid UTF-8
/// while reading them: `String(decoding:as:)` would validate them a second
/// time, which showed in profiles of the crawl on every line of every page.
public enum CheckedUTF8 {
    /// A String holding `bytes`, which must be valid UTF-8. `isASCII` must be
    /// exact (whether every byte is below 0x80): the String keeps it as the
    /// flag validation would have set, and its fast paths trust it.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        assert(String(validating: bytes, as: UTF8.self) != nil && isASCII == bytes.allSatisfy { $0 < 0x80 },
               "bytes must be valid UTF-8, isASCII exact")
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
