/// How far a target's crawl got: `ok` (seen whole), `partial` (cut short: budget,
/// depth, time box, a pager it could not follow), `unreachable`, `blocked`.
public enum CrawlStatus: String, Codable, Sendable, CaseIterable {
    case ok, partial, unreachable, blocked
}
