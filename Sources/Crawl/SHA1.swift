/// SHA-1, for WARC block and payload digests (the format asks for it; it is
/// an integrity label there, not a security boundary). Every page's body is
/// hashed twice, so blocks are read straight from the input, without copies
/// or allocations per block.
enum SHA1 {
    static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// `sha1:BASE32` as WARC digests are written.
    static func warcDigest<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        "sha1:" + base32(digest(bytes))
    }

    private static func digest(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var state: State = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        let whole = input.count / 64 * 64
        var offset = 0
        while offset < whole {
            process(UnsafeRawBufferPointer(rebasing: input[offset..<offset + 64]), into: &state)
            offset += 64
        }
        // The rest, 0x80, zeros, then the length in bits: one or two blocks.
        var tail = [UInt8](input[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = UInt64(input.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { tail in
            for start in stride(from: 0, to: tail.count, by: 64) {
                process(UnsafeRawBufferPointer(rebasing: tail[start..<start + 64]), into: &state)
            }
        }
        var digest = [UInt8]()
        digest.reserveCapacity(20)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            withUnsafeBytes(of: word.bigEndian) { digest.append(contentsOf: $0) }
        }
        return digest
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

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
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
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
        return out
    }
}

private extension UInt32 {
    func rotatedLeft(_ n: UInt32) -> UInt32 { self << n | self >> (32 - n) }
}
