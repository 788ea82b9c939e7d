import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Sitemaps (sitemaps.org): a `<urlset>` lists pages, a `<sitemapindex>` lists
/// further sitemaps. gzip input is recognised by its magic bytes.
public enum Sitemap {
    /// The protocol's limit for one uncompressed sitemap file.
    private static let maxUncompressedBytes = 50 * 1024 * 1024

    public static func parse(_ data: Data) throws -> (pages: [String], sitemaps: [String]) {
        let xml: Data
        do {
            xml = Gzip.isGzip(data) ? try Gzip.decompress(data, limit: maxUncompressedBytes) : data
        } catch let error as Gzip.Failure {
            throw SitemapError(message: error.description, line: nil, column: nil)
        }
        // The protocol requires UTF-8, and Foundation's XMLParser crashes on
        // element or attribute names that are not valid UTF-8.
        guard String(data: xml, encoding: .utf8) != nil else {
            throw SitemapError(message: "not UTF-8 text (sitemaps must be UTF-8)", line: nil, column: nil)
        }
        let collector = SitemapCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        // XMLParser on Linux may report success despite an error; the delegate keeps the first one.
        if !parser.parse() || collector.error != nil {
            let error = collector.error ?? (code: (parser.parserError as NSError?)?.code ?? 0, line: parser.lineNumber, column: parser.columnNumber)
            throw SitemapError(message: "not well-formed XML (parser error \(error.code))", line: error.line, column: error.column)
        }
        guard let root = collector.root, root == "urlset" || root == "sitemapindex" else {
            throw SitemapError(message: "root element <\(collector.root ?? "")> is neither <urlset> nor <sitemapindex>",
                               line: 1, column: nil)
        }
        return (collector.pages, collector.sitemaps)
    }
}

public struct SitemapError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int?
    public var column: Int?

    public var description: String {
        let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? "sitemap: \(message)" : "sitemap: \(message) (\(place))"
    }
}

/// Collects `<loc>` texts by the element they belong to (`<url>` or `<sitemap>`).
private final class SitemapCollector: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private(set) var pages: [String] = []
    private(set) var sitemaps: [String] = []
    private(set) var error: (code: Int, line: Int, column: Int)?
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let name = Self.localName(elementName)
        if root == nil { root = name }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        defer { path.removeLast() }
        guard path.last == "loc", path.count >= 2 else { return }
        let loc = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !loc.isEmpty else { return }
        switch path[path.count - 2] {
        case "url": pages.append(loc)
        case "sitemap": sitemaps.append(loc)
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
    }

    private static func localName(_ name: String) -> String {
        String(name.split(separator: ":").last ?? Substring(name))
    }
}
