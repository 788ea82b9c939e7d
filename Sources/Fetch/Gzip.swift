import CCurl
import Foundation

/// gzip through zlib: sitemaps arrive gzipped, and WARC evidence is written
/// as one gzip member per record.
public enum Gzip {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// One complete gzip member. The window and hash table are sized to the
    /// input: zlib's full 256 KB state, allocated and cleared for each small
    /// WARC record, cost more than deflating it.
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        let windowBits = Int32(min(15, max(9, (data.count | 1).bitWidth - (data.count | 1).leadingZeroBitCount)))
        precondition(pa_deflate_init_gzip(&stream, level, windowBits, max(1, windowBits - 7)) == Z_OK, "zlib deflateInit2 failed")
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(data.count))) + 32
        // Uninitialised output (clearing a buffer the size of the input for
        // each record showed in the profile), shrunk to what deflate wrote:
        // prepared records wait in memory for the crawl loop.
        guard let output = malloc(capacity) else { preconditionFailure("out of memory for a gzip member") }
        let written: Int = data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = output.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(capacity)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "zlib deflate did not finish")
            return capacity - Int(stream.avail_out)
        }
        return Data(bytesNoCopy: realloc(output, max(written, 1)) ?? output, count: written, deallocator: .free)
    }

    /// Inflates the one gzip member that starts at `offset`; nil when the
    /// member is cut short or corrupt. Returns the content and the member's
    /// length, so a reader can walk a file member by member (WARC records).
    public static func member(in data: Data, at offset: Int, limit: Int = 200_000_000) -> (content: Data, length: Int)? {
        guard offset >= 0, offset < data.count else { return nil }
        let result = data.withUnsafeBytes { whole in
            inflateLoop(UnsafeRawBufferPointer(rebasing: whole[offset...]), limit: limit, acrossMembers: false)
        }
        return result.ending == .complete ? (result.output, result.consumed) : nil
    }

    /// How an inflation ended.
    public enum Ending: Sendable, Equatable {
        case complete
        /// The data stops inside a member: a cut transfer or file.
        case truncated
        /// The output reached the limit; what was produced is kept.
        case limit
        case corrupt(String)
    }

    /// Inflates gzip or zlib data (concatenated members too), stopping at
    /// `limit` output bytes: a small body may be a decompression bomb.
    /// Returns what was produced and why it stopped.
    public static func inflate(_ data: Data, limit: Int) -> (output: Data, ending: Ending) {
        let result = data.withUnsafeBytes { inflateLoop($0, limit: limit, acrossMembers: true) }
        return (result.output, result.ending)
    }

    /// The one inflate loop: up to `limit` output bytes, one member or all of
    /// them; `consumed` is how many input bytes were read.
    private static func inflateLoop(_ input: UnsafeRawBufferPointer, limit: Int, acrossMembers: Bool)
        -> (output: Data, ending: Ending, consumed: Int) {
        var output = Data()
        var stream = z_stream()
        guard pa_inflate_init_auto(&stream) == Z_OK else { return (output, .corrupt("zlib inflateInit2 failed"), 0) }
        defer { inflateEnd(&stream) }
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        func consumed() -> Int { input.count - Int(stream.avail_in) }
        while true {
            let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(chunkSize)
                return CCurl.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunkSize - Int(stream.avail_out)
            guard output.count + produced <= limit else {
                output.append(contentsOf: chunk[0..<(limit - output.count)])
                return (output, .limit, consumed())
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                // Another member may follow (concatenated gzip).
                guard acrossMembers, stream.avail_in > 0 else { return (output, .complete, consumed()) }
                guard inflateReset(&stream) == Z_OK else { return (output, .corrupt("zlib reset failed"), consumed()) }
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                return (output, .truncated, consumed())
            default:
                return (output, .corrupt("zlib status \(status)"), consumed())
            }
        }
    }

    /// The whole inflated data; throws when it is cut, corrupt or larger than `limit`.
    public static func decompress(_ data: Data, limit: Int = 50_000_000) throws -> Data {
        let (output, ending) = inflate(data, limit: limit)
        switch ending {
        case .complete: return output
        case .truncated: throw Failure(description: "truncated gzip data")
        case .limit: throw Failure(description: "inflates beyond \(limit) bytes")
        case .corrupt(let detail): throw Failure(description: "corrupt gzip data (\(detail))")
        }
    }
}
