import Foundation
import Yams

/// A YAML node that remembers its file and line, so every complaint about a data
/// file can say where the problem is.
struct YAMLNode {
    let node: Node
    let file: String

    static func load(_ url: URL) throws -> YAMLNode {
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: url.path, line: 0, "không đọc được tệp (cannot read file)")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(file: url.path, line: 1, "tệp rỗng (empty file)")
            }
            return YAMLNode(node: node, file: url.path)
        } catch let error as YamlError {
            throw InputError(file: url.path, line: Self.line(of: error), column: Self.column(of: error),
                             "YAML hỏng (broken YAML): \(Self.problem(of: error))")
        }
    }

    var line: Int { node.mark?.line ?? 1 }

    func error(_ message: String) -> InputError {
        InputError(file: file, line: line, column: node.mark?.column, message)
    }

    func entries() throws -> [(key: String, value: YAMLNode, keyLine: Int)] {
        guard let mapping = node.mapping else { throw error("cần một bảng khoá: giá trị (expected a mapping)") }
        return mapping.map { pair in
            (pair.key.string ?? "", YAMLNode(node: pair.value, file: file), pair.key.mark?.line ?? line)
        }
    }

    /// Fails on keys the format does not know, which are almost always typos.
    func checkKeys(_ allowed: Set<String>) throws {
        for entry in try entries() where !allowed.contains(entry.key) {
            throw InputError(file: file, line: entry.keyLine,
                             "khoá không hợp lệ '\(entry.key)' (unknown key; allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func optional(_ key: String) throws -> YAMLNode? {
        guard let mapping = node.mapping else { throw error("cần một bảng khoá: giá trị (expected a mapping)") }
        return mapping[key].map { YAMLNode(node: $0, file: file) }
    }

    func require(_ key: String) throws -> YAMLNode {
        guard let value = try optional(key) else { throw error("thiếu khoá '\(key)' (missing key)") }
        return value
    }

    func string() throws -> String {
        guard let scalar = node.scalar else { throw error("cần một giá trị đơn (expected a scalar)") }
        return scalar.string
    }

    func number() throws -> Double {
        guard let scalar = node.scalar, let value = DecimalText.parse(scalar.string) else {
            throw error("cần một số (expected a number), có '\(node.scalar?.string ?? "…")'")
        }
        return value
    }

    func sequence() throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error("cần một danh sách (expected a list)") }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    /// A scalar or a list of scalars, as in `input: a` or `input: [a, b]`.
    func strings() throws -> [String] {
        if node.scalar != nil { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    private static func mark(of error: YamlError) -> Mark? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark
        default: return nil
        }
    }

    private static func line(of error: YamlError) -> Int { mark(of: error)?.line ?? 1 }
    private static func column(of error: YamlError) -> Int? { mark(of: error)?.column }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _): return problem
        default: return String(describing: error)
        }
    }
}
