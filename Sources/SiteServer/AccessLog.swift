import Foundation
import Glibc
import Synchronization

/// The server's own record of what it answered, one line per answer:
///
///     2026-12-06T03:41:07Z 127.20.0.1:18392 GET /tin-tuc/page-2 200 48211
///
/// time (UTC), the server's host:port, method, path and query as sent,
/// status, body bytes sent. A line is written when the answer's last byte is
/// handed to the connection, before the client can see the answer end, so a
/// client that has its answer finds its line in the file. Requests never
/// answered (a stalled server) have no line; an answer cut short counts the
/// bytes sent. The benchmark counts every tool's pages from it.
public final class AccessLog: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Creates or empties the file.
    public init(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AccessLogError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    func record(host: String, port: Int, method: String, uri: String, status: Int, bytes: Int) {
        let line = "\(Date().ISO8601Format()) \(host):\(port) \(method) \(uri) \(status) \(bytes)\n"
        // One write per line, under the lock: lines from the event loops never interleave,
        // and a server killed at any time leaves whole lines behind (nothing is buffered).
        descriptor.withLock { descriptor in
            var utf8 = Array(line.utf8)[...]
            while !utf8.isEmpty {
                let written = utf8.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                utf8 = utf8.dropFirst(written)
            }
        }
    }
}

public enum AccessLogError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot write the access log: \(reason)"
        }
    }
}
