import Fetch
import Foundation
import WebAddress

/// Where a response is kept in the evidence: enough to open that one record.
public struct WARCLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var offset: Int
    public var length: Int

    public init(file: String, offset: Int, length: Int) {
        self.file = file
        self.offset = offset
        self.length = length
    }

    public var description: String { "\(file)#offset=\(offset)&length=\(length)" }
}

/// Writes every exchange of a crawl as WARC/1.1 records (request, response
/// with block and payload digests), one gzip member per record so a record
/// can be read alone and an interrupted file still ends at a record boundary.
/// A CDXJ index (URL → record) is written beside it when the file is closed.
///
/// Records are built and compressed by `records` (a `WARCRecordBuilder`),
/// which may run on any task; the writer, owned by one crawl, places them.
public final class WARCWriter {
    public let url: URL
    private let handle: FileHandle
    private var offset: Int
    private var index: CDXJIndex
    private let fileName: String
    /// Builds this file's records; hand it to the tasks that prepare them.
    public let records: WARCRecordBuilder

    /// An exchange's records, compressed and ready to be placed in the file.
    public struct PreparedRecords: Sendable {
        fileprivate var members: [Data]
        /// The member holding the answer: its place is the exchange's location.
        fileprivate var answer: Int
        fileprivate var indexEntry: IndexEntry
    }

    fileprivate struct IndexEntry: Sendable {
        var key: String
        var url: String
        var mime: String
        var status: Int
        var digest: String
    }

    /// `settings` default to the bundled evidence.yaml. `deflaters`, shared by
    /// the WARC files a run writes at once, keeps zlib streams between records.
    public init(url: URL, software: String, operatorInfo: String? = nil, settings: EvidenceSettings? = nil,
                deflaters: DeflaterPool? = nil) throws {
        let settings = try settings ?? EvidenceSettings.bundled()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A file that cannot be created makes the open below throw, naming it.
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        self.url = url
        self.handle = try FileHandle(forWritingTo: url)
        self.offset = 0
        self.fileName = url.lastPathComponent
        self.index = CDXJIndex(url: url.deletingPathExtension().deletingPathExtension().appendingPathExtension("cdxj"))
        let warcinfoID = Self.newRecordID()
        self.records = WARCRecordBuilder(warcinfoID: warcinfoID, gzipLevel: settings.gzipLevel, deflaters: deflaters)
        var info = "software: \(software)\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        if let operatorInfo { info += "operator: \(operatorInfo)\r\n" }
        _ = try place(records.record(type: "warcinfo", id: warcinfoID, targetURI: nil, date: Date(),
                             contentType: "application/warc-fields", block: .init(Data(info.utf8)), extra: [("WARC-Filename", fileName)]))
    }

    /// Writes the redirect hops, the request and the response; returns where the response is.
    @discardableResult
    public func write(_ response: FetchResponse) throws -> WARCLocation {
        try append(records.prepare(response))
    }

    /// Writes a 304 answer as a `revisit` record (server-not-modified profile) that
    /// points at the earlier response holding the body; returns where the revisit is.
    @discardableResult
    public func writeRevisit(_ response: FetchResponse, refersTo original: StoredCapture) throws -> WARCLocation {
        let block = Self.httpHead(status: response.status, version: response.httpVersion, headers: response.headers, bodyLength: 0)
        var extra: [(String, String)] = [("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"),
                                         ("WARC-Refers-To-Target-URI", original.url),
                                         ("WARC-Refers-To-Date", Self.isoDate(original.date))]
        if let address = response.remoteAddress { extra.append(("WARC-IP-Address", address)) }
        return try append(records.exchange(response, type: "revisit", block: .init(block), extra: extra, mime: "warc/revisit", digest: "-"))
    }

    /// Writes prepared records at the end of the file; returns where the answer is.
    public func append(_ records: PreparedRecords) throws -> WARCLocation {
        var answer: WARCLocation?
        for (position, member) in records.members.enumerated() {
            let location = try place(member)
            if position == records.answer { answer = location }
        }
        guard let answer else { preconditionFailure("prepared records always hold their answer") }
        let entry = records.indexEntry
        try index.add("\(entry.key) {\"url\": \(Self.jsonString(entry.url)), \"mime\": \(Self.jsonString(entry.mime)), \"status\": \"\(entry.status)\", \"digest\": \"\(entry.digest)\", \"length\": \"\(answer.length)\", \"offset\": \"\(answer.offset)\", \"filename\": \(Self.jsonString(fileName))}")
        return answer
    }

    /// Flushes and writes the sorted CDXJ index `<name>.cdxj`.
    public func close() throws {
        try handle.synchronize()
        try handle.close()
        try index.finish()
    }

    private func place(_ member: Data) throws -> WARCLocation {
        try handle.write(contentsOf: member)
        let location = WARCLocation(file: fileName, offset: offset, length: member.count)
        offset += member.count
        return location
    }

