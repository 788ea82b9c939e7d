import Foundation

/// Which IP addresses count as not public: a crawler of public portals must
/// not be steered (by DNS or a redirect) into the operator's own network.
public enum AddressPolicy {
    /// True for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT,
    /// unspecified, multicast and reserved addresses, IPv4-mapped ones included.
    /// Text that is no IP address is not private (nil host, nothing to refuse).
    public static func isPrivate(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return isPrivate(v4: UInt32(bigEndian: v4.s_addr))
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        return isPrivate(v6: bytes)
    }

    static func isPrivate(v4 address: UInt32) -> Bool {
        let a = address >> 24, b = (address >> 16) & 0xff
        switch a {
        case 0, 10, 127: return true                 // this network, private, loopback
        case 100: return (64...127).contains(b)      // carrier-grade NAT
        case 169: return b == 254                    // link-local
        case 172: return (16...31).contains(b)       // private
        case 192: return b == 168 || (b == 0 && (address >> 8) & 0xff == 0)  // private, IETF protocol
        case 198: return b == 18 || b == 19          // benchmarking
        case 224...255: return true                  // multicast, reserved, broadcast
        default: return false
        }
    }

    static func isPrivate(v6 bytes: [UInt8]) -> Bool {
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return bytes[15] <= 1 }         // :: and ::1
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            let v4 = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }        // ::ffff:a.b.c.d
            return isPrivate(v4: v4)
        }
        if bytes[0] & 0xfe == 0xfc { return true }                                   // unique local
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true }               // link-local
        return bytes[0] == 0xff                                                      // multicast
    }

    private static func string(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The numeric form of a socket address, for the check and the message.
    static func text(of address: UnsafePointer<sockaddr>) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                var raw = v4.pointee.sin_addr
                return inet_ntop(AF_INET, &raw, &buffer, socklen_t(buffer.count)).map { _ in Self.string(buffer) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var raw = v6.pointee.sin6_addr
                return inet_ntop(AF_INET6, &raw, &buffer, socklen_t(buffer.count)).map { _ in Self.string(buffer) }
            }
        default:
            return nil
        }
    }
}
