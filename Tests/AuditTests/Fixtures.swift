@testable import Audit
import Foundation
import Measure
import XCTest

/// Measurements as `crawl` writes them, for two agencies of the 2020 snapshots.
enum Fixtures {
    struct Agency {
        var id: String
        var name: String
        var tier = "province"
        var status = "ok"
        var sections: [(item: String, state: String)]
        var news = 23
        var documents = 12
        var services = (level3: 6, level4: 0, total: 10)
    }

    static let soNoiVu = Agency(id: "so-noi-vu", name: "Sở Nội vụ", sections: [
        ("gioi-thieu.co-cau-to-chuc", "present"), ("chi-dao-dieu-hanh.lich-cong-tac", "present"), ("khoa-hoc", "absent"),
    ], news: 28, documents: 16, services: (10, 4, 25))

    static let banDanToc = Agency(id: "ban-dan-toc", name: "Ban Dân tộc", sections: [
        ("gioi-thieu.co-cau-to-chuc", "present"), ("gop-y", "absent"), ("tieng-nuoc-ngoai", "absent"),
    ])

    static func measurements(_ agencies: [Agency], year: Int = 2020) throws -> MeasurementsFile {
        let targets = agencies.map { agency -> [String: Any] in
            let reachable = agency.status == "ok" || agency.status == "partial"
            return [
                "id": agency.id, "name": agency.name, "tier": agency.tier, "portal": "http://127.0.0.3:8043/",
                "status": agency.status, "complete": reachable, "pagesFetched": reachable ? 94 : 0,
                "evidence": "evidence/\(agency.id).warc.gz",
                "fetch": ["bytes": 912_000, "documentLinks": 31, "errors": [String: Int](), "pages": 94, "requests": 96, "seconds": 23.3,
                          "skipped": ["seen": 3138], "truncatedBodies": 0],
                "rules": "nd-43-2011.1", "year": year, "pagesAnalysed": 94,
                "sections": agency.sections.map { section -> [String: Any] in
                    var entry: [String: Any] = ["item": section.item, "state": section.state]
                    if section.state == "present" {
                        entry["url"] = "http://127.0.0.3:8043/web/guest/\(section.item)"
                        entry["evidence"] = "648 ký tự nội dung"
                        entry["capturedAt"] = "2026-11-29T08:34:12Z"
                        entry["warcRecord"] = "evidence/\(agency.id).warc.gz#offset=2866&length=428"
                    } else {
                        entry["reason"] = "không thấy liên kết, khối hay tiêu đề nào"
                    }
                    return entry
                },
                "news": ["count": agency.news, "undated": 0, "method": "articles", "partial": false,
                         "crossChecks": ["articlePages": 31, "listingEntries": 0, "scriptPagers": [String]()]],
                "documents": ["count": agency.documents, "method": "table", "partial": false, "list": [[String: Any]]()],
                "services": ["level3": agency.services.level3, "level4": agency.services.level4, "total": agency.services.total,
                             "inferredLevel3": 0, "wording": "muc-do", "partial": false],
            ]
        }
        let json: [String: Any] = ["generatedAt": "2026-11-29T08:34:35Z", "year": year, "rules": "Nghị định 43/2011/NĐ-CP", "targets": targets]
        let data = try JSONSerialization.data(withJSONObject: json)
        return try MeasurementsFile.decoder().decode(MeasurementsFile.self, from: data)
    }
}
