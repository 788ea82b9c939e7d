import Crawl
import Foundation
import WebAddress
import Store

/// An archived response found for a URL: what the replay serves.
struct ArchivedPage {
    var url: String
    var runID: String
    var capturedAt: Date
    var status: Int
    var contentType: String
    var location: String?
    var body: Data
}

/// Reads the nights' evidence back: the CDXJ index of a target's WARC file names the
/// record, WARCRecordReader reads it. Nothing is ever fetched from the live site.
struct EvidenceArchive: Sendable {
    let runsFolder: URL
    let lookbackNights: Int

    /// Ids that can name a folder or file here: no separators, no leading dot.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.count <= 128
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// The response for `url` kept by the night `run` for `target`. A night that only
    /// revisited the page (304) points at an earlier night's full response: the earlier
    /// nights (`earlierRuns`, newest first) are read until one holds it.
    func page(url: String, run: String, target: String, earlierRuns: [String]) throws -> ArchivedPage? {
        guard Self.isSafeName(run), Self.isSafeName(target) else { return nil }
        for night in ([run] + earlierRuns.prefix(lookbackNights)) where Self.isSafeName(night) {
            let evidence = runsFolder.appendingPathComponent(night).appendingPathComponent("evidence")
            let index = evidence.appendingPathComponent("\(target).cdxj")
            guard FileManager.default.fileExists(atPath: index.path) else { continue }
            guard let entry = try CDXJReader.entries(for: url, in: index).last(where: { $0.mime != "warc/revisit" }) else {
                // Not even a revisit tonight: the page was never archived by this night.
                if try CDXJReader.entries(for: url, in: index).isEmpty { return nil }
                continue
            }
            guard Self.isSafeName(entry.filename) else { return nil }
            let response = try WARCRecordReader.response(in: evidence.appendingPathComponent(entry.filename), at: entry.offset)
            func header(_ name: String) -> String? {
                response.headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
            }
            return ArchivedPage(url: response.targetURI ?? entry.url, runID: night, capturedAt: Self.date(entry.timestamp) ?? Date(timeIntervalSince1970: 0),
                                status: response.status, contentType: header("Content-Type") ?? entry.mime,
                                location: header("Location"), body: response.body)
        }
        return nil
    }

    /// yyyyMMddHHmmss (UTC) as the index writes it.
    static func date(_ timestamp: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.date(from: String(timestamp.prefix(14)))
    }
}

