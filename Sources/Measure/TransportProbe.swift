import Fetch
import Foundation
import Health

/// Probes a portal's transport with Fetch and hands the result to Health in its own plain terms.
enum TransportProbe {
    static func observe(portal: String, configuration: FetchConfiguration, rules: HealthRules) async -> TransportObservation {
        let report = await PortalProbe.probe(portal: portal, configuration: configuration,
                                             searchEngineUserAgent: rules.injectedContent.searchEngineUserAgent,
                                             timeoutSeconds: rules.probeTimeoutSeconds)
        let home = report.https ?? report.http
        let certificate = report.certificate.map {
            TransportObservation.Certificate(subject: $0.subject, issuer: $0.issuer, notBefore: $0.notBefore, notAfter: $0.notAfter,
                                             subjectAltNames: $0.subjectAltNames)
        }
        let verification: TransportObservation.Verification? = report.verification.map {
            switch $0 {
            case .trusted: return .trusted
            case .expired: return .expired
            case .notYetValid: return .notYetValid
            case .selfSigned: return .selfSigned
            case .untrustedIssuer: return .untrustedIssuer
            case .wrongName: return .wrongName
            case .unknown: return .unknown
            }
        }
        return TransportObservation(
            checkedAt: report.checkedAt, portalURL: portal, httpsURL: report.httpsURL, httpAnswered: report.http != nil,
            httpLocation: report.http.flatMap { answer in answer.headers.first { $0.name.caseInsensitiveCompare("Location") == .orderedSame }?.value },
            answersHTTPS: report.https != nil, httpsFailure: report.httpsFailure, verification: verification,
            verificationDetail: report.verificationDetail, certificate: certificate, tlsVersion: report.tlsVersion,
            homeURL: home?.url, homeHeaders: home?.headers ?? [], homeOverHTTPS: report.https != nil,
            ipv6: .init(addresses: report.ipv6Addresses, routeAvailable: report.ipv6Route, answered: report.ipv6Answered,
                        detail: report.ipv6Detail),
            homeHTML: home?.text, homeHTMLForSearchEngine: report.searchEngineHome?.text)
    }
}
