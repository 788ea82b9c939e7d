import Foundation
import HTML
@testable import Detect

/// Reads the HTML fixtures of Tests/DetectTests/Fixtures.
enum Fixture {
    static func text(_ path: String) -> String {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("missing fixture \(path)")
        }
        return text
    }

    static let capturedAt = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15: after every fixture's dates

    /// A fetched HTML page.
    static func page(_ path: String, url: String, anchors: [String] = [], status: Int = 200) -> PageInput {
        PageInput(url: url, status: status, fetchedAt: capturedAt, document: HTMLDocument(html: text(path), url: url),
                  contentType: "text/html", warcRecord: "evidence/test.warc.gz#" + path,
                  depth: 1, inboundAnchors: anchors)
    }

    /// A fetched feed or XML file.
    static func xml(_ path: String, url: String) -> PageInput {
        PageInput(url: url, fetchedAt: capturedAt, contentType: "application/xml", text: text(path))
    }

    static let rules: RuleSet = try! RuleSet.load(named: "nd-43-2011")
}

extension PortalFindings {
    func section(_ item: String) -> SectionFinding? {
        sections.first { $0.item == item }
    }
}
