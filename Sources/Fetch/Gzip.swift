import CCurl
import Foundation
import Synchronization

/// gzip through zlib: sitemaps arrive gzipped, and WARC evidence is written
/// as one gzip member per record.
public enum Gzip {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// One complete gzip member of `data`.
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        compress([data], level: level, deflaters: nil)
    }

    /// One complete gzip member of the parts in order, never joined into a
    /// copy. The window and hash table are sized to the input: zlib's full
    /// 256 KB state, allocated and cleared for each small WARC record, cost
    /// more than deflating it. Inputs that need the full state take a kept
    /// stream from `deflaters` when one is free (reset, not allocated again:
    /// the same bytes out), else a stream of their own.
    public static func compress(_ parts: [Data], level: Int32, deflaters: DeflaterPool?) -> Data {
        let total = parts.reduce(0) { $0 + $1.count }
        let windowBits = Int32(min(15, max(9, (total | 1).bitWidth - (total | 1).leadingZeroBitCount)))
        if windowBits == Deflater.fullWindowBits, let member = deflaters?.compress(parts, total: total, level: level) {
            return member
        }
        var stream = z_stream()
        // One address for the stream's whole life: zlib checks it.
        return withUnsafeMutablePointer(to: &stream) { stream in
            precondition(pa_deflate_init_gzip(stream, level, windowBits, max(1, windowBits - 7)) == Z_OK, "zlib deflateInit2 failed")
            defer { deflateEnd(stream) }
            return member(of: parts, total: total, with: stream)
        }
    }

    /// Deflates `parts` to the end of a member with a freshly initialised or reset stream.
    static func member(of parts: [Data], total: Int, with stream: UnsafeMutablePointer<z_stream>) -> Data {
        var capacity = Int(deflateBound(stream, uLong(total))) + 32
        // Uninitialised output (clearing a buffer the size of the input for
        // each record showed in the profile), shrunk to what deflate wrote:
        // prepared records wait in memory for the crawl loop.
        guard var output = malloc(capacity) else { preconditionFailure("out of memory for a gzip member") }
        var written = 0
        let parts = parts.isEmpty ? [Data()] : parts
        for (index, part) in parts.enumerated() {
            let flush = index == parts.count - 1 ? Z_FINISH : Z_NO_FLUSH
            part.withUnsafeBytes { input in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                while true {
                    if written == capacity {
                        // deflateBound is not trusted across several calls: the buffer grows instead.
                        capacity *= 2
                        guard let larger = realloc(output, capacity) else { preconditionFailure("out of memory for a gzip member") }
                        output = larger
                    }
                    stream.pointee.next_out = (output + written).assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(capacity - written)
                    let status = deflate(stream, flush)
                    written = capacity - Int(stream.pointee.avail_out)
                    if status == Z_STREAM_END { break }
                    precondition(status == Z_OK || status == Z_BUF_ERROR, "zlib deflate failed")
                    // Room left: deflate stopped for want of input, which only a part before the last may do.
                    if stream.pointee.avail_out > 0 {
                        precondition(flush == Z_NO_FLUSH, "zlib deflate did not finish")
                        break
                    }
                }
            }
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

/// A zlib stream with the full window, kept between gzip members: deflateReset
/// clears it to the state deflateInit2 gives, without freeing and allocating
/// its 270 KB again.
struct Deflater: ~Copyable {
    static let fullWindowBits: Int32 = 15
    private var stream: UnsafeMutablePointer<z_stream>?
    private var level: Int32 = 0

    init() {}

    mutating func member(of parts: [Data], total: Int, level: Int32) -> Data {
        if let stream, self.level == level {
            precondition(deflateReset(stream) == Z_OK, "zlib deflateReset failed")
        } else {
            if let stream {
                deflateEnd(stream)
                stream.deallocate()
            }
            // zlib keeps a pointer back to the z_stream: it must not move, so it lives on the heap.
            let created = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            created.initialize(to: z_stream())
            precondition(pa_deflate_init_gzip(created, level, Self.fullWindowBits, Self.fullWindowBits - 7) == Z_OK,
                         "zlib deflateInit2 failed")
            stream = created
            self.level = level
        }
        return Gzip.member(of: parts, total: total, with: stream!)
    }

    deinit {
        if let stream {
            deflateEnd(stream)
            stream.deallocate()
        }
    }
}

/// Full-window zlib streams shared by the tasks that write evidence: a
/// member takes a free one, or a stream of its own when all are busy. So a
/// run holds `slots` streams (about 270 KB each) however many WARC files are
/// open, and pages stop paying for zlib's allocation and first touch of its state.
public final class DeflaterPool: Sendable {
    private final class Slot: Sendable {
        let deflater = Mutex(Deflater())
    }

    private let slots: [Slot]

    /// - Parameter slots: streams kept at most; the number of cores is enough,
    ///   as each is busy only while a member is deflated.
    public init(slots: Int) {
        self.slots = (0..<max(1, slots)).map { _ in Slot() }
    }

    /// The member from a free stream; nil when every stream is busy.
    func compress(_ parts: [Data], total: Int, level: Int32) -> Data? {
        for slot in slots {
            if let member = slot.deflater.withLockIfAvailable({ $0.member(of: parts, total: total, level: level) }) {
                return member
            }
        }
        return nil
    }
}
