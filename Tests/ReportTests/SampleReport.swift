import Foundation
@testable import Report

/// A realistic model: the 2020 Sơn La figures of Bảng 1/2 (first rows), two agencies in detail,
/// one of them with a hostile portal whose titles and links try to inject markup.
enum SampleReport {
    static let hostileTitle = "<script>alert(1)</script>"
    static let hostileURL = "\"><img src=x onerror=alert(2)>"
    static let scriptURL = "javascript:alert(3)"
    static let night = Date(timeIntervalSince1970: 1_607_997_600) // 15/12/2020 09:00 in Vietnam

    static func model() -> ReportModel {
        let provinces = RankingTable(tier: .province, caption: "Bảng 1. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp tỉnh", rows: [
            RankingRow(stt: 1, id: "so-noi-vu", name: "Sở Nội vụ", rankText: "01 (95,3)", previousText: "02 (93,3)", changeText: "+1", score: 95.3, level: "Tốt"),
            RankingRow(stt: 2, id: "so-tttt", name: "Sở Thông tin và Truyền thông", rankText: "01 (95,3)", previousText: "01 (93,9)", changeText: "=", score: 95.3, level: "Tốt"),
            RankingRow(stt: 3, id: "van-phong-ubnd", name: "Văn phòng UBND tỉnh", rankText: "08 (90,6)", previousText: "06 (87,4)", changeText: "-2", score: 90.6, level: "Tốt"),
            RankingRow(stt: 4, id: "so-gddt", name: hostileTitle, rankText: "20 (70,4)", previousText: "16 (74,3)", changeText: "-4", score: 70.4, level: "Khá"),
        ])
        let districts = RankingTable(tier: .district, caption: "Bảng 2. Xếp hạng tổng thể mức độ ứng dụng CNTT của các CQNN cấp huyện", rows: [
            RankingRow(stt: 1, id: "moc-chau", name: "UBND huyện Mộc Châu", rankText: "01 (89,2)", previousText: "01 (87,0)", changeText: "=", score: 89.2, level: "Khá"),
            RankingRow(stt: 2, id: "tp-son-la", name: "UBND thành phố Sơn La", rankText: "02 (89,1)", previousText: "08 (73,1)", changeText: "+6", score: 89.1, level: "Khá"),
        ])
        let levels = ["Tốt", "Khá", "Trung bình", "Yếu"]
        let shares = [
            LevelShareTable(tierLabel: "CQNN cấp tỉnh", years: [2020, 2019],
                            rows: zip(levels, [[55, 35], [45, 55], [0, 10], [0, 0]] as [[Double?]]).map { LevelShareRow(level: $0, percents: $1) }),
            LevelShareTable(tierLabel: "CQNN cấp huyện", years: [2020, 2019],
                            rows: zip(levels, [[25, 8], [75, 75], [0, 17], [0, 0]] as [[Double?]]).map { LevelShareRow(level: $0, percents: $1) }),
        ]
        let averages = [AverageRow(label: "CQNN cấp tỉnh", average: 86, change: 4), AverageRow(label: "CQNN cấp huyện", average: 82, change: 8),
                        AverageRow(label: "Toàn tỉnh", average: 84, change: 6)]
        let trend = (0..<7).map { day in
            TrendPoint(night: night.addingTimeInterval(Double(day - 6) * 86_400), score: 90 + Double(day) * 0.8,
                       news: day == 3 ? nil : 30 + day * 3, documents: 12 + day, itemsPresent: 18 + day % 2)
        }
        let noiVu = AgencyReport(
            id: "so-noi-vu", name: "Sở Nội vụ", tierLabel: "CQNN cấp tỉnh", portal: "https://sonv.sonla.gov.vn/", status: .ok,
            checklist: [
                ChecklistRow(item: "gioi-thieu.co-cau-to-chuc", label: "Cơ cấu tổ chức", state: .present,
                             evidenceURL: "https://sonv.sonla.gov.vn/co-cau-to-chuc", capturedAt: night, warcRecord: "urn:uuid:6f0c-01"),
                ChecklistRow(item: "chi-dao-dieu-hanh.lich-cong-tac", label: "Lịch công tác", state: .absent, capturedAt: night),
                ChecklistRow(item: "hoi-dap", label: "Hỏi đáp", state: .inconclusive),
            ],
            figures: [
                FigureRow(key: "news", label: "Số tin bài", measured: 37, reported: 120, discrepancy: true,
                          evidenceURLs: ["https://sonv.sonla.gov.vn/tin-tuc?page=1", "https://sonv.sonla.gov.vn/tin-tuc?page=2"]),
                FigureRow(key: "documents", label: "Số văn bản", measured: 40, reported: 42, discrepancy: false),
            ],
            trend: trend,
            openFlags: [FlagRow(message: "Thiếu mục Lịch công tác", since: night.addingTimeInterval(-86_400)),
                        FlagRow(message: "Số tin bài báo cáo 120, đo được 37", since: night)])
        let hostile = AgencyReport(
            id: "so-gddt", name: hostileTitle, tierLabel: "CQNN cấp tỉnh", portal: scriptURL, status: .partial, statusReason: hostileURL,
            checklist: [ChecklistRow(item: "tin-tuc", label: hostileTitle, state: .present, evidenceURL: hostileURL, capturedAt: night, warcRecord: hostileURL),
                        ChecklistRow(item: "van-ban", label: "Văn bản", state: .present, evidenceURL: scriptURL)],
            figures: [FigureRow(key: "news", label: "Số tin bài", measured: 5, reported: nil, discrepancy: false, evidenceURLs: [hostileURL])],
            trend: trend, openFlags: [FlagRow(message: hostileTitle, since: night)])
        return ReportModel(title: "Kết quả đánh giá, xếp hạng mức độ ứng dụng CNTT trong các cơ quan nhà nước tỉnh Sơn La năm 2020",
                           run: RunSummary(id: "20201215-020000", startedAt: night, finishedAt: night.addingTimeInterval(5_400),
                                           year: 2020, previousYear: 2019, rules: "Nghị định 43/2011/NĐ-CP"),
                           rankings: [provinces, districts], levelShares: shares, averages: averages, agencies: [noiVu, hostile])
    }
}
