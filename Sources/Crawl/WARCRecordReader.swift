import Fetch
import Foundation

/// A response kept by an earlier night: the validators to send again, and where
/// its body lies when the server answers 304 Not Modified.
public struct StoredCapture: Sendable, Equatable {
    /// The WARC file holding the response record.
    public var file: URL
    public var offset: Int
    /// The record's target URI and capture date (WARC-Refers-To-*).
    public var url: String
    public var date: Date
    public var etag: String?
    public var lastModified: String?

    public init(file: URL, offset: Int, url: String, date: Date, etag: String?, lastModified: String?) {
        self.file = file
        self.offset = offset
        self.url = url
        self.date = date
        self.etag = etag
        self.lastModified = lastModified
    }

    /// If-None-Match / If-Modified-Since for the conditional request.
    var conditionalHeaders: [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        if let etag { headers.append(("If-None-Match", etag)) }
        if let lastModified { headers.append(("If-Modified-Since", lastModified)) }
        return headers
    }
}

/// Reads one response record back from a WARC file written by `WARCWriter`.
public enum WARCRecordReader {
    public struct StoredResponse: Sendable {
        public var targetURI: String?
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The HTTP response of the record whose gzip member starts at `offset`.
    public static func response(in file: URL, at offset: Int) throws -> StoredResponse {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        guard offset >= 0, offset + 2 < data.count else { throw Failure(description: "\(file.path): no record at offset \(offset)") }
        // The writer puts one record per gzip member.
        guard let member = Gzip.member(in: data, at: offset) else {
            throw Failure(description: "\(file.path): no complete gzip member at offset \(offset)")
        }
        return try parse(member.content, file: file.path)
    }

    static func parse(_ record: Data, file: String) throws -> StoredResponse {
        let separator = Data("\r\n\r\n".utf8)
        guard let warcEnd = record.range(of: separator) else { throw Failure(description: "\(file): WARC header without end") }
        let warcHeaders = fields(String(decoding: record[record.startIndex..<warcEnd.lowerBound], as: UTF8.self))
        guard value("WARC-Type", in: warcHeaders) == "response" else { throw Failure(description: "\(file): not a response record") }
        let length = value("Content-Length", in: warcHeaders).flatMap { Int($0) } ?? (record.endIndex - warcEnd.upperBound)
        let block = record[warcEnd.upperBound..<min(record.endIndex, warcEnd.upperBound + length)]
        guard let headEnd = block.range(of: separator) else { throw Failure(description: "\(file): HTTP head without end") }
        let lines = String(decoding: block[block.startIndex..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "\(file): bad HTTP status line") }
        return StoredResponse(targetURI: value("WARC-Target-URI", in: warcHeaders), status: status,
                              headers: fields(lines.dropFirst().joined(separator: "\r\n")),
                              body: Data(block[headEnd.upperBound...]))
    }

    private static func fields(_ text: String) -> [(name: String, value: String)] {
        text.components(separatedBy: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    private static func value(_ name: String, in fields: [(name: String, value: String)]) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