    /// The HTTP head as received, minus the transfer and content codings
    /// libcurl already undid, so the stored body and its headers agree.
    static func httpHead(status: Int, version: String, headers: [(name: String, value: String)], bodyLength: Int) -> Data {
        var head = "\(version.isEmpty ? "HTTP/1.1" : version) \(status) \(reasonPhrase(status))\r\n"
        for (name, value) in headers {
            switch name.lowercased() {
            case "content-encoding", "transfer-encoding", "content-length": continue
            default: head += "\(name): \(value)\r\n"
            }
        }
        head += "Content-Length: \(bodyLength)\r\n\r\n"
        return Data(head.utf8)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 206: return "Partial Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status"
        }
    }

    static func newRecordID() -> String { "urn:uuid:\(UUID().uuidString.lowercased())" }

    /// A value type: records are prepared on several tasks at once.
    private static let isoStyle = Date.ISO8601FormatStyle()

    static func isoDate(_ date: Date) -> String { isoStyle.format(date) }

    static func timestamp(_ date: Date) -> String {
        isoDate(date).filter(\.isNumber)
    }

    /// Sort-friendly URL key of the CDX formats: host labels reversed.
    static func surt(_ url: String) -> String {
        guard let parsed = HTTPAddress(url) else { return url }
        var labels = parsed.host.split(separator: ".").map(String.init)
        if labels.first == "www" { labels.removeFirst() }
        let host = parsed.host.allSatisfy({ $0.isNumber || $0 == "." }) ? parsed.host : labels.reversed().joined(separator: ",")
        let port = parsed.port.map { ":\($0)" } ?? ""
        return "\(host)\(port))\(parsed.pathAndQuery.lowercased())"
    }

    static func jsonString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return data.flatMap { String(data: $0, encoding: .utf8) }.map { String($0.dropFirst().dropLast()) } ?? "\"\""
    }
}

/// Builds and compresses the records of one WARC file. Touches no state, so
/// fetching tasks prepare records while the crawl places earlier ones.
public struct WARCRecordBuilder: Sendable {
    let warcinfoID: String
    let gzipLevel: Int32
    /// Full-window streams shared with the run's other WARC files; nil: one per member.
    let deflaters: DeflaterPool?

    private static let recordEnd = Data([0x0D, 0x0A, 0x0D, 0x0A])

    /// The records of an exchange: redirect hops, the response, the request.
    public func prepare(_ response: FetchResponse) -> WARCWriter.PreparedRecords {
        let head = WARCWriter.httpHead(status: response.status, version: response.httpVersion, headers: response.headers, bodyLength: response.body.count)
        var payload = SHA1()
        var whole = SHA1()
        whole.update(head)
        response.body.withUnsafeBytes { body in
            // One pass over the body: each chunk feeds both digests while it is in cache.
            var offset = 0
            while offset < body.count {
                let chunk = UnsafeRawBufferPointer(rebasing: body[offset..<min(offset + 16_384, body.count)])
                payload.update(chunk)
                whole.update(chunk)
                offset += chunk.count
            }
        }
        let payloadDigest = payload.warcDigest()
        var extra: [(String, String)] = [("WARC-Payload-Digest", payloadDigest)]
        if let address = response.remoteAddress { extra.append(("WARC-IP-Address", address)) }
        if response.truncated { extra.append(("WARC-Truncated", "length")) }
        return exchange(response, type: "response", block: RecordBlock(parts: [head, response.body], digest: whole.warcDigest()),
                        extra: extra, mime: response.contentType ?? "unk", digest: payloadDigest)
    }

    /// Hops, the answer record, the request record concurrent to it, and the index entry.
    func exchange(_ response: FetchResponse, type: String, block: RecordBlock, extra: [(String, String)],
                          mime: String, digest: String) -> WARCWriter.PreparedRecords {
        var members = response.redirects.map { hop in
            record(type: "response", id: WARCWriter.newRecordID(), targetURI: hop.url, date: response.fetchedAt,
                   contentType: "application/http;msgtype=response",
                   block: RecordBlock(WARCWriter.httpHead(status: hop.status, version: response.httpVersion, headers: hop.headers, bodyLength: 0)),
                   extra: [("WARC-Payload-Digest", SHA1.warcDigest([UInt8]()))])
        }
        let responseID = WARCWriter.newRecordID()
        let answer = members.count
        members.append(record(type: type, id: responseID, targetURI: response.url, date: response.fetchedAt,
                              contentType: "application/http;msgtype=response", block: block, extra: extra))
        members.append(record(type: "request", id: WARCWriter.newRecordID(), targetURI: response.url, date: response.fetchedAt,
                              contentType: "application/http;msgtype=request", block: RecordBlock(Data(response.requestHeaderBlock.utf8)),
                              extra: [("WARC-Concurrent-To", "<\(responseID)>")]))
        let key = "\(WARCWriter.surt(response.url)) \(WARCWriter.timestamp(response.fetchedAt))"
        return WARCWriter.PreparedRecords(members: members, answer: answer,
                               indexEntry: WARCWriter.IndexEntry(key: key, url: response.url, mime: mime, status: response.status, digest: digest))
    }

    /// A record's block: its parts in order (an HTTP head and its body are
    /// not joined into a copy) and its digest.
    struct RecordBlock {
        var parts: [Data]
        var digest: String

        init(parts: [Data], digest: String) {
            self.parts = parts
            self.digest = digest
        }

        init(_ data: Data) {
            self.init(parts: [data], digest: SHA1.warcDigest(data))
        }

        var count: Int { parts.reduce(0) { $0 + $1.count } }
    }

    /// One record as a gzip member.
    func record(type: String, id: String, targetURI: String?, date: Date, contentType: String,
                block: RecordBlock, extra: [(String, String)]) -> Data {
        var header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <\(id)>\r\nWARC-Date: \(WARCWriter.isoDate(date))\r\n"
        if let targetURI { header += "WARC-Target-URI: \(targetURI)\r\n" }
        if type != "warcinfo" { header += "WARC-Warcinfo-ID: <\(warcinfoID)>\r\n" }
        for (name, value) in extra { header += "\(name): \(value)\r\n" }
        let blockLength = block.count
        header += "WARC-Block-Digest: \(block.digest)\r\nContent-Type: \(contentType)\r\nContent-Length: \(blockLength)\r\n\r\n"
        // Deflated part by part: the body is not copied into a joined record first.
        return Gzip.compress([Data(header.utf8)] + block.parts + [Self.recordEnd], level: gzipLevel, deflaters: deflaters)
    }
}
