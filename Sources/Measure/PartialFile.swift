import Foundation

/// A file written piece by piece through a hidden `.NAME.partial` beside it,
/// renamed into place once complete: never half a file under its name.
public final class PartialFile {
    public let url: URL
    private let partial: URL
    private let output: FileHandle
    private var closed = false

    public init(_ url: URL) throws {
        self.url = url
        partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial.path])
        }
        output = try FileHandle(forWritingTo: partial)
    }

    deinit {
        // Not committed: what was written goes.
        if !closed {
            try? output.close()
            try? FileManager.default.removeItem(at: partial)
        }
    }

    public func write(_ data: Data) throws {
        try output.write(contentsOf: data)
    }

    public func write(_ text: String) throws {
        try output.write(contentsOf: Data(text.utf8))
    }

    /// Flushes the file to disk and renames it into place.
    public func commit() throws {
        closed = true
        defer { try? output.close() }
        do {
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        guard rename(partial.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }
}
