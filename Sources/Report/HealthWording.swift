import Foundation
import Health
import Vocabulary

/// Portal health in the words of the report and the history: one line per check.
public enum HealthWording {
    public static func rows(_ health: PortalHealth) -> [HealthRow] {
        let summaries = self.summaries(health)
        return HealthCheck.allCases.map {
            HealthRow(check: $0, label: Wording.healthCheck($0), state: health.state(of: $0), summary: summaries[$0] ?? "")
        }
    }

    public static func hitLine(_ hit: InjectedHit) -> String {
        "\(hit.url) — «\(hit.link.map { "\(hit.text) → \($0)" } ?? hit.text)» (\(hit.how))"
    }

    public static func summaries(_ health: PortalHealth) -> [HealthCheck: String] {
        var result: [HealthCheck: String] = [:]
        let injected = health.injectedContent
        result[.injectedContent] = injected.hitCount == 0
            ? "Không phát hiện trên \(injected.pagesScanned) trang" + (injected.searchEngineCompared ? ", kể cả bản dành cho máy tìm kiếm" : "")
            : "\(injected.hitCount) vị trí; " + injected.hits.prefix(3).map(hitLine).joined(separator: "; ")

        let https = health.https
        if https.state == .inconclusive {
            result[.https] = "Cổng không trả lời"
        } else if !https.findings.isEmpty {
            result[.https] = https.findings.map { $0.message + ($0.evidence.map { " (\($0.text))" } ?? "") }.joined(separator: "; ")
        } else {
            var parts = ["HTTPS hợp lệ"]
            if let version = https.tlsVersion { parts.append(version) }
            if let certificate = https.certificate, let days = certificate.daysToExpiry {
                parts.append("chứng thư còn \(days) ngày" + (certificate.issuer.map { ", cấp bởi \($0)" } ?? ""))
            }
            result[.https] = parts.joined(separator: ", ")
        }

        let headers = health.headers
        let missing = headers.headers.filter { !$0.present }.map(\.label)
        result[.headers] = headers.state == .inconclusive ? "Không có phản hồi để kiểm tra"
            : missing.isEmpty && headers.banners.isEmpty ? "Đủ các tiêu đề bảo mật"
            : ([missing.isEmpty ? nil : "Thiếu: " + missing.joined(separator: ", ")]
               + [headers.banners.isEmpty ? nil : "lộ phiên bản: " + headers.banners.joined(separator: ", ")]).compactMap { $0 }.joined(separator: "; ")

        result[.ipv6] = health.ipv6.detail.isEmpty ? "Không xác định" : health.ipv6.detail

        let freshness = health.freshness
        let dated = freshness.sections.filter { $0.newestDate != nil }
        result[.freshness] = dated.isEmpty ? "Không tìm thấy mục có ngày đăng"
            : "Tính đến \(day(freshness.referenceDate)): " + dated.map { section in
                "\(section.label) \(section.daysSince ?? 0) ngày (mới nhất \(day(section.newestDate ?? "")))" + (section.stale ? ", quá \(section.maxDays) ngày" : "")
            }.joined(separator: "; ")

        let links = health.links
        result[.links] = links.checked == 0 ? "Không có liên kết để kiểm tra"
            : "\(links.failed)/\(links.checked) liên kết nội bộ lỗi (\(percent(links.share)))"
                + (links.sample.isEmpty ? "" : ", ví dụ: " + links.sample.prefix(3).map { "\($0.url) (\($0.reason))" }.joined(separator: ", "))

        let access = health.accessibility
        let counts = access.counts
        let issues = [("trang thiếu lang", counts.pagesWithoutLang), ("trang thiếu tiêu đề", counts.pagesWithoutTitle),
                      ("ảnh thiếu alt", counts.imagesWithoutAlt), ("ô nhập thiếu nhãn", counts.fieldsWithoutLabel),
                      ("liên kết rỗng", counts.emptyLinks), ("nút rỗng", counts.emptyButtons), ("nhảy cấp tiêu đề", counts.headingSkips)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        result[.accessibility] = (access.pages == 0 ? "Không có trang để kiểm tra"
            : "\(access.pages) trang: " + (issues.isEmpty ? "không phát hiện lỗi" : issues.joined(separator: ", "))) + ". " + access.notChecked
        return result
    }

    /// "2025-12-31" as appraisers write it: "31/12/2025".
    public static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : iso
    }

    /// "5,3%": decimal comma, as appraisers write it.
    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100).replacingOccurrences(of: ".", with: ",")
    }
}
