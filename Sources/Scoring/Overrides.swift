import Spreadsheet
import DataFile
import Foundation

/// An appraiser's adjustment (the decision's second round of scoring, after the
/// agencies commented): applied last and shown in every output.
public struct Override: Equatable {
    public enum Change: Equatable {
        /// The criterion's value is set; its points follow from the method.
        case value(Double)
        /// The criterion's points are set directly.
        case points(Double)
    }

    public let agency: String
    public let criterion: String
    public let change: Change
    public let reason: String
    public let by: String
    public let file: String
    public let line: Int

    /// An override from elsewhere than a file (the workspace's decisions): `file` and `line`
    /// name where it is kept, for the error that rejects it.
    public init(agency: String, criterion: String, change: Change, reason: String, by: String, file: String, line: Int) {
        self.agency = agency
        self.criterion = criterion
        self.change = change
        self.reason = reason
        self.by = by
        self.file = file
        self.line = line
    }

    /// "Điều chỉnh: 4,5 điểm — lý do (người điều chỉnh)".
    public var summary: String {
        switch change {
        case .value(let v): return "Điều chỉnh số liệu thành \(DecimalText.plain(v)) — \(reason) (\(by))"
        case .points(let p): return "Điều chỉnh điểm thành \(DecimalText.plain(p)) — \(reason) (\(by))"
        }
    }

    /// Reads `overrides: [{agency, criterion, value | points, reason, by}]`.
    public static func load(_ url: URL) throws -> [Override] {
        let root = try YAMLFile.load(url).requireMapping()
        try root.rejectUnknownKeys(allowed: ["overrides"])
        var seen: [String: Int] = [:]
        return try root.require("overrides").requireSequence().map { item in
            let node = try item.requireMapping()
            try node.rejectUnknownKeys(allowed: ["agency", "criterion", "value", "points", "reason", "by"])
            let value = node["value"], points = node["points"]
            let change: Change
            switch (value, points) {
            // "85%" where the criterion's value is a ratio: 0,85.
            case let (value?, nil): change = .value(try value.decimal(percent: true) / (try value.requireString().hasSuffix("%") ? 100 : 1))
            case let (nil, points?): change = .points(try points.decimal())
            default: throw node.error("cần đúng một trong 'value' hoặc 'points' (exactly one of value, points)")
            }
            let override = Override(agency: try node.require("agency").requireString(),
                                    criterion: try node.require("criterion").requireString(),
                                    change: change, reason: try node.require("reason").requireString(),
                                    by: try node.require("by").requireString(), file: url.path, line: node.line ?? 0)
            guard !override.reason.trimmingCharacters(in: .whitespaces).isEmpty,
                  !override.by.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw node.error("cần ghi lý do và người điều chỉnh (reason and by must not be empty)")
            }
            let key = "\(override.agency)/\(override.criterion)"
            if let earlier = seen[key] { throw node.error("trùng điều chỉnh với dòng \(earlier) (duplicate override)") }
            seen[key] = override.line
            return override
        }
    }
}
