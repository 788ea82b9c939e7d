import Foundation

/// What probing the portal from outside showed, in plain values: filled by the
/// caller from its HTTP client (Audit, from Fetch's `PortalProbe`).
public struct TransportObservation: Sendable {
    public struct Certificate: Sendable, Equatable {
        public var subject: String?
        public var issuer: String?
        public var notBefore: Date?
        public var notAfter: Date?
        public var subjectAltNames: [String]

        public init(subject: String?, issuer: String?, notBefore: Date?, notAfter: Date?, subjectAltNames: [String]) {
            self.subject = subject
            self.issuer = issuer
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.subjectAltNames = subjectAltNames
        }
    }

    /// The verdict of a strict TLS verification.
    public enum Verification: String, Sendable {
        case trusted
        case expired
        case notYetValid = "not-yet-valid"
        case selfSigned = "self-signed"
        case untrustedIssuer = "untrusted-issuer"
        case wrongName = "wrong-name"
        case unknown
    }

    public struct IPv6: Sendable {
        public var addresses: [String]
        /// False when this machine has no route to the addresses: nothing is said of the portal.
        public var routeAvailable: Bool
        public var answered: Bool?
        public var detail: String

        public init(addresses: [String], routeAvailable: Bool, answered: Bool?, detail: String) {
            self.addresses = addresses
            self.routeAvailable = routeAvailable
            self.answered = answered
            self.detail = detail
        }
    }

    public var checkedAt: Date
    public var portalURL: String
    /// The address HTTPS was tried on.
    public var httpsURL: String
    /// Whether plain HTTP answered, and where it redirected to.
    public var httpAnswered: Bool
    public var httpLocation: String?
    /// A TLS handshake happened (whatever the verdict).
    public var answersHTTPS: Bool
    /// Why HTTPS gave no answer, when it did not.
    public var httpsFailure: String?
    public var verification: Verification?
    /// The verifier's words (curl's error text) when not trusted.
    public var verificationDetail: String?
    public var certificate: Certificate?
    public var tlsVersion: String?
    /// The home page answer whose headers are checked (HTTPS when it answered).
    public var homeURL: String?
    public var homeHeaders: [(name: String, value: String)]
    public var homeOverHTTPS: Bool
    public var ipv6: IPv6
    /// The home page as served to the crawler's and to a search engine's user agent.
    public var homeHTML: String?
    public var homeHTMLForSearchEngine: String?

    public init(checkedAt: Date, portalURL: String, httpsURL: String, httpAnswered: Bool, httpLocation: String?, answersHTTPS: Bool,
                httpsFailure: String?, verification: Verification?, verificationDetail: String?, certificate: Certificate?,
                tlsVersion: String?, homeURL: String?, homeHeaders: [(name: String, value: String)], homeOverHTTPS: Bool, ipv6: IPv6,
                homeHTML: String?, homeHTMLForSearchEngine: String?) {
        self.checkedAt = checkedAt
        self.portalURL = portalURL
        self.httpsURL = httpsURL
        self.httpAnswered = httpAnswered
        self.httpLocation = httpLocation
        self.answersHTTPS = answersHTTPS
        self.httpsFailure = httpsFailure
        self.verification = verification
        self.verificationDetail = verificationDetail
        self.certificate = certificate
        self.tlsVersion = tlsVersion
        self.homeURL = homeURL
        self.homeHeaders = homeHeaders
        self.homeOverHTTPS = homeOverHTTPS
        self.ipv6 = ipv6
        self.homeHTML = homeHTML
        self.homeHTMLForSearchEngine = homeHTMLForSearchEngine
    }
}
