import CCurl
import Foundation

/// gzip decompression with zlib, for `.xml.gz` sitemaps (HTTP bodies are
/// decoded by libcurl already).
enum Gzip {
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes, at most `limit` of them (guards against gzip bombs).
    static func decompress(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        guard pa_inflate_init_gzip(&stream) == Z_OK else { throw GzipError(message: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var input = Array(data)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while status != Z_STREAM_END {
                status = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw GzipError(message: "corrupt or incomplete gzip data (zlib status \(status))")
                }
                output.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
                guard output.count <= limit else { throw GzipError(message: "more than \(limit) bytes once decompressed") }
                if status == Z_OK && stream.avail_in == 0 && stream.avail_out > 0 {
                    throw GzipError(message: "gzip data ends early")
                }
            }
        }
        return output
    }
}

struct GzipError: Error, CustomStringConvertible {
    var message: String
    var description: String { "gzip: \(message)" }
}
