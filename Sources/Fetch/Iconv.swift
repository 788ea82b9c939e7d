import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decoding of legacy charsets with glibc iconv. Its WINDOWS-1258 converter
/// also composes base letters with the combining tone marks that code page uses.
enum Iconv {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]   // U+FFFD in UTF-8
    private static let chunkSize = 64 * 1024

    static func supports(_ charset: String) -> Bool {
        guard let converter = open(charset) else { return false }
        iconv_close(converter)
        return true
    }

    /// UTF-8 text of `bytes` in `charset`; nil when iconv does not know the charset.
    /// Bytes iconv rejects become U+FFFD.
    static func decode(_ bytes: Data, from charset: String) -> String? {
        guard let converter = open(charset) else { return nil }
        defer { iconv_close(converter) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 2)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        bytes.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            chunk.withUnsafeMutableBytes { (output: UnsafeMutableRawBufferPointer) in
                // iconv never writes through its input pointer; the C signature is just not const.
                var inPointer = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: CChar.self)) }
                var inLeft = input.count
                let outStart = output.baseAddress!.assumingMemoryBound(to: CChar.self)
                func drain(_ outPointer: UnsafeMutablePointer<CChar>?) {
                    result.append(contentsOf: UnsafeRawBufferPointer(start: outStart, count: outStart.distance(to: outPointer!)))
                }
                while true {
                    var outPointer: UnsafeMutablePointer<CChar>? = outStart
                    var outLeft = output.count
                    let finished = inLeft == 0
                    let status = finished
                        // Flush: WINDOWS-1258 holds back the last letter waiting for a tone mark.
                        ? iconv(converter, nil, nil, &outPointer, &outLeft)
                        : iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = status == -1 ? errno : 0
                    drain(outPointer)
                    if finished { return }
                    if failure == EILSEQ || failure == EINVAL {
                        // Emit the letter iconv holds back, then replace the offending byte.
                        outPointer = outStart
                        outLeft = output.count
                        _ = iconv(converter, nil, nil, &outPointer, &outLeft)
                        drain(outPointer)
                        result += replacement
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    } else if failure != 0 && failure != E2BIG {
                        return
                    }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func open(_ charset: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", charset.uppercased())
        return converter == iconv_t(bitPattern: -1) ? nil : converter
    }
}
