import Audit
import Foundation
import Report
import Scoring
import Spreadsheet
import Store
import Vocabulary

/// The workspace's pages, server-rendered in Vietnamese. Every value goes through `HTML`.
struct Pages {
    let policy: FlagPolicy

    // MARK: Frame

    func layout(title: String, user: SignedIn?, _ content: HTML) -> HTML {
        let navigation: HTML = user.map { user in
            """
            <header><strong>Tổ thẩm định</strong><a href="/">Các đêm kiểm tra</a><a href="/flags">Cảnh báo</a>\
            \(user.canManageAccounts ? HTML("<a href=\"/users\">Tài khoản</a>") : "")<span>\(user.name) (\(Self.roleLabel(user.role)))</span>\
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(user.csrf)"><button type="submit">Đăng xuất</button></form></header>
            """
        } ?? "<header><strong>Tổ thẩm định</strong></header>"
        return """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title) — portal-audit</title><link rel="stylesheet" href="/static/workspace.css"></head>
            <body>\(navigation)<main>
            <h1>\(title)</h1>
            \(content)
            </main></body></html>
            """
    }

    func message(title: String, text: String, user: SignedIn?) -> HTML {
        layout(title: title, user: user, "<p class=\"thong-bao\">\(text)</p>")
    }

    static func roleLabel(_ role: UserAccount.Role) -> String {
        switch role {
        case .viewer: return "chỉ xem"
        case .appraiser: return "thẩm định viên"
        case .admin: return "quản trị"
        }
    }

    // MARK: Login

    func login(csrf: String, name: String = "", error: String? = nil) -> HTML {
        let problem: HTML = error.map { "<p class=\"thong-bao\" role=\"alert\">\($0)</p>" } ?? ""
        return layout(title: "Đăng nhập", user: nil, """
            \(problem)
            <form method="post" action="/login">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label>Tên đăng nhập <input name="name" value="\(name)" autocomplete="username" required></label>
            <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Đăng nhập</button>
            </form>
            """)
    }

    // MARK: Overview

