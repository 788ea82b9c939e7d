/// Which elements form a region of a page (menus, footers, block titles…),
/// as data. An element matches when its tag is listed or its class or id
/// matches a pattern, unless its tag is excepted. Tests are the XPath ones,
/// case-sensitive like XPath: `classContains` is `contains(@class,'x')`,
/// `classWords` is `contains(concat(' ',@class,' '),' x ')` (a whole class
/// name between spaces), `idContains` is `contains(@id,'x')`, `idEquals` is
/// `@id='x'`, `exceptTags` is `not(self::x)`.
public struct ElementSelector: Codable, Sendable, Equatable {
    public var tags: [String]
    public var classContains: [String]
    public var classWords: [String]
    public var idContains: [String]
    public var idEquals: [String]
    public var exceptTags: [String]

    public init(tags: [String] = [], classContains: [String] = [], classWords: [String] = [],
                idContains: [String] = [], idEquals: [String] = [], exceptTags: [String] = []) {
        self.tags = tags
        self.classContains = classContains
        self.classWords = classWords
        self.idContains = idContains
        self.idEquals = idEquals
        self.exceptTags = exceptTags
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tags, classContains, classWords, idContains, idEquals, exceptTags
    }

    /// Every key is optional; unknown keys, empty patterns, tag names that
    /// are not lower-case, a class word holding a space, a tag both listed
    /// and excepted, and a selector with nothing to match are errors, placed
    /// at the offending value so a data file reports its line.
    public init(from decoder: Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        for key in all.allKeys where !known.contains(key.stringValue) {
            throw Self.invalid(all.codingPath + [key],
                               "unknown key `\(key.stringValue)` (known: \(known.sorted().joined(separator: ", ")))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys, _ check: (String) -> String?) throws -> [String] {
            let values = try container.decodeIfPresent([String].self, forKey: key) ?? []
            for (index, value) in values.enumerated() {
                let problem = value.isEmpty ? "an empty pattern matches every element" : check(value)
                if let problem {
                    throw Self.invalid(container.codingPath + [key, AnyKey(index: index)], problem)
                }
            }
            return values
        }
        let tagName: (String) -> String? = { tag in
            tag.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
                ? nil : "`\(tag)` is not a tag name (lower-case letters and digits)"
        }
        let tags = try list(.tags, tagName)
        self.tags = tags
        classContains = try list(.classContains) { _ in nil }
        classWords = try list(.classWords) { word in
            word.contains(" ") ? "`\(word)` holds a space: a class word is one class name" : nil
        }
        idContains = try list(.idContains) { _ in nil }
        idEquals = try list(.idEquals) { _ in nil }
        exceptTags = try list(.exceptTags) { tag in
            tagName(tag) ?? (tags.contains(tag) ? "`\(tag)` is both listed in `tags` and excepted" : nil)
        }
        if tags.isEmpty && classContains.isEmpty && classWords.isEmpty && idContains.isEmpty && idEquals.isEmpty {
            throw Self.invalid(container.codingPath,
                               "a selector needs at least one of tags, classContains, classWords, idContains, idEquals")
        }
    }

    private static func invalid(_ path: [CodingKey], _ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: message))
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.init(index: intValue) }
        init(index: Int) {
            stringValue = String(index)
            intValue = index
        }
    }
}
