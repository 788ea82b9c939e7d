import Crawl
import DataFile
import Detect
import Fetch
import Foundation
import HTML
import Scoring
import Spreadsheet
import WebAddress
import TestSupport
import XCTest

/// Every parser of outside input, fed mutants of real files: no crash, no
/// hang, and bad input is refused with an error naming its file.
final class FuzzTests: XCTestCase {
    static let iterations = 1_500
    static let seconds = 5.0

    func testRobotsParserSurvivesMutants() throws {
        let paths = ["/", "/admin/x", "/tin?print=1", "/%7Etin/a.html", "/robots.txt", ""]
        let count = try Fuzzer.run("robots", iterations: Self.iterations, seconds: Self.seconds) { input in
            let rules = RobotsRules.parse(String(decoding: input, as: UTF8.self), userAgent: "portal-audit")
            for path in paths { _ = rules.isAllowed(path) }
            if let delay = rules.crawlDelaySeconds, !(delay >= 0) { throw FuzzFailure("negative or NaN Crawl-delay \(delay)") }
        }
        print("robots: \(count) inputs")
    }

    func testDateParserSurvivesMutants() throws {
        let count = try Fuzzer.run("dates", iterations: Self.iterations, seconds: Self.seconds) { input in
            let text = String(decoding: input, as: UTF8.self)
            for line in text.split(separator: "\n").prefix(50) {
                if let date = DateParser.parse(String(line)) {
                    guard let month = date.month, let day = date.day, (1...12).contains(month), (1...31).contains(day) else {
                        throw FuzzFailure("impossible date \(date) from `\(line)`")
                    }
                }
            }
            _ = DateParser.standard.all(in: text)
        }
        print("dates: \(count) inputs")
    }

    func testDocumentNumberParserSurvivesMutants() throws {
        let count = try Fuzzer.run("document-numbers", iterations: Self.iterations, seconds: Self.seconds) { input in
            let text = String(decoding: input, as: UTF8.self)
            for line in text.split(separator: "\n").prefix(50) { _ = DocumentNumber.parse(String(line)) }
            _ = DocumentNumberScanner.standard.all(in: text)
        }
        print("document numbers: \(count) inputs")
    }

    func testTargetListRefusesMutantsWithFileAndLine() throws {
        let folder = makeTemporaryFolder("fuzz-targets")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("targets.yaml")
        let count = try Fuzzer.run("targets", iterations: 600, seconds: Self.seconds) { input in
            try Data(input).write(to: file)
            do {
                for target in try TargetList.load(file) where HTTPAddress(target.portal) == nil {
                    throw FuzzFailure("accepted a portal that is no http(s) address: \(target.portal)")
                }
            } catch let error as DataFileError {
                guard error.description.hasPrefix(file.path) else { throw FuzzFailure("error without its file: \(error)") }
            }
        }
        print("targets.yaml: \(count) inputs")
    }

    func testCriteriaLoaderRefusesMutantsWithFileAndLine() throws {
        let folder = makeTemporaryFolder("fuzz-criteria")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("criteria.yaml")
        let count = try Fuzzer.run("criteria", iterations: 400, seconds: Self.seconds) { input in
            try Data(input).write(to: file)
            do {
                _ = try CriteriaSet.load(file)
            } catch {
                guard "\(error)".contains(file.lastPathComponent) else { throw FuzzFailure("error without its file: \(error)") }
            }
        }
        print("criteria: \(count) inputs")
    }

    func testCSVReaderRefusesMutantsWithFileAndLine() throws {
        let count = try Fuzzer.run("csv", iterations: Self.iterations, seconds: Self.seconds) { input in
            do {
                let records = try CSVTable.parse(String(decoding: input, as: UTF8.self), file: "bao-cao.csv")
                if let bad = zip(records, records.dropFirst()).first(where: { $0.line > $1.line }) {
                    throw FuzzFailure("record lines go backwards: \(bad.0.line) then \(bad.1.line)")
                }
            } catch let error as DataFileError {
                guard "\(error)".contains("bao-cao.csv") else { throw FuzzFailure("error without its file: \(error)") }
            }
        }
        print("csv: \(count) inputs")
    }

    func testHTMLLayerSurvivesMutants() throws {
        let count = try Fuzzer.run("html", iterations: Self.iterations, seconds: Self.seconds) { input in
            let document = HTMLDocument(html: String(decoding: input, as: UTF8.self), url: "https://sonla.gov.vn/tin/")
            _ = document.title
            _ = document.headings
            _ = document.visibleText()
            _ = document.scriptLinks()
            // Other schemes are the crawler's to refuse; script and contact links never leave the page.
            for link in document.links() {
                let scheme = link.url.prefix { $0 != ":" }.lowercased()
                if ["javascript", "vbscript", "mailto", "tel", "data", "sms", "callto", "skype"].contains(scheme) {
                    throw FuzzFailure("a script or contact link offered as followable: \(link.url)")
                }
            }
        }
        print("html: \(count) inputs")
    }

    func testSitemapParserSurvivesMutants() throws {
        let count = try Fuzzer.run("sitemap", iterations: Self.iterations, seconds: Self.seconds) { input in
            _ = try? Sitemap.parse(Data(input))
            _ = try? Sitemap.parse(Gzip.compress(Data(input)))
        }
        print("sitemap: \(count) inputs")
    }
}

struct FuzzFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
