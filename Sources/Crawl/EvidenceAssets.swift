import DataFile
import Fetch
import Foundation
import HTML
import WebAddress

/// How much of the proving pages' stylesheets and images one target may keep
/// (`assets:` in Resources/evidence.yaml).
public struct EvidenceAssetBudget: Sendable, Equatable {
    public var maxAssets: Int
    public var maxBytes: Int
    /// Content-type prefixes kept ("text/css", "image/").
    public var contentTypes: [String]

    public init(maxAssets: Int, maxBytes: Int, contentTypes: [String]) {
        self.maxAssets = maxAssets
        self.maxBytes = maxBytes
        self.contentTypes = contentTypes
    }

    public static func standard() throws -> EvidenceAssetBudget {
        try EvidenceSettings.bundled().assets
    }

    static func parse(_ root: YAMLNode) throws -> EvidenceAssetBudget {
        let map = try root.requireMapping()
        try map.rejectUnknownKeys(allowed: ["maxAssetsPerTarget", "maxBytesPerTarget", "contentTypes"])
        func count(_ key: String) throws -> Int {
            let node = try map.require(key)
            let value = try node.requireInt()
            guard value >= 0 else { throw node.error("`\(key)` must be a whole number of at least 0") }
            return value
        }
        let types = try map.require("contentTypes").requireSequence().map { try $0.requireString().lowercased() }
        return EvidenceAssetBudget(maxAssets: try count("maxAssetsPerTarget"), maxBytes: try count("maxBytesPerTarget"), contentTypes: types)
    }

    func keeps(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return contentTypes.contains { type.hasPrefix($0) }
    }
}

/// The addresses of the stylesheets and images a page or a stylesheet uses, absolute, in
/// the order they appear: what the replay needs to look like the page.
public enum PageAssets {
    /// `<link rel=stylesheet href>`, `<img src|srcset>`, `<source srcset>`, `background=""`,
    /// and `url(…)`/`@import` inside `<style>` and `style=""`.
    public static func references(in document: HTMLDocument) -> [String] {
        let base = document.baseURL
        var found: [String] = []
        for node in document.nodes("//link[@href] | //img | //source[@srcset] | //style | //*[@style] | //*[@background]") {
            switch node.name {
            case "link":
                let rel = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                if rel.contains("stylesheet"), let href = node.attribute("href") { found.append(contentsOf: resolved([href], base: base)) }
            case "img", "source":
                found.append(contentsOf: resolved([node.attribute("src")].compactMap { $0 } + candidates(node.attribute("srcset")), base: base))
            case "style":
                found.append(contentsOf: references(inCSS: node.rawText, base: base))
            default:
                break
            }
            if let background = node.attribute("background") { found.append(contentsOf: resolved([background], base: base)) }
            if let style = node.attribute("style") { found.append(contentsOf: references(inCSS: style, base: base)) }
        }
        return unique(found)
    }

    /// `url(…)` and `@import "…"` of a stylesheet, resolved against `base`.
    public static func references(inCSS css: String, base: String) -> [String] {
        let text = css as NSString
        let values = cssReference.matches(in: css, range: NSRange(location: 0, length: text.length)).compactMap { match in
            (1...5).lazy.map { match.range(at: $0) }.first { $0.location != NSNotFound }.map { text.substring(with: $0) }
        }
        return unique(resolved(values, base: base))
    }

    /// The addresses of a `srcset`.
    public static func candidates(_ srcset: String?) -> [String] {
        srcsetCandidates(srcset ?? "").map(\.url)
    }

