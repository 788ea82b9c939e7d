import Foundation

/// A response's text, NFC. Most pages arrive as UTF-8 that is NFC already:
/// their body is kept as the text and parsed from its bytes, and a String is
/// built only when someone reads `string`. Other bodies are decoded into a String.
public struct DecodedText: Sendable {
    private enum Storage: Sendable {
        /// Checked by `ComposedUTF8`: valid, no NUL, NFC.
        case composed(Data)
        case string(String)
    }

    private let storage: Storage

    public init(_ string: String) {
        storage = .string(string)
    }

    init(composed bytes: Data) {
        storage = .composed(bytes)
    }

    public var string: String {
        switch storage {
        case .composed(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .string(let text): return text
        }
    }

    /// The bytes when they are the text already (valid UTF-8, NFC, no NUL).
    public var composedBytes: Data? {
        if case .composed(let bytes) = storage { return bytes }
        return nil
    }
}
