import WebAddress

/// Turns the many spellings of one URL into one key, so a page is fetched and
/// counted once: scheme and host case, default ports, dot segments,
/// percent-encoding, no fragment, sorted query without tracking and session
/// parameters (pagination parameters are kept).
public struct URLNormalizer: Sendable {
    public let policy: URLPolicy

    public init(policy: URLPolicy) {
        self.policy = policy
    }

    /// Nil for anything that is not an absolute http(s) URL.
    public func normalize(_ raw: String) -> String? {
        HTTPAddress(raw).map(normalize)
    }

    /// The key of an already parsed URL, as text.
    public func normalize(_ url: HTTPAddress) -> String {
        var key = [UInt8]()
        self.key(url, into: &key)
        return String(decoding: key, as: UTF8.self)
    }

    /// The key of `url` written into `out` (emptied first) as bytes: the
    /// admission check hashes it, and makes a String only of what it admits.
    public func key(_ url: HTTPAddress, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out += url.isHTTPS ? "https://".utf8 : "http://".utf8
        out += url.hostBytes
        if let port = url.explicitPort {
            out.append(UInt8(ascii: ":"))
            out += String(port).utf8
        }
        let written = url.pathBytes
        if written.isEmpty {
            appendPath([UInt8(ascii: "/")], to: &out)
        } else if written.contains(UInt8(ascii: ".")) {
            appendPath(WebAddress.removingDotSegments(written)[...], to: &out)
        } else {
            appendPath(written, to: &out)
        }
        guard let query = url.queryBytes else { return }
        var encoded = [UInt8]()
        var kept = [Range<Int>]()
        var start = query.startIndex
        while start <= query.endIndex {
            let end = query[start...].firstIndex(of: UInt8(ascii: "&")) ?? query.endIndex
            if end > start {
                let first = encoded.count
                Self.appendPercentNormalized(query[start..<end], allowed: Self.queryAllowed, to: &encoded)
                if !policy.dropsParameter(Self.parameterName(encoded[first...])) { kept.append(first..<encoded.count) }
            }
            start = end + 1
        }
        guard !kept.isEmpty else { return }
        kept.sort { encoded[$0].lexicographicallyPrecedes(encoded[$1]) }
        out.append(UInt8(ascii: "?"))
        for (index, range) in kept.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            out += encoded[range]
        }
    }

    /// Each "/"-separated segment percent-normalised, without the path parameters the policy drops.
    private func appendPath(_ path: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var start = path.startIndex
        while true {
            let end = path[start...].firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
            let first = out.count
            Self.appendPercentNormalized(path[start..<end], allowed: Self.pathAllowed, to: &out)
            if out[first...].contains(UInt8(ascii: ";")) { dropPathParameters(in: &out, from: first) }
            guard end < path.endIndex else { return }
            out.append(UInt8(ascii: "/"))
            start = end + 1
        }
    }

    /// The name of a `name=value` pair, percent-decoded when that gives UTF-8.
    static func parameterName(_ pair: ArraySlice<UInt8>) -> String {
        let name = pair.prefix { $0 != UInt8(ascii: "=") }
        guard name.contains(UInt8(ascii: "%")) else { return String(decoding: name, as: UTF8.self) }
        var decoded = [UInt8]()
        var index = name.startIndex
        while index < name.endIndex {
            if name[index] == UInt8(ascii: "%"), index + 2 < name.endIndex,
               let high = hexValue(name[index + 1]), let low = hexValue(name[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(name[index])
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self) ?? String(decoding: name, as: UTF8.self)
    }

    /// Drops `;name=value` path parameters the policy names from the segment at `out[start...]`.
    private func dropPathParameters(in out: inout [UInt8], from start: Int) {
        let semicolon = out[start...].firstIndex(of: UInt8(ascii: ";"))!
        let parameters = out[(semicolon + 1)...].split(separator: UInt8(ascii: ";")).map(Array.init)
        out.removeSubrange(semicolon...)
        for parameter in parameters where !policy.dropPathParameters.contains(Self.parameterName(parameter[...]).lowercased()) {
            out.append(UInt8(ascii: ";"))
            out += parameter
        }
    }

    /// Decodes escapes of unreserved characters, upper-cases the others, and
    /// escapes bytes that may not appear raw (spaces, non-ASCII as UTF-8).
    static func appendPercentNormalized(_ bytes: ArraySlice<UInt8>, allowed: ByteSet, to out: inout [UInt8]) {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < end, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = high << 4 | low
                if unreserved.contains(decoded) {
                    out.append(decoded)
                } else {
                    out += [UInt8(ascii: "%"), hex[Int(high)], hex[Int(low)]]
                }
                i += 3
                continue
            }
            if allowed.contains(byte) && byte != UInt8(ascii: "%") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
            i += 1
        }
    }

    /// Byte classes as 256-entry tables: every byte of every discovered URL is looked up.
    struct ByteSet: Sendable {
        private let members: [Bool]

        init(_ characters: String) {
            var members = [Bool](repeating: false, count: 256)
            for byte in characters.utf8 { members[Int(byte)] = true }
            self.members = members
        }

        func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
    }

    private static let unreservedCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    private static let unreserved = ByteSet(unreservedCharacters)
    static let pathAllowed = ByteSet(unreservedCharacters + "!$&'()*+,;=:@%")
    static let queryAllowed = ByteSet(unreservedCharacters + "!$'()*+,;=:@/?%")
    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
