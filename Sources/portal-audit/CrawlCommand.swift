import ArgumentParser
import Audit
import Crawl
import Foundation
import Measure

struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Crawl the targets' portals and write measurements.json and WARC evidence.")

    @OptionGroup var crawl: CrawlOptions

    @Option(help: "The folder to write measurements.json and evidence/ into.")
    var out: String

    func run() async throws {
        let (selected, ruleSet, options) = try crawl.load()
        let policy = try URLPolicy.bundled()
        crawl.announce(options.year, ruleSet)
        let outURL = URL(fileURLWithPath: out)
        let progress = ProgressLine()
        let run = MeasurementRun(options: options, rules: ruleSet, policy: policy, log: { progress.log($0) })
        do {
            let summary = try await run.run(selected, out: outURL, progress: progress.reporter)
            progress.finish()
            FileHandle.standardError.write(Data("\(summary.targets) targets, \(summary.pages) pages → \(summary.file.path)\n".utf8))
        } catch {
            throw AuditError.cannotRun(outURL.path, doing: "không ghi được kết quả thu thập (cannot write the crawl's results)", error)
        }
    }
}
