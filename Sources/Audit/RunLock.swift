import Foundation

/// An exclusive `flock` on `<db>.lock`, held for the whole run: two audits never
/// write the same history at once. The kernel drops it when the process dies, so
/// a killed run never leaves a stale lock behind.
public final class RunLock {
    public let path: String
    private var descriptor: Int32

    /// Takes the lock at once or throws `AuditError.cannotRun`; never waits.
    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AuditError.cannotRun("\(path): không mở được tệp khoá (cannot open the lock file: \(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw AuditError.cannotRun("\(path): một lượt kiểm tra khác đang chạy (another audit holds the lock)")
        }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
