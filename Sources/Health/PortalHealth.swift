import Foundation
import Vocabulary

/// One observation a check rests on: where, what was seen, when.
public struct HealthEvidence: Codable, Sendable, Equatable {
    public var url: String
    public var text: String
    public var at: Date

    public init(url: String, text: String, at: Date) {
        self.url = url
        self.text = text
        self.at = at
    }
}

/// One rule of a check that failed, in words an appraiser reads.
public struct HealthFinding: Codable, Sendable, Equatable {
    /// The rule id (ascii).
    public var rule: String
    public var state: CheckState
    public var message: String
    public var evidence: HealthEvidence?
}

/// The `health` object of a target in measurements.json.
public struct PortalHealth: Codable, Sendable {
    public var https: HTTPSHealth
    public var headers: HeadersHealth
    public var ipv6: IPv6Health
    public var injectedContent: InjectedContentHealth
    public var freshness: FreshnessHealth
    public var links: LinkHealth
    public var accessibility: AccessibilityHealth

    /// A check's state.
    public func state(of check: HealthCheck) -> CheckState {
        switch check {
        case .https: https.state
        case .headers: headers.state
        case .ipv6: ipv6.state
        case .injectedContent: injectedContent.state
        case .freshness: freshness.state
        case .links: links.state
        case .accessibility: accessibility.state
        }
    }
}

public struct CertificateSummary: Codable, Sendable, Equatable {
    public var subject: String?
    public var issuer: String?
    public var notBefore: Date?
    public var notAfter: Date?
    public var daysToExpiry: Int?
    public var subjectAltNames: [String]
}

public struct HTTPSHealth: Codable, Sendable {
    public var state: CheckState
    public var httpsURL: String
    public var answersHTTPS: Bool
    /// nil when plain HTTP did not answer (nothing to redirect).
    public var httpRedirectsToHTTPS: Bool?
    /// trusted | expired | not-yet-valid | self-signed | untrusted-issuer | wrong-name | unknown
    public var certificateStatus: String?
    public var certificate: CertificateSummary?
    public var tlsVersion: String?
    public var findings: [HealthFinding]
}

public struct HeaderResult: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var present: Bool
    public var value: String?
}

public struct HeadersHealth: Codable, Sendable {
    public var state: CheckState
    public var url: String?
    public var headers: [HeaderResult]
    /// Server / X-Powered-By values that name a version.
    public var banners: [String]
    public var findings: [HealthFinding]
}

public struct IPv6Health: Codable, Sendable {
    public var state: CheckState
    public var aaaa: [String]
    /// nil when not tested.
    public var answers: Bool?
    public var detail: String
}

public struct InjectedHit: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// A gambling/adult/spam word in the page's text or a link.
        case vocabulary
        /// A link to a host that looks like such a site.
        case spamHost
        /// A hidden block of links to untrusted off-portal hosts.
        case linkFarm
    }

    public var url: String
    public var kind: Kind
    public var text: String
    public var term: String?
    public var link: String?
    public var hiding: HidingWay
    /// The hiding way in words (Vietnamese).
    public var how: String
    public var at: Date
}

public struct InjectedContentHealth: Codable, Sendable {
    public var state: CheckState
    public var pagesScanned: Int
    public var hitCount: Int
    public var hits: [InjectedHit]
    /// Anchors left unexamined on pages holding more than the per-page bound.
    public var anchorsNotExamined: Int
    /// Whether the home page was compared with what a search engine is served.
    public var searchEngineCompared: Bool
}

public struct SectionFreshness: Codable, Sendable, Equatable {
    public var section: String
    public var label: String
    public var pages: Int
    public var newestDate: String?
    public var daysSince: Int?
    public var maxDays: Int
    public var stale: Bool
    public var url: String?
}

public struct FreshnessHealth: Codable, Sendable {
    public var state: CheckState
    /// yyyy-mm-dd.
    public var referenceDate: String
    public var sections: [SectionFreshness]
}

public struct BrokenLink: Codable, Sendable, Equatable {
    public var url: String
    public var anchor: String
    public var reason: String
}

public struct LinkHealth: Codable, Sendable {
    public var state: CheckState
    public var checked: Int
    public var failed: Int
    public var share: Double
    public var sample: [BrokenLink]
    public var note: String
}

public struct AccessibilityCounts: Codable, Sendable, Equatable {
    public var pagesWithoutLang = 0
    public var pagesWithoutTitle = 0
    public var imagesWithoutAlt = 0
    public var fieldsWithoutLabel = 0
    public var emptyLinks = 0
    public var emptyButtons = 0
    public var headingSkips = 0

    public var total: Int {
        pagesWithoutLang + pagesWithoutTitle + imagesWithoutAlt + fieldsWithoutLabel + emptyLinks + emptyButtons + headingSkips
    }

    mutating func add(_ other: AccessibilityCounts) {
        pagesWithoutLang += other.pagesWithoutLang
        pagesWithoutTitle += other.pagesWithoutTitle
        imagesWithoutAlt += other.imagesWithoutAlt
        fieldsWithoutLabel += other.fieldsWithoutLabel
        emptyLinks += other.emptyLinks
        emptyButtons += other.emptyButtons
        headingSkips += other.headingSkips
    }
}

public struct PageAccessibility: Codable, Sendable, Equatable {
    public var url: String
    public var counts: AccessibilityCounts
}

public struct AccessibilityHealth: Codable, Sendable {
    public var state: CheckState
    public var pages: Int
    public var counts: AccessibilityCounts
    public var worstPages: [PageAccessibility]
    public var notChecked: String
}
