import Foundation

/// Serves a recorded site from a folder, the way a real web server would.
///
/// A URL `/a/b?x=1` is looked up as the file `a/b?x=1`, then `a/b` (servers
/// ignore parameters they do not know, such as tracking parameters); a path
/// ending in `/` maps to its `index.html`. An optional `_headers.tsv` at the
/// root sets per-URL headers (`/old\tLocation: /new`, `/x\tStatus: 403`).
/// Every file gets a strong ETag, and `If-None-Match` is answered with 304.
public struct StaticSite: Sendable {
    public let root: URL
    private let overrides: [String: [(name: String, value: String)]]
    /// Added before every answer (simulated network latency).
    public var latencyMilliseconds: Int

    public init(root: URL, latencyMilliseconds: Int = 0) throws {
        self.root = root.standardizedFileURL
        self.latencyMilliseconds = latencyMilliseconds
        var overrides: [String: [(name: String, value: String)]] = [:]
        let headersFile = root.appendingPathComponent("_headers.tsv")
        if let text = try? String(contentsOf: headersFile, encoding: .utf8) {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let parts = trimmed.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let colon = parts[1].firstIndex(of: ":") else {
                    throw StaticSiteError.badHeaderLine(file: headersFile.path, line: index + 1)
                }
                let name = parts[1][..<colon].trimmingCharacters(in: .whitespaces)
                let value = parts[1][parts[1].index(after: colon)...].trimmingCharacters(in: .whitespaces)
                overrides[String(parts[0]), default: []].append((name, value))
            }
        }
        self.overrides = overrides
    }

    public var handler: SiteHandler {
        let site = self
        return { request in site.respond(to: request) }
    }

    public func respond(to request: SiteRequest) -> SiteResponse {
        var response = lookup(request)
        response.delayMilliseconds = latencyMilliseconds
        return response
    }

    private func lookup(_ request: SiteRequest) -> SiteResponse {
        var path = request.path.removingPercentEncoding ?? request.path
        if path.contains("/../") || path.hasSuffix("/..") { return .notFound }
        if path.hasSuffix("/") { path += "index.html" }
        var keys = [String]()
        if let query = request.query { keys.append(path + "?" + query) }
        keys.append(path)

        for key in keys {
            let extra = overrides[key] ?? overrides[key.replacingOccurrences(of: "/index.html", with: "/")] ?? []
            if let status = extra.first(where: { $0.name.lowercased() == "status" }).flatMap({ Int($0.value) }) {
                return SiteResponse(status: status, headers: extra.filter { $0.name.lowercased() != "status" } + [("Content-Type", "text/html; charset=utf-8")],
                                    body: .bytes(Array("<html><body><h1>\(status)</h1></body></html>".utf8)))
            }
            let file = root.appendingPathComponent(String(key.drop(while: { $0 == "/" })))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                return SiteResponse(status: 301, headers: [("Location", request.path + "/")])
            }
            guard let data = try? Data(contentsOf: file) else { continue }
            let etag = "\"\(Self.fingerprint(data))\""
            if request.header("If-None-Match") == etag {
                return SiteResponse(status: 304, headers: [("ETag", etag)])
            }
            var headers: [(name: String, value: String)] = [("ETag", etag)]
            if !extra.contains(where: { $0.name.lowercased() == "content-type" }) {
                headers.append(("Content-Type", Self.contentType(for: path)))
            }
            headers += extra
            return SiteResponse(status: 200, headers: headers, body: .bytes([UInt8](data)))
        }
        return .notFound
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "xml": return "application/xml"
        case "rss": return "application/rss+xml"
        case "txt": return "text/plain; charset=utf-8"
        case "gz": return "application/gzip"
        case "pdf": return "application/pdf"
        case "css": return "text/css"
        case "js": return "application/javascript"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "doc": return "application/msword"
        case "json": return "application/json"
        default: return "text/html; charset=utf-8"
        }
    }

    /// FNV-1a over the bytes: a stable ETag without a crypto dependency.
    static func fingerprint(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(hash, radix: 16)
    }
}

public enum StaticSiteError: Error, CustomStringConvertible {
    case badHeaderLine(file: String, line: Int)

    public var description: String {
        switch self {
        case .badHeaderLine(let file, let line):
            return "\(file):\(line): expected `PATH<TAB>Header: value`"
        }
    }
}