/// An archived HTML page made to stay inside the archive: every link, image and
/// stylesheet address (attributes, `srcset`, CSS `url()` and `@import` in `<style>` and
/// `style=""`) points back into /evidence, and a banner says what it is.
/// The bytes are handled as ISO-8859-1 so a page in any charset comes out unchanged
/// except for the rewritten addresses and the (ASCII-only) banner.
enum ArchivedPageRewriter {
    private static let attribute = try! NSRegularExpression(
        pattern: #"(\s(href|src|action|background|poster|srcset|style)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#, options: [.caseInsensitive])
    private static let styleBlock = try! NSRegularExpression(
        pattern: #"(<style\b[^>]*>)(.*?)(</style\s*>)"#, options: [.caseInsensitive, .dotMatchesLineSeparators])
    private static let body = try! NSRegularExpression(pattern: #"<body[^>]*>"#, options: [.caseInsensitive])
    /// A <base> would send relative addresses elsewhere (they are resolved already); a meta
    /// refresh would make the browser leave the archive for the live site.
    private static let leavingTags = try! NSRegularExpression(
        pattern: #"<base\b[^>]*>|<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>"#, options: [.caseInsensitive])

    static func rewrite(_ page: ArchivedPage, banner: String, address: (String) -> String) -> Data {
        let pageURL = WebAddress.resolutionBase(page.url)
        let styled = replacing(styleBlock, in: latin1(page.body)) { match, source in
            source.substring(with: match.range(at: 1)) + css(source.substring(with: match.range(at: 2)), base: pageURL, address: address)
                + source.substring(with: match.range(at: 3))
        }
        var output = replacing(attribute, in: styled) { match, source in
            let valueRange = [3, 4, 5].map { match.range(at: $0) }.first { $0.location != NSNotFound } ?? match.range(at: 5)
            let raw = valueRange.location == NSNotFound ? "" : source.substring(with: valueRange)
            let value: String
            switch source.substring(with: match.range(at: 2)).lowercased() {
            case "srcset": value = srcset(utf8(raw), base: pageURL, address: address)
            case "style": value = HTML.asciiEscape(css(entitiesDecoded(utf8(raw)), base: pageURL, address: address))
            default: value = rewritten(utf8(raw), base: pageURL, address: address)
            }
            return source.substring(with: match.range(at: 1)) + "\"" + value + "\""
        }
        output = Self.leavingTags.stringByReplacingMatches(in: output, range: NSRange(location: 0, length: (output as NSString).length), withTemplate: "")
        let bannerMarkup = "<div style=\"all:initial;display:block;background:#fff3c4;color:#000;border-bottom:2px solid #a1161b;padding:6px 10px;font:14px sans-serif\">\(banner)</div>"
        let withBanner: String
        let range = NSRange(location: 0, length: (output as NSString).length)
        if let bodyTag = body.firstMatch(in: output, range: range) {
            let end = bodyTag.range.location + bodyTag.range.length
            withBanner = (output as NSString).substring(to: end) + bannerMarkup + (output as NSString).substring(from: end)
        } else {
            withBanner = bannerMarkup + output
        }
        return bytes(withBanner)
    }

    /// An archived stylesheet whose `url()`s and `@import`s point into the archive; its other bytes unchanged.
    static func rewriteStylesheet(_ page: ArchivedPage, address: (String) -> String) -> Data {
        bytes(css(latin1(page.body), base: WebAddress.resolutionBase(page.url), address: address))
    }

    /// CSS with every reference resolved against `base` and sent into the archive; data:
    /// URIs stay (the policy allows them), any other scheme goes nowhere.
    static func css(_ text: String, base: WebAddress?, address: (String) -> String) -> String {
        replacing(PageAssets.cssReference, in: text) { match, source in
            let isImport = match.range(at: 4).location != NSNotFound || match.range(at: 5).location != NSNotFound
            let raw = (1...5).lazy.map { match.range(at: $0) }.first { $0.location != NSNotFound }.map { source.substring(with: $0) } ?? ""
            let target: String
            if raw.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("data:") {
                target = raw
            } else {
                target = archiveAddress(utf8(raw), base: base, address: address) ?? "about:invalid"
            }
            return isImport ? "@import \"\(target)\"" : "url(\"\(target)\")"
        }
    }

    /// Each candidate's address sent into the archive, its width or density kept.
    static func srcset(_ value: String, base: WebAddress?, address: (String) -> String) -> String {
        PageAssets.srcsetCandidates(value).map { candidate in
            let url = candidate.url.lowercased().hasPrefix("data:") ? HTML.asciiEscape(candidate.url) : rewritten(candidate.url, base: base, address: address)
            return candidate.descriptor.isEmpty ? url : url + " " + HTML.asciiEscape(candidate.descriptor)
        }.joined(separator: ", ")
    }

    /// An address inside the archive for http(s) links; fragments stay; anything else goes nowhere.
    static func rewritten(_ raw: String, base: WebAddress?, address: (String) -> String) -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("#") { return HTML.asciiEscape(value) }
        return archiveAddress(value.replacingOccurrences(of: "&amp;", with: "&"), base: base, address: address).map(HTML.asciiEscape) ?? "#"
    }

    /// The archive's address of an http(s) reference resolved against `base`, without its fragment; nil for any other scheme.
    /// Resolved as the capture resolved it (WebAddress), so the replay asks for the address the evidence was kept under.
    private static func archiveAddress(_ raw: String, base: WebAddress?, address: (String) -> String) -> String? {
        guard let resolved = WebAddress.resolve(WebAddress.cleaned(raw.utf8), against: base),
              let scheme = resolved.scheme, scheme == "http" || scheme == "https" else { return nil }
        let end = resolved.fragment.map { $0.lowerBound - 1 } ?? resolved.bytes.count
        return address(String(decoding: resolved.bytes[..<end], as: UTF8.self))
    }

    /// `text` with each match of `pattern` replaced by `replacement(match, text)`.
    private static func replacing(_ pattern: NSRegularExpression, in text: String,
                                  _ replacement: (NSTextCheckingResult, NSString) -> String) -> String {
        let source = text as NSString
        var output = ""
        var position = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            output += source.substring(with: NSRange(location: position, length: match.range.location - position))
            output += replacement(match, source)
            position = match.range.location + match.range.length
        }
        return output + source.substring(from: position)
    }

    /// The entities an attribute's CSS may carry around its addresses.
    private static func entitiesDecoded(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func latin1(_ data: Data) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: data.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    private static func bytes(_ latin1: String) -> Data {
        Data(latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    private static func utf8(_ latin1: String) -> String {
        let bytes = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        return String(bytes: bytes, encoding: .utf8) ?? latin1
    }
}
