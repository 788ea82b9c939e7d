import Foundation

/// SHA-1, for WARC block and payload digests (the format asks for it; it is
/// an integrity label there, not a security boundary). Incremental, so a
/// response's body is read once for both digests and a record's block is
/// hashed in its parts, never joined into a copy; no allocation per block.
struct SHA1 {
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)
    /// The bytes of an unfinished block, kept inline.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private var state: State = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0

    mutating func update(_ input: UnsafeRawBufferPointer) {
        guard !input.isEmpty else { return }
        length &+= UInt64(input.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, input.count)
            let filled = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: filled).copyMemory(from: input.baseAddress!, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: pending) { Self.process($0, into: &state) }
            pendingCount = 0
        }
        while input.count - offset >= 64 {
            Self.process(UnsafeRawBufferPointer(rebasing: input[offset..<offset + 64]), into: &state)
            offset += 64
        }
        let rest = input.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: input.baseAddress!.advanced(by: offset), byteCount: rest)
            }
            pendingCount = rest
        }
    }

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// The 20-byte digest: the rest, 0x80, zeros, then the length in bits.
    consuming func finalize() -> [UInt8] {
        let bits = length &* 8
        var padding = [UInt8](repeating: 0, count: pendingCount < 56 ? 56 - pendingCount : 120 - pendingCount)
        padding[0] = 0x80
        padding.withUnsafeBytes { update($0) }
        withUnsafeBytes(of: bits.bigEndian) { update($0) }
        var digest = [UInt8]()
        digest.reserveCapacity(20)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            withUnsafeBytes(of: word.bigEndian) { digest.append(contentsOf: $0) }
        }
        return digest
    }

    /// `sha1:BASE32` as WARC digests are written.
    consuming func warcDigest() -> String {
        "sha1:" + Self.base32(finalize())
    }

    static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var hasher = SHA1()
        if bytes.withContiguousStorageIfAvailable({ hasher.update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }

    static func warcDigest<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        "sha1:" + base32(digest(bytes))
    }

    private static func process(_ block: UnsafeRawBufferPointer, into state: inout State) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1) }
            var (a, b, c, d, e) = state
            // Four fixed loops: no choice of function and constant per round.
            @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ word: UInt32) {
                let temp = a.rotatedLeft(5) &+ f &+ e &+ k &+ word
                e = d; d = c; c = b.rotatedLeft(30); b = a; a = temp
            }
            for i in 0..<20 { round((b & c) | (~b & d), 0x5A827999, w[i]) }
            for i in 20..<40 { round(b ^ c ^ d, 0x6ED9EBA1, w[i]) }
            for i in 40..<60 { round((b & c) | (b & d) | (c & d), 0x8F1BBCDC, w[i]) }
            for i in 60..<80 { round(b ^ c ^ d, 0xCA62C1D6, w[i]) }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
        }
    }

    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension UInt32 {
    func rotatedLeft(_ n: UInt32) -> UInt32 { self << n | self >> (32 - n) }
}
