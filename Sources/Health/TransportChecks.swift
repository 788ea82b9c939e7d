import Foundation
import Vocabulary

/// The https, headers and ipv6 checks: the probe's observation judged by health.yaml.
enum TransportChecks {
    static func https(_ seen: TransportObservation, rules: HealthRules.HTTPS) -> HTTPSHealth {
        let evidence = { (text: String) in HealthEvidence(url: seen.httpsURL, text: text, at: seen.checkedAt) }
        let redirects: Bool? = seen.httpAnswered ? (seen.httpLocation.map { $0.lowercased().hasPrefix("https://") } ?? false) : nil
        var findings: [HealthFinding] = []
        guard seen.answersHTTPS || seen.httpAnswered else {
            // Nothing answered at all: the portal is down tonight, which says nothing of its HTTPS.
            return HTTPSHealth(state: .inconclusive, httpsURL: seen.httpsURL, answersHTTPS: false, httpRedirectsToHTTPS: nil,
                               certificateStatus: nil, certificate: nil, tlsVersion: nil, findings: [])
        }
        guard seen.answersHTTPS else {
            findings.append(HealthFinding(rule: "https-answers", state: .critical, message: "Cổng không trả lời qua HTTPS",
                                          evidence: evidence(seen.httpsFailure ?? "không có phản hồi TLS")))
            return HTTPSHealth(state: .critical, httpsURL: seen.httpsURL, answersHTTPS: false, httpRedirectsToHTTPS: redirects,
                               certificateStatus: nil, certificate: nil, tlsVersion: nil, findings: findings)
        }
        if redirects == false {
            findings.append(HealthFinding(rule: "http-redirect", state: .warning, message: "Truy cập HTTP không được chuyển sang HTTPS",
                                          evidence: HealthEvidence(url: seen.portalURL, text: seen.httpLocation.map { "Location: \($0)" } ?? "không chuyển hướng",
                                                                   at: seen.checkedAt)))
        }
        let verification = seen.verification ?? .unknown
        if verification != .trusted {
            let words: [TransportObservation.Verification: String] = [
                .expired: "Chứng thư số đã hết hạn", .notYetValid: "Chứng thư số chưa có hiệu lực",
                .selfSigned: "Chứng thư số tự ký", .untrustedIssuer: "Chứng thư số do tổ chức không được tin cậy cấp",
                .wrongName: "Chứng thư số không đúng tên miền của cổng", .unknown: "Không xác thực được chứng thư số",
            ]
            findings.append(HealthFinding(rule: "certificate", state: .critical, message: words[verification] ?? verification.rawValue,
                                          evidence: evidence(seen.verificationDetail ?? verification.rawValue)))
        }
        var summary: CertificateSummary?
        if let certificate = seen.certificate {
            let days = certificate.notAfter.map { Int(floor($0.timeIntervalSince(seen.checkedAt) / 86_400)) }
            summary = CertificateSummary(subject: certificate.subject, issuer: certificate.issuer, notBefore: certificate.notBefore,
                                         notAfter: certificate.notAfter, daysToExpiry: days, subjectAltNames: certificate.subjectAltNames)
            if let days, days >= 0, days < rules.expiryWarningDays, verification == .trusted {
                findings.append(HealthFinding(rule: "certificate-expiry", state: .warning, message: "Chứng thư số hết hạn sau \(days) ngày",
                                              evidence: evidence("notAfter \(certificate.notAfter.map(Self.day) ?? "?")")))
            }
        }
        if let version = seen.tlsVersion, !rules.acceptedTLSVersions.contains(version) {
            findings.append(HealthFinding(rule: "tls-version", state: .warning, message: "Phiên bản TLS cũ: \(version)",
                                          evidence: evidence(version)))
        }
        return HTTPSHealth(state: findings.map(\.state).max() ?? .ok, httpsURL: seen.httpsURL, answersHTTPS: true,
                           httpRedirectsToHTTPS: redirects, certificateStatus: verification.rawValue, certificate: summary,
                           tlsVersion: seen.tlsVersion, findings: findings)
    }

    static func headers(_ seen: TransportObservation, rules: HealthRules.Headers) -> HeadersHealth {
        guard let url = seen.homeURL else {
            return HeadersHealth(state: .inconclusive, url: nil, headers: [], banners: [], findings: [])
        }
        func value(_ name: String) -> String? {
            seen.homeHeaders.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let csp = value("Content-Security-Policy")?.lowercased()
        var results: [HeaderResult] = []
        var findings: [HealthFinding] = []
        for rule in rules.required {
            if rule.httpsOnly && !seen.homeOverHTTPS { continue }
            let found = rule.anyOf.lazy.compactMap(value).first
                ?? rule.cspDirective.flatMap { directive in csp?.contains(directive.lowercased()) == true ? "Content-Security-Policy: \(directive)" : nil }
            results.append(HeaderResult(id: rule.id, label: rule.label, present: found != nil, value: found))
            if found == nil {
                findings.append(HealthFinding(rule: rule.id, state: .warning, message: "Thiếu tiêu đề bảo mật \(rule.label)",
                                              evidence: HealthEvidence(url: url, text: "không có \(rule.anyOf.joined(separator: " / "))", at: seen.checkedAt)))
            }
        }
        let version = try? NSRegularExpression(pattern: rules.bannerVersionPattern)
        var banners: [String] = []
        for name in rules.bannerHeaders {
            guard let banner = value(name), let version,
                  version.firstMatch(in: banner, range: NSRange(banner.startIndex..., in: banner)) != nil else { continue }
            banners.append("\(name): \(banner)")
            findings.append(HealthFinding(rule: "server-banner", state: .warning, message: "Máy chủ để lộ phiên bản phần mềm",
                                          evidence: HealthEvidence(url: url, text: "\(name): \(banner)", at: seen.checkedAt)))
        }
        return HeadersHealth(state: findings.isEmpty ? .ok : .warning, url: url, headers: results, banners: banners, findings: findings)
    }

    static func ipv6(_ seen: TransportObservation) -> IPv6Health {
        let ipv6 = seen.ipv6
        let state: CheckState
        if ipv6.addresses.isEmpty {
            state = .warning
        } else if !ipv6.routeAvailable || ipv6.answered == nil {
            state = .notTested
        } else {
            state = ipv6.answered == true ? .ok : .warning
        }
        return IPv6Health(state: state, aaaa: ipv6.addresses, answers: ipv6.routeAvailable ? ipv6.answered : nil, detail: ipv6.detail)
    }

    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