    /// A `srcset`'s candidates as HTML parses them: an address is a run without whitespace
    /// (a data: URI keeps its commas), ended by trailing commas or by its descriptor, which
    /// runs to the next comma outside parentheses.
    public static func srcsetCandidates(_ srcset: String) -> [(url: String, descriptor: String)] {
        var result: [(url: String, descriptor: String)] = []
        var rest = Substring(srcset)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { return result }
            var url = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(url.count)
            if url.hasSuffix(",") {
                url = url.dropLast(url.reversed().prefix { $0 == "," }.count)
                result.append((String(url), ""))
                continue
            }
            var depth = 0
            let descriptor = rest.prefix { character in
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
                return character != "," || depth > 0
            }
            rest = rest.dropFirst(descriptor.count)
            result.append((String(url), descriptor.trimmingCharacters(in: .whitespaces)))
        }
    }

    /// url("…"), url('…'), url(…) and @import "…" / '…' (an @import url(…) is a url()):
    /// groups 1–3 hold a url()'s address, 4–5 an @import's. The capture and the replay read
    /// stylesheets with this one expression.
    public static let cssReference = try! NSRegularExpression(
        pattern: #"url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')"#, options: [.caseInsensitive])

    private static func resolved(_ values: [String], base: String) -> [String] {
        values.compactMap { value in
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.lowercased().hasPrefix("data:"), let url = URLResolver.resolve(trimmed, against: base),
                  let scheme = URLResolver.scheme(of: url), scheme == "http" || scheme == "https" else { return nil }
            return url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        }
    }

    private static func unique(_ urls: [String]) -> [String] {
        var seen = Set<String>()
        return urls.filter { seen.insert($0).inserted }
    }
}

/// A page the findings cite, and where its body lies (for a 304, in an earlier night's file).
public struct ProvingPage: Sendable, Equatable {
    public var url: String
    public var file: URL
    public var offset: Int

    public init(url: String, file: URL, offset: Int) {
        self.url = url
        self.file = file
        self.offset = offset
    }
}

/// What the capture kept and left out, for the log.
public struct AssetCaptureOutcome: Sendable, Equatable {
    public var captured = 0
    public var bytes = 0
    /// Referenced but not kept: off the portal's hosts, refused by robots.txt, failed, not a
    /// stylesheet or image, or past the budget.
    public var leftOut = 0
}

/// Fetches the stylesheets and images of the proving pages, within the budget, through the
/// crawl's Fetcher (its per-host connections and rests still apply), on the portal's own
/// hosts and as robots.txt allows, and writes them into the target's WARC as ordinary
/// response records (indexed in its CDXJ when the writer closes). A stylesheet's own
/// `url()`s and `@import`s follow those of the pages.
public struct AssetCapture: Sendable {
    let budget: EvidenceAssetBudget
    let fetcher: Fetcher

    public init(budget: EvidenceAssetBudget, fetcher: Fetcher) {
        self.budget = budget
        self.fetcher = fetcher
    }

    public func capture(for pages: [ProvingPage], target: CrawlTarget, outcome: CrawlOutcome, into writer: WARCWriter,
                        log: @Sendable (String) -> Void = { _ in }) async -> AssetCaptureOutcome {
        var result = AssetCaptureOutcome()
        var queue: [String] = []
        for page in pages {
            do {
                let stored = try WARCRecordReader.response(in: page.file, at: page.offset)
                let decoded = CharsetDecoder.decode(stored.body, contentTypeHeader: stored.headers.first {
                    $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }?.value)
                queue += PageAssets.references(in: HTMLDocument(html: decoded.text, url: stored.targetURI ?? page.url))
            } catch {
                log("\(target.id): cannot read back the proving page \(page.url): \(error)")
            }
        }
        var seen = Set<String>()
        var next = 0
        while next < queue.count {
            let url = queue[next]
            next += 1
            guard seen.insert(url).inserted else { continue }
            guard result.captured < budget.maxAssets, result.bytes < budget.maxBytes, let parsed = HTTPAddress(url),
                  target.scopeHosts.contains(parsed.hostKey),
                  outcome.robots[parsed.hostKey]?.isAllowed(parsed.pathAndQuery) ?? true else {
                result.leftOut += 1
                continue
            }
            // The target's time box ends the capture as it ends the crawl.
            guard case .success(let response) = await outcome.timeBox.fetch(FetchRequest(url: url), with: fetcher), (200..<300).contains(response.status),
                  budget.keeps(response.contentType), !response.truncated, result.bytes + response.body.count <= budget.maxBytes else {
                result.leftOut += 1
                continue
            }
            do {
                try writer.write(response)
            } catch {
                log("\(target.id): cannot write evidence: \(error)")
                return result
            }
            result.captured += 1
            result.bytes += response.body.count
            if response.contentType?.lowercased().hasPrefix("text/css") == true {
                queue += PageAssets.references(inCSS: response.text ?? String(decoding: response.body, as: UTF8.self), base: response.url)
            }
        }
        return result
    }
}
