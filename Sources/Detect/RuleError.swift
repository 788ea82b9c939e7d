import Foundation
import Yams

/// A rule file that cannot be used, with where the problem is.
public struct RuleError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// Reads one YAML data file, turning syntax and shape errors into `RuleError`s
/// that name the file, line and column.
enum RuleFile {
    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let name = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RuleError(file: name, line: nil, column: nil, message: "không đọc được tệp (\(error.localizedDescription))")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw RuleError(file: name, line: 1, column: 1, message: "tệp rỗng")
            }
            node = composed
        } catch let error as YamlError {
            throw RuleError(file: name, line: error.line, column: error.column, message: error.summary)
        }
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            let mark = locate(path, in: node)
            throw RuleError(file: name, line: mark?.line, column: mark?.column, message: message)
        }
    }

    static func describe(_ error: DecodingError) -> ([CodingKey], String) {
        func dotted(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let where_ = dotted(context.codingPath)
            return (context.codingPath, "thiếu khóa '\(key.stringValue)'" + (where_.isEmpty ? "" : " trong \(where_)"))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (context.codingPath, "giá trị không hợp lệ tại \(dotted(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }

    /// The position of the deepest node of `path` that exists.
    static func locate(_ path: [CodingKey], in root: Node) -> Mark? {
        var node = root
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let mapping = node.mapping, let child = mapping[key.stringValue] {
                node = child
            } else {
                break
            }
        }
        return node.mark
    }
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    var column: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.column
        default:
            return nil
        }
    }

    var summary: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "lỗi cú pháp YAML: \(problem)"
        default:
            return "lỗi YAML: \(self)"
        }
    }
}
