/// Why a discovered URL was not fetched. Recorded per target so an appraiser
/// can see what the crawl left out and why.
public enum SkipReason: String, Sendable, Codable, CaseIterable, Comparable {
    case scheme            // not http(s), or unparsable
    case scope             // another host than the portal's and its service hosts, or outside a sub-site's path
    case document          // .pdf, .doc …: recorded as a link, not downloaded
    case asset             // images, scripts, styles
    case budget            // page budget of the target reached
    case depth             // depth limit reached
    case robots            // robots.txt disallows it
    case seen              // already admitted
    case calendarTrap = "trap-calendar"
    case repeatedSegments = "trap-repeated-segments"
    case queryExplosion = "trap-query-explosion"
    case tooLong = "trap-url-length"

    public static func < (a: SkipReason, b: SkipReason) -> Bool { a.rawValue < b.rawValue }
}

/// Counts keyed by reason stay a JSON object keyed by the same words.
extension SkipReason: CodingKeyRepresentable {}
