import Crypto
import Foundation

/// SHA-1, for WARC block and payload digests (the format asks for it; it is
/// an integrity label there, not a security boundary), from swift-crypto
/// (BoringSSL's assembly). Incremental, so a response's body is read once for
/// both digests and a record's block is hashed in its parts, never joined into a copy.
struct SHA1 {
    private var hasher = Insecure.SHA1()

    mutating func update(_ input: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: input)
    }

    mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    /// The 20-byte digest.
    consuming func finalize() -> [UInt8] {
        Array(hasher.finalize())
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
