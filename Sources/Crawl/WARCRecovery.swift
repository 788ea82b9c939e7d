import Fetch
import Foundation

/// Checks and repairs an evidence file after the crawler was killed.
/// `WARCWriter` writes each record as one gzip member in one write, so a
/// killed writer leaves whole records followed by at most one cut member;
/// this finds that tail and cuts it off, keeping every complete record.
public enum WARCRecovery {
    public struct Scan: Equatable, Sendable {
        /// Whole, well-formed records from the start of the file.
        public var records: Int
        /// Bytes those records take; everything after is a cut or corrupt tail.
        public var validBytes: Int
        public var fileBytes: Int
        /// Record types in file order (warcinfo, response, request …).
        public var types: [String]

        public var hasTruncatedTail: Bool { validBytes < fileBytes }
    }

    /// Walks the file record by record; stops at the first member that is
    /// cut, corrupt or not a WARC record with the length its header says.
    public static func scan(_ url: URL) throws -> Scan {
        let data = try Data(contentsOf: url)
        var scan = Scan(records: 0, validBytes: 0, fileBytes: data.count, types: [])
        while scan.validBytes < data.count,
              let member = Gzip.member(in: data, at: scan.validBytes),
              let type = recordType(member.content) {
            scan.records += 1
            scan.validBytes += member.length
            scan.types.append(type)
        }
        return scan
    }

    /// Cuts a cut or corrupt tail off, so the file again ends at a record boundary.
    @discardableResult
    public static func truncateToLastCompleteRecord(_ url: URL) throws -> Scan {
        var result = try scan(url)
        guard result.hasTruncatedTail else { return result }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(result.validBytes))
        try handle.synchronize()
        result.fileBytes = result.validBytes
        return result
    }

    /// The WARC-Type of a whole record: version line, headers, a block of
    /// exactly Content-Length bytes and the closing CRLF CRLF.
    static func recordType(_ record: Data) -> String? {
        let separator = Data("\r\n\r\n".utf8)
        guard record.starts(with: Data("WARC/".utf8)),
              let headEnd = record.range(of: separator) else { return nil }
        let head = String(decoding: record[record.startIndex..<headEnd.lowerBound], as: UTF8.self)
        var type: String?
        var length: Int?
        for line in head.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            switch parts[0].lowercased() {
            case "warc-type": type = value
            case "content-length": length = Int(value)
            default: break
            }
        }
        guard let type, let length else { return nil }
        let blockEnd = headEnd.upperBound + length
        guard record.endIndex - blockEnd == separator.count, record[blockEnd...] == separator[...] else { return nil }
        return type
    }
}
