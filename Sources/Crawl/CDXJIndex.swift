import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sorted CDXJ index of one WARC file, built with bounded memory: lines
/// are kept until a run is full, then sorted into a run file; `finish` merges
/// the runs. A crawl of 100,000 pages holds one run, not the whole index.
struct CDXJIndex {
    let url: URL
    private let runLength: Int
    private var lines: [String] = []
    private var runs: [URL] = []

    init(url: URL, runLength: Int = 5_000) {
        self.url = url
        self.runLength = max(1, runLength)
    }

    mutating func add(_ line: String) throws {
        lines.append(line)
        if lines.count >= runLength { try spill() }
    }

    /// Writes the whole index in order, replacing the file at once.
    mutating func finish() throws {
        let partial = url.appendingPathExtension("partial")
        if runs.isEmpty {
            try Self.write(lines.sorted(), to: partial)
        } else {
            try spill()
            try merge(into: partial)
            for run in runs { try? FileManager.default.removeItem(at: run) }
            runs = []
        }
        lines = []
        guard rename(partial.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    private mutating func spill() throws {
        guard !lines.isEmpty else { return }
        let run = url.appendingPathExtension("run\(runs.count)")
        lines.sort()
        try Self.write(lines, to: run)
        runs.append(run)
        lines.removeAll(keepingCapacity: true)
    }

    /// k-way merge of the sorted runs (one per `runLength` pages).
    private func merge(into output: URL) throws {
        let readers = try runs.map(LineReader.init)
        var heads = readers.indices.map { readers[$0].next() }
        try Self.write(AnySequence {
            AnyIterator { () -> String? in
                guard let smallest = heads.indices.filter({ heads[$0] != nil }).min(by: { heads[$0]! < heads[$1]! }) else { return nil }
                defer { heads[smallest] = readers[smallest].next() }
                return heads[smallest]
            }
        }, to: output)
    }

    /// Writes lines through a small buffer: the index is never one string in memory.
    private static func write<Lines: Sequence>(_ lines: Lines, to file: URL) throws where Lines.Element == String {
        // A file that cannot be created makes the open below throw, naming it.
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var buffer = Data()
        for line in lines {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 18 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        try handle.synchronize()
    }
}

/// Reads a text file line by line through stdio's buffer.
private final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var line: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    init(_ url: URL) throws {
        guard let file = fopen(url.path, "r") else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
        self.file = file
    }

    deinit {
        free(line)
        fclose(file)
    }

    func next() -> String? {
        let count = getline(&line, &capacity, file)
        guard count > 0, let line else { return nil }
        let length = line[count - 1] == 0x0A ? count - 1 : count
        return line.withMemoryRebound(to: UInt8.self, capacity: length) { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) }
    }
}
