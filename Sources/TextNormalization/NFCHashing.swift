extension VietnameseText {
    /// The hash of NFC text (a page's lines are NFC) from its UTF-8 bytes:
    /// NFC strings are canonically equivalent exactly when their bytes are
    /// equal, and String's own hash normalises every non-ASCII string again.
    public static func hashOfNFC(_ text: String) -> Int {
        var hasher = Hasher()
        combineNFC(text, into: &hasher)
        return hasher.finalize()
    }

    /// Feeds NFC text's UTF-8 bytes to `hasher`, as `hashOfNFC` does.
    public static func combineNFC(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        // The length ends the text, as String's hash ends it with a terminator.
        hasher.combine(text.utf8.count)
    }
}
