import DataFile
import Foundation
import Spreadsheet
import Vocabulary

extension CriteriaSet {
    /// Loads and checks a criteria set: known keys, declared inputs and groups,
    /// methods and their parameters, category sums and tier totals.
    public static func load(_ url: URL) throws -> CriteriaSet {
        let root = try YAMLFile.load(url).requireMapping()
        try root.rejectUnknownKeys(allowed: ["province", "outOf", "tiers", "levels", "conventions", "groups", "inputs", "categories",
                                             "unaudited", "notReported"])
        let rules = try RankingRules.parse(root)
        let tierIDs = rules.tiers.map(\.id)
        let groups = try root.require("groups").requireMapping().entries().map { (id: $0.key, label: try $0.value.requireString()) }
        let inputs = try root.require("inputs").requireMapping().entries().map { entry in
            try parseInput(entry.key, entry.value.requireMapping(), groups: groups.map(\.id), tiers: tierIDs)
        }
        let categoriesNode = try root.require("categories")
        var seen = Set<String>()
        let categories = try categoriesNode.requireSequence().map { node -> Category in
            let category = try parseCategory(node.requireMapping(), inputs: inputs, tiers: tierIDs)
            for id in [category.id] + category.criteria.map(\.id) {
                guard seen.insert(id).inserted else { throw node.error("mã '\(id)' bị trùng (duplicate id)") }
            }
            return category
        }
        for tier in tierIDs {
            let sum = categories.compactMap { $0.points[tier] }.reduce(0, +)
            guard abs(sum - rules.outOf) < 1e-9 else {
                throw try root.require("outOf").error("khối \(tier): tổng điểm các hạng mục là \(DecimalText.plain(sum)), phải bằng \(DecimalText.plain(rules.outOf)) (categories must sum to outOf)")
            }
        }
        var set = CriteriaSet(file: url.path, rules: rules, groups: groups, inputs: inputs, categories: categories)
        if let node = root["unaudited"] {
            guard let rule = UnauditedRule(rawValue: try node.requireString()) else {
                throw node.error("'unaudited' phải là \(UnauditedRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.unaudited = rule
        }
        if let node = root["notReported"] {
            guard let rule = NotReportedRule(rawValue: try node.requireString()) else {
                throw node.error("'notReported' phải là \(NotReportedRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.notReported = rule
        }
        return set
    }

    private static func parseInput(_ id: String, _ node: YAMLMapping, groups: [String], tiers: [Tier]) throws -> InputSpec {
        try node.rejectUnknownKeys(allowed: ["label", "group", "unit", "tiers", "measured"])
        let group = try node.require("group")
        let groupID = try group.requireString()
        guard groups.contains(groupID) else { throw group.error("nhóm '\(groupID)' chưa khai báo trong groups (unknown group)") }
        let unitNode = try node.require("unit")
        guard let unit = InputSpec.Unit(rawValue: try unitNode.requireString()) else {
            throw unitNode.error("đơn vị không hợp lệ (unit must be one of \(InputSpec.Unit.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let inputTiers = try node["tiers"].map { try checkTiers($0, tiers) }
        var measured: InputSpec.Measured?
        var evidence: String?
        if let measuredNode = try node["measured"]?.requireMapping() {
            try measuredNode.rejectUnknownKeys(allowed: ["field", "sections", "evidence"])
            if let field = measuredNode["field"] {
                guard let known = MeasuredField(rawValue: try field.requireString()) else {
                    throw field.error("trường đo không hợp lệ (field must be one of \(MeasuredField.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                measured = .field(known)
            } else if let sections = measuredNode["sections"] {
                let items = try sections.stringList()
                guard !items.isEmpty else { throw sections.error("danh sách mục rỗng (no items)") }
                measured = .sections(items)
            } else {
                throw measuredNode.error("cần 'field' hoặc 'sections' (measured needs field or sections)")
            }
            evidence = try measuredNode["evidence"]?.requireString()
        }
        return InputSpec(id: id, label: try node.require("label").requireString(), group: groupID, unit: unit,
                         tiers: inputTiers, measured: measured, evidenceItem: evidence)
    }

    private static func checkTiers(_ node: YAMLNode, _ tiers: [Tier]) throws -> [Tier] {
        try node.stringList().map { id in
            guard let tier = tiers.first(where: { $0.rawValue == id }) else {
                throw node.error("khối '\(id)' không có trong tiers (unknown tier)")
            }
            return tier
        }
    }

    /// `points: 4` (every tier of the category) or `points: {province: 4, district: 3}`.
    private static func parsePoints(_ node: YAMLNode, tiers: [Tier]) throws -> [Tier: Double] {
        guard let mapping = try? node.requireMapping() else {
            let value = try node.decimal()
            return Dictionary(uniqueKeysWithValues: tiers.map { ($0, value) })
        }
        var points: [Tier: Double] = [:]
        for entry in try mapping.entries() {
            guard let tier = tiers.first(where: { $0.rawValue == entry.key }) else {
                throw mapping.error(atKey: entry.key, "khối '\(entry.key)' không áp dụng ở đây (tier not allowed here: \(tiers.map(\.rawValue).joined(separator: ", ")))")
            }
            points[tier] = try entry.value.decimal()
        }
        return points
    }

    private static func parseCategory(_ node: YAMLMapping, inputs: [InputSpec], tiers allTiers: [Tier]) throws -> Category {
        try node.rejectUnknownKeys(allowed: ["id", "name", "tiers", "points", "criteria"])
        let id = try node.require("id").requireString()
        let tiers = try node["tiers"].map { try checkTiers($0, allTiers) } ?? allTiers
        let points = try parsePoints(node.require("points"), tiers: tiers)
        for tier in tiers where points[tier] == nil {
            throw node.error("hạng mục '\(id)' thiếu điểm cho khối \(tier) (missing points for tier)")
        }
        let criteria = try node.require("criteria").requireSequence().map { try parseCriterion($0.requireMapping(), inputs: inputs, tiers: tiers) }
        for tier in tiers {
            let sum = criteria.compactMap { $0.points[tier] }.reduce(0, +)
            guard abs(sum - points[tier]!) < 1e-9 else {
                throw node.error("hạng mục '\(id)', khối \(tier): tổng điểm tiêu chí là \(DecimalText.plain(sum)), khác \(DecimalText.plain(points[tier]!)) (criteria do not sum to the category)")
            }
        }
        return Category(id: id, name: try node.require("name").requireString(), points: points, criteria: criteria)
    }

    private static func parseCriterion(_ node: YAMLMapping, inputs: [InputSpec], tiers: [Tier]) throws -> Criterion {
        try node.rejectUnknownKeys(allowed: ["id", "name", "points", "method", "input", "per", "cap", "steps", "webVerifiable", "verify"])
        let id = try node.require("id").requireString()
        let inputNode = try node.require("input")
        let inputIDs = try inputNode.stringList()
        for inputID in inputIDs where !inputs.contains(where: { $0.id == inputID }) {
            throw inputNode.error("tiêu chí '\(id)': đầu vào '\(inputID)' chưa khai báo trong inputs (unknown input)")
        }
        var per: Criterion.Denominator?
        if let perNode = node["per"] {
            if let number = DecimalText.parse(try perNode.requireString()) {
                guard number > 0 else { throw perNode.error("mẫu số phải dương (per must be positive)") }
                per = .number(number)
            } else {
                let perID = try perNode.requireString()
                guard inputs.contains(where: { $0.id == perID }) else {
                    throw perNode.error("tiêu chí '\(id)': mẫu số '\(perID)' chưa khai báo trong inputs (unknown input)")
                }
                per = .input(perID)
            }
        }
        let method = try parseMethod(node, id: id, inputs: inputIDs.compactMap { i in inputs.first { $0.id == i } })
        let webNode = try node.require("webVerifiable")
        guard let web = Bool(try webNode.requireString()) else { throw webNode.error("webVerifiable phải là true hoặc false") }
        var verification: Verification?
        if web {
            let verify = try node.require("verify").requireMapping()
            try verify.rejectUnknownKeys(allowed: ["use", "tolerance"])
            let useNode = try verify.require("use")
            guard let use = Verification.Use(rawValue: try useNode.requireString()) else {
                throw useNode.error("'use' phải là reported, measured hoặc lower")
            }
            verification = Verification(use: use, tolerance: try parseTolerance(verify.require("tolerance")))
            let measurable = inputIDs + (per.flatMap { if case .input(let p) = $0 { return [p] } else { return nil } } ?? [])
            guard measurable.contains(where: { i in inputs.first { $0.id == i }?.measured != nil }) else {
                throw webNode.error("tiêu chí '\(id)' kiểm chứng trên web nhưng không đầu vào nào có 'measured' (no measured input)")
            }
        } else if node["verify"] != nil {
            throw webNode.error("tiêu chí '\(id)': 'verify' chỉ dùng khi webVerifiable: true")
        }
        return Criterion(id: id, name: try node.require("name").requireString(), points: try parsePoints(node.require("points"), tiers: tiers),
                         method: method, inputs: inputIDs, per: per, verification: verification, line: node.line ?? 0)
    }

    private static func parseMethod(_ node: YAMLMapping, id: String, inputs: [InputSpec]) throws -> ScoringMethod {
        let methodNode = try node.require("method")
        let name = try methodNode.requireString()
        func forbid(_ keys: [String]) throws {
            for key in keys where node[key] != nil {
                throw node.error("tiêu chí '\(id)': '\(key)' không dùng với phương pháp \(name)")
            }
        }
        switch name {
        case "yes-no":
            try forbid(["cap", "steps", "per"])
            guard inputs.count == 1, inputs[0].unit == .yesNo else {
                throw methodNode.error("tiêu chí '\(id)': yes-no cần đúng một đầu vào đơn vị yes-no")
            }
            return .yesNo
        case "ratio":
            try forbid(["cap", "steps"])
            guard node["per"] != nil || inputs.allSatisfy({ $0.unit == .percent }) else {
                throw methodNode.error("tiêu chí '\(id)': ratio cần 'per' hoặc đầu vào đơn vị percent")
            }
            return .ratio
        case "steps":
            try forbid(["cap"])
            let stepsNode = try node.require("steps")
            var steps: [ScoringMethod.Step] = []
            for stepNode in try stepsNode.requireSequence().map({ try $0.requireMapping() }) {
                try stepNode.rejectUnknownKeys(allowed: ["min", "share"])
                let step = ScoringMethod.Step(minimum: try stepNode.require("min").decimal(), share: try stepNode.require("share").decimal())
                guard (0...1).contains(step.share) else { throw stepNode.error("'share' phải trong khoảng 0…1") }
                if let last = steps.last, step.minimum >= last.minimum {
                    throw stepNode.error("các bậc phải xếp từ cao xuống thấp (steps must go from the highest min down)")
                }
                steps.append(step)
            }
            guard !steps.isEmpty else { throw stepsNode.error("cần ít nhất một bậc (no steps)") }
            return .steps(steps)
        case "linear":
            try forbid(["steps"])
            let cap = try node.require("cap")
            guard try cap.decimal() > 0 else { throw cap.error("'cap' phải dương (cap must be positive)") }
            return .linear(cap: try cap.decimal())
        case "relative-to-best":
            try forbid(["cap", "steps"])
            return .relativeToBest
        default:
            throw methodNode.error("phương pháp '\(name)' không hợp lệ (method must be yes-no, ratio, steps, linear or relative-to-best)")
        }
    }

    private static func parseTolerance(_ node: YAMLNode) throws -> Verification.Tolerance {
        let text = try node.requireString().trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%"), let value = DecimalText.parse(String(text.dropLast())), value >= 0 {
            return .relative(value / 100)
        }
        guard let value = DecimalText.parse(text), value >= 0 else {
            throw node.error("'tolerance' phải là số (tuyệt đối) hoặc 'N%' (tương đối)")
        }
        return .absolute(value)
    }
}
