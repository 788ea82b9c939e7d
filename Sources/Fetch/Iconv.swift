import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoding of legacy charsets with glibc iconv. Its WINDOWS-1258 converter
/// also composes base letters with the combining tone marks that code page uses.
enum Iconv {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]   // U+FFFD in UTF-8

    static func supports(_ charset: String) -> Bool {
        guard let converter = open(charset) else { return false }
        iconv_close(converter)
        return true
    }

    /// UTF-8 text of `bytes` in `charset`; nil when iconv does not know the charset.
    static func decode<Bytes: Collection>(_ bytes: Bytes, from charset: String) -> String? where Bytes.Element == UInt8 {
        guard let converter = open(charset) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
        // Every input byte yields at most 4 output bytes (U+FFFD needs 3); +16 for the final flush.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBytes { inBuffer -> Int in
            output.withUnsafeMutableBytes { outBuffer -> Int in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ || errno == EINVAL else { break }
                    // Emit the letter iconv holds back, then replace the offending byte and go on.
                    _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                    guard outLeft >= replacement.count else { break }
                    for byte in replacement {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer?.advanced(by: 1)
                    }
                    outLeft -= replacement.count
                    inPointer = inPointer?.advanced(by: 1)
                    inLeft -= 1
                }
                // Flush: WINDOWS-1258 holds back the last letter waiting for a tone mark.
                _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        return String(decoding: output[..<written], as: UTF8.self)
    }

    private static func open(_ charset: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", charset.uppercased())
        return converter == iconv_t(bitPattern: -1) ? nil : converter
    }
}
