import Foundation
import Yams

/// Loads YAML with positions kept, so every complaint names file and line.
public enum YAMLFile {
    public static func load(_ url: URL) throws -> YAMLNode {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(file: url.path, message: "cannot read as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DataFileError(file: file, line: 1, message: "the file is empty")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw Self.locate(error, file: file)
        }
    }

    private static func locate(_ error: YamlError, file: String) -> DataFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return DataFileError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(detail)")
        case .reader(let problem, _, _, _):
            return DataFileError(file: file, message: "YAML syntax: \(problem)")
        default:
            return DataFileError(file: file, message: "YAML: \(error)")
        }
    }
}

/// A YAML node that knows where it came from.
public struct YAMLNode {
    public let node: Node
    public let file: String

    public init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    public var line: Int? { node.mark?.line }

    public func error(_ message: String) -> DataFileError {
        DataFileError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    public func requireString() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value") }
        return scalar.string
    }

    public func requireInt() throws -> Int {
        guard let value = Int(try requireString()) else { throw error("expected a whole number") }
        return value
    }

    public func requireDouble() throws -> Double {
        let text = try requireString().replacingOccurrences(of: ",", with: ".")
        guard let value = Double(text), value.isFinite else { throw error("expected a number") }
        return value
    }

    public func requireBool() throws -> Bool {
        switch try requireString().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    public func requireSequence() throws -> [YAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    /// Accepts a list or a single value (`services: https://…` or `[…]`).
    public func stringList() throws -> [String] {
        if case .sequence = node { return try requireSequence().map { try $0.requireString() } }
        return [try requireString()]
    }

    public func requireMapping() throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of `key: value`") }
        return YAMLMapping(mapping: mapping, file: file, mark: node.mark)
    }
}

/// A mapping with required/optional keys and a check for unknown keys.
public struct YAMLMapping {
    let mapping: Node.Mapping
    public let file: String
    let mark: Mark?

    public var line: Int? { mark?.line }

    public var keys: [String] { mapping.keys.compactMap { $0.string } }

    public subscript(key: String) -> YAMLNode? {
        guard let node = mapping[key] else { return nil }
        let wrapped = YAMLNode(node: node, file: file)
        return wrapped.isNull ? nil : wrapped
    }

    public func require(_ key: String) throws -> YAMLNode {
        guard let value = self[key] else { throw error("missing `\(key)`") }
        return value
    }

    /// An error located at the mapping as a whole (where it starts).
    public func error(_ message: String) -> DataFileError {
        error(at: mark, message)
    }

    /// An error located at `key` itself rather than at its value, for complaints
    /// about the key (a tier or name the format does not allow there).
    public func error(atKey key: String, _ message: String) -> DataFileError {
        error(at: mapping.keys.first { $0.string == key }?.mark ?? mark, message)
    }

    /// Rejects keys the format does not know: a typo must not be silently ignored.
    public func rejectUnknownKeys(allowed: Set<String>) throws {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            throw error(at: key.mark, "unknown key `\(name)` (known: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// Every value with its key; duplicate keys are an error.
    public func entries() throws -> [(key: String, value: YAMLNode)] {
        var seen = Set<String>()
        return try mapping.map { key, value in
            guard let name = key.string else { throw error(at: key.mark, "keys must be text") }
            guard seen.insert(name).inserted else { throw error(at: key.mark, "duplicate key `\(name)`") }
            return (name, YAMLNode(node: value, file: file))
        }
    }

    private func error(at mark: Mark?, _ message: String) -> DataFileError {
        DataFileError(file: file, line: mark?.line, column: mark?.column, message: message)
    }
}

extension YAMLFile {
    /// Decodes a whole file into a `Decodable`, so a shape error (a missing
    /// key, a wrong type) is reported at the line of the offending node.
    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let root = try load(url)
        do {
            return try YAMLDecoder().decode(T.self, from: root.node)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            let mark = locate(path, in: root.node)
            throw DataFileError(file: url.path, line: mark?.line, column: mark?.column, message: message)
        }
    }

    private static func describe(_ error: DecodingError) -> ([CodingKey], String) {
        func dotted(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = dotted(context.codingPath)
            return (context.codingPath, "missing `\(key.stringValue)`" + (parent.isEmpty ? "" : " in \(parent)"))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (context.codingPath, "invalid value at \(dotted(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }

    /// The position of the deepest node of `path` that exists.
    private static func locate(_ path: [CodingKey], in root: Node) -> Mark? {
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