    func overview(nights: [NightSummary], awaiting: Int, user: SignedIn) -> HTML {
        let rows: [HTML] = nights.map { night in
            """
            <tr><td><a href="/nights/\(night.id)">\(Wording.night(night.startedAt))</a></td><td>\(night.id)</td><td>Hoàn tất</td>\
            <td class="so">\(night.audited)/\(night.agencies)</td><td class="so">\(night.newFlags)</td>\
            <td class="so">\(Wording.score(night.averageScore))</td></tr>
            """
        }
        let table: HTML = nights.isEmpty ? "<p>Chưa có đêm kiểm tra nào hoàn tất.</p>" : """
            <table><thead><tr><th>Đêm kiểm tra</th><th>Lượt</th><th>Trạng thái</th><th>Cơ quan kiểm tra được</th>\
            <th>Cảnh báo mới</th><th>Điểm trung bình</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return layout(title: "Các đêm kiểm tra", user: user, """
            <p><a href="/flags">\(awaiting) cảnh báo đang chờ xem xét</a></p>
            <h2>Xu hướng</h2>\(trend(nights))
            \(table)
            """)
    }

    /// Average score and audited agencies per night, oldest first, as a plain table (printable, no script).
    private func trend(_ nights: [NightSummary]) -> HTML {
        let points = nights.prefix(14).reversed()
        guard !points.isEmpty else { return "" }
        let heads: [HTML] = points.map { "<th>\(Wording.night($0.startedAt))</th>" }
        let scores: [HTML] = points.map { "<td class=\"so\">\(Wording.score($0.averageScore))</td>" }
        let audited: [HTML] = points.map { "<td class=\"so\">\($0.audited)</td>" }
        let flags: [HTML] = points.map { "<td class=\"so\">\($0.newFlags)</td>" }
        return """
            <table><thead><tr><th></th>\(heads)</tr></thead><tbody>\
            <tr><th>Điểm trung bình</th>\(scores)</tr><tr><th>Cơ quan kiểm tra được</th>\(audited)</tr>\
            <tr><th>Cảnh báo mới</th>\(flags)</tr></tbody></table>
            """
    }

    // MARK: Night

    func night(_ run: RunInfo, agencies: [AgencySummary], rankings: [RankingTable], newFlags: [Flag], user: SignedIn) -> HTML {
        let tables: [HTML] = rankings.map { table in
            let rows: [HTML] = table.rows.map { row in
                """
                <tr><td class="so">\(row.stt)</td><td><a href="/agencies/\(row.id)?run=\(run.id)">\(row.name)</a></td>\
                <td>\(row.rankText)</td><td>\(row.previousText)</td><td>\(row.changeText)</td><td>\(row.level)</td></tr>
                """
            }
            return """
                <h2>\(table.caption)</h2><table><thead><tr><th>STT</th><th>Cơ quan</th><th>Xếp hạng (điểm)</th>\
                <th>Năm trước</th><th>Thay đổi</th><th>Mức độ</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        }
        let rows: [HTML] = agencies.map { agency in
            let unaudited = policyUnaudited(agency.status)
            let status: HTML = unaudited
                ? "<strong>Chưa kiểm tra được</strong> (\(statusLabel(agency.status))\(agency.reason.map { ": " + $0 } ?? ""))"
                : "\(statusLabel(agency.status))"
            return """
                <tr><td><a href="/agencies/\(agency.id)?run=\(run.id)">\(agency.name)</a></td><td>\(status)</td>\
                <td class="so">\(agency.itemsPresent)/\(agency.items)</td><td class="so">\(agency.pagesFetched)</td>\
                <td class="so">\(Wording.score(agency.score))</td></tr>
                """
        }
        return layout(title: "Đêm kiểm tra \(Wording.night(run.startedAt))", user: user, """
            <p>Lượt \(run.id), năm đánh giá \(run.year), \(run.rules).</p>
            \(rankings.isEmpty ? HTML("<p class=\"ghi-chu\">Đêm này chỉ đo, không chấm điểm (không có số liệu tự báo cáo).</p>") : "")
            \(tables)
            <h2>Các cơ quan</h2>
            <table><thead><tr><th>Cơ quan</th><th>Tình trạng</th><th>Số mục có</th><th>Số trang</th><th>Điểm</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>Cảnh báo mới trong đêm</h2>\(flagTable(newFlags, showAgency: true))
            """)
    }

    // MARK: Agency

    func agency(_ agency: AgencyNight, run: RunInfo, history: [AgencyHistoryRow], flags: [Flag], user: SignedIn) -> HTML {
        let items: [HTML] = agency.items.map { item in
            let evidence: HTML = item.url.map { url in
                "<a href=\"\(evidencePath(run: run.id, target: agency.id, url: url))\">Xem bản lưu</a> <span class=\"ghi-chu\">\(url)</span>"
            } ?? ""
            return """
                <tr><td>\(Wording.itemLabel(item.item))</td><td class="\(item.state.rawValue)">\(Wording.state(item.state))</td>\
                <td>\(item.evidence ?? "")</td><td>\(evidence)</td><td>\(item.capturedAt.map(Wording.night) ?? "")</td></tr>
                """
        }
        let measured = agency.measured
        let keys = MeasuredField.kept.compactMap(\.historyKey).filter { measured[$0] != nil || agency.reported[$0] != nil }
        let counts: [HTML] = keys.map { key in
            """
            <tr><td>\(Wording.countLabel(key))</td><td class="so">\(figure(agency.reported[key]))</td>\
            <td class="so">\(figure(measured[key]))</td></tr>
            """
        }
        let nights: [HTML] = history.reversed().map { row in
            """
            <tr><td><a href="/agencies/\(agency.id)?run=\(row.runID)">\(Wording.night(row.startedAt))</a></td>\
            <td>\(statusLabel(row.status))</td><td class="so">\(row.itemsPresent)</td><td class="so">\(Wording.count(row.news))</td>\
            <td class="so">\(Wording.count(row.documents))</td><td class="so">\(Wording.score(row.score))</td>\
            <td>\(row.changes.map { Wording.change($0.reason) }.joined(separator: "; "))</td></tr>
            """
        }
        let status: HTML = policyUnaudited(agency.status)
            ? "<p class=\"thong-bao\">Chưa kiểm tra được đêm này: \(statusLabel(agency.status))\(agency.reason.map { " — " + $0 } ?? "")</p>"
            : "<p>Tình trạng: \(statusLabel(agency.status)); \(agency.pagesFetched) trang đã thu thập.</p>"
        return layout(title: agency.name, user: user, """
            <p>Đêm <a href="/nights/\(run.id)">\(Wording.night(run.startedAt))</a> (lượt \(run.id)); điểm: \(Wording.score(agency.score)).</p>
            \(status)
            <h2>Cảnh báo</h2>\(flagTable(flags, showAgency: false))
            <h2>Các mục thông tin bắt buộc</h2>
            <table><thead><tr><th>Mục</th><th>Kết quả</th><th>Nội dung tìm thấy</th><th>Bằng chứng</th><th>Thời điểm</th></tr></thead>
            <tbody>\(items)</tbody></table>
            <h2>Số liệu: báo cáo và đo được</h2>
            <table><thead><tr><th>Chỉ số</th><th>Cơ quan báo cáo</th><th>Đo được</th></tr></thead><tbody>\(counts)</tbody></table>
            <h2>Lịch sử các đêm</h2>
            <table><thead><tr><th>Đêm</th><th>Tình trạng</th><th>Số mục có</th><th>Tin bài</th><th>Văn bản</th><th>Điểm</th><th>Thay đổi</th></tr></thead>
            <tbody>\(nights)</tbody></table>
            """)
    }

    // MARK: Flags

    func flags(_ flags: [Flag], filter: FlagFilter, agencies: [String], user: SignedIn) -> HTML {
        let agencyOptions: [HTML] = [option("", "Tất cả", filter.agency ?? "")] + agencies.map { option($0, $0, filter.agency ?? "") }
        let kindOptions: [HTML] = [option("", "Tất cả", filter.kind?.rawValue ?? "")]
            + Flag.Kind.allCases.map { option($0.rawValue, Wording.flagKind($0), filter.kind?.rawValue ?? "") }
        let stateOptions: [HTML] = [("open", "Đang chờ xem xét"), ("dismissed", "Đã bỏ qua"), ("closed", "Đã đóng"), ("all", "Tất cả")]
            .map { option($0.0, $0.1, filter.state?.rawValue ?? "all") }
        return layout(title: "Cảnh báo", user: user, """
            <form method="get" action="/flags" class="khong-in">
            <label>Cơ quan <select name="agency">\(agencyOptions)</select></label>
            <label>Loại <select name="kind">\(kindOptions)</select></label>
            <label>Tình trạng <select name="state">\(stateOptions)</select></label>
            <button type="submit">Lọc</button></form>
            \(flagTable(flags, showAgency: true))
            """)
    }

    func flagTable(_ flags: [Flag], showAgency: Bool) -> HTML {
        guard !flags.isEmpty else { return "<p>Không có cảnh báo.</p>" }
        let rows: [HTML] = flags.map { flag in
            let agency: HTML = showAgency ? "<td><a href=\"/agencies/\(flag.agency)\">\(flag.agency)</a></td>" : ""
            return """
                <tr data-fingerprint="\(flag.fingerprint)">\(agency)<td>\(Wording.flagKind(flag.kind))</td>\
                <td><a href="/flags/\(flag.fingerprint)">\(Wording.flag(flag.reason))</a></td><td>\(Wording.night(flag.firstSeenAt))</td>\
                <td>\(Wording.flagState(open: flag.isOpen))</td><td>\(decisionText(flag.decision))</td></tr>
                """
        }
        let agencyHead: HTML = showAgency ? "<th>Cơ quan</th>" : ""
        return """
            <table><thead><tr>\(agencyHead)<th>Loại</th><th>Nội dung</th><th>Từ đêm</th><th>Tình trạng</th><th>Quyết định</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    func flag(_ flag: Flag, decisions: [FlagDecision], criteria: [CriterionChoice], suggested: String?, user: SignedIn,
              error: String? = nil) -> HTML {
        let history: [HTML] = decisions.reversed().map { "<li>\(decisionText($0))</li>" }
        let problem: HTML = error.map { "<p class=\"thong-bao\" role=\"alert\">\($0)</p>" } ?? ""
        let criterionOptions: [HTML] = criteria.map { option($0.id, "\($0.name) (\($0.id))", suggested ?? "") }
        let overrideFields: HTML = criteria.isEmpty ? "" : """
            <label><input type="radio" name="decision" value="override"> Điều chỉnh số liệu (đưa vào lần chấm điểm tiếp theo)</label>
            <label>Tiêu chí <select name="criterion">\(criterionOptions)</select></label>
            <label>Số liệu đã xác minh <input name="value" inputmode="decimal"></label>
            """
        let form: HTML = user.canDecide ? """
            <h2>Quyết định</h2>
            \(problem)
            <form method="post" action="/flags/\(flag.fingerprint)/decision">
            <input type="hidden" name="csrf" value="\(user.csrf)">
            <fieldset><legend>Quyết định của thẩm định viên</legend>
            <label><input type="radio" name="decision" value="accept" checked> Chấp nhận (giữ số liệu đo được, đề nghị cơ quan giải trình)</label>
            <label><input type="radio" name="decision" value="dismiss"> Bỏ qua (ví dụ: cơ quan đã chứng minh theo cách khác)</label>
            \(overrideFields)
            <label>Lý do <textarea name="reason" rows="3" cols="60"></textarea></label>
            </fieldset>
            <button type="submit">Ghi quyết định</button>
            </form>
            """ : "<p class=\"ghi-chu\">Tài khoản chỉ xem không ghi được quyết định.</p>"
        return layout(title: "Cảnh báo: \(Wording.flag(flag.reason))", user: user, """
            <table><tbody>
            <tr><th>Cơ quan</th><td><a href="/agencies/\(flag.agency)">\(flag.agency)</a></td></tr>
            <tr><th>Loại</th><td>\(Wording.flagKind(flag.kind))</td></tr>
            <tr><th>Từ đêm</th><td>\(Wording.night(flag.firstSeenAt)) (lượt \(flag.firstSeenRun))</td></tr>
            <tr><th>Lượt gần nhất</th><td>\(flag.lastSeenRun)</td></tr>
            <tr><th>Tình trạng</th><td>\(Wording.flagState(open: flag.isOpen))</td></tr>
            <tr><th>Mã</th><td>\(flag.fingerprint)</td></tr>
            </tbody></table>
            <h2>Các quyết định</h2>\(history.isEmpty ? HTML("<p>Chưa có quyết định.</p>") : HTML("<ul>\(history)</ul>"))
            \(form)
            """)
    }

    // MARK: Wording

    func decisionText(_ decision: FlagDecision?) -> String {
        decision.map {
            Wording.decision($0.kind, reason: $0.reason, criterion: $0.criterion, value: $0.value, user: $0.user, at: $0.decidedAt)
        } ?? ""
    }

    func evidencePath(run: String, target: String, url: String) -> String {
        "/evidence/\(run)/\(target)?url=" + (url.addingPercentEncoding(withAllowedCharacters: Self.queryValue) ?? "")
    }

    /// Unreserved characters only: a URL inside a query value keeps its own '&', '=' and '#' encoded.
    static let queryValue = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    func option(_ value: String, _ label: String, _ selected: String) -> HTML {
        value == selected ? "<option value=\"\(value)\" selected>\(label)</option>" : "<option value=\"\(value)\">\(label)</option>"
    }

    private func statusLabel(_ status: CrawlStatus) -> String { Wording.inlineStatus(status) }

    private func policyUnaudited(_ status: CrawlStatus) -> Bool { policy.unauditableStatuses.contains(status) }

    private func figure(_ value: Double?) -> String { value.map(DecimalText.figure) ?? "—" }
}

/// The flags queue's filter, from the query string.
struct FlagFilter: Equatable {
    var agency: String?
    var kind: Flag.Kind?
    /// nil: every state.
    var state: FlagQueueState?
}

/// A criterion an override may set, as the decision form offers it.
struct CriterionChoice: Sendable, Equatable {
    var id: String
    var name: String
}
