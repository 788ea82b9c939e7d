import Fetch
import Foundation
import SiteServer
import XCTest

final class SitemapTests: XCTestCase {
    private let urlset = """
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://sonla.gov.vn/tin-tuc?id=1&amp;p=2</loc><lastmod>2024-01-01</lastmod></url>
      <url><loc>
        https://sonla.gov.vn/van-ban
      </loc></url>
    </urlset>
    """
    private let index = """
    <?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://sonla.gov.vn/sitemap-1.xml</loc></sitemap>
      <sitemap><loc><![CDATA[https://sonla.gov.vn/sitemap-2.xml.gz]]></loc></sitemap>
    </sitemapindex>
    """

    func testURLSetAndIndexFetchedOverHTTP() async throws {
        let urlset = self.urlset, index = self.index
        let server = try startServer(self) { request in
            switch request.path {
            case "/sitemap.xml": return .text(urlset, type: "application/xml")
            case "/sitemap-index.xml": return .text(index, type: "application/xml")
            default: return .notFound
            }
        }
        try await withTestFetcher { fetcher in
            let pages = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/sitemap.xml")).get()
            let parsedPages = try Sitemap.parse(pages.body)
            XCTAssertEqual(parsedPages.pages, ["https://sonla.gov.vn/tin-tuc?id=1&p=2", "https://sonla.gov.vn/van-ban"])
            XCTAssertEqual(parsedPages.sitemaps, [])

            let nested = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/sitemap-index.xml")).get()
            let parsedIndex = try Sitemap.parse(nested.body)
            XCTAssertEqual(parsedIndex.pages, [])
            XCTAssertEqual(parsedIndex.sitemaps, ["https://sonla.gov.vn/sitemap-1.xml", "https://sonla.gov.vn/sitemap-2.xml.gz"])
        }
    }

    func testGzipSitemapFileIsDetectedByMagicBytes() async throws {
        let compressed = try gzipped(Data(urlset.utf8))
        let server = try startServer(self) { _ in
            SiteResponse(headers: [("Content-Type", "application/x-gzip")], body: .bytes(Array(compressed)))
        }
        let response = try await fetchOnce(FetchRequest(url: server.baseURL + "/sitemap.xml.gz")).get()
        XCTAssertEqual(response.body.prefix(2), Data([0x1F, 0x8B]))
        XCTAssertEqual(try Sitemap.parse(response.body).pages.count, 2)
    }

    func testMalformedInputNamesTheLine() throws {
        XCTAssertThrowsError(try Sitemap.parse(Data("<urlset>\n<url><loc>x</url>\n".utf8))) { error in
            XCTAssertEqual((error as? SitemapError)?.line, 2, "\(error)")
        }
        XCTAssertThrowsError(try Sitemap.parse(Data("<html><body/></html>".utf8)))
        XCTAssertThrowsError(try Sitemap.parse(Data([0x1F, 0x8B, 0x08, 0x00, 0x01])))
    }
}
