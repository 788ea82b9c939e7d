import Foundation
import DataFile

/// The crawl's URL rules, loaded from `url-policy.yaml` (see Resources).
public struct URLPolicy: Sendable {
    public struct Traps: Sendable {
        public var maxCalendarVariants: Int
        public var maxRepeatedSegment: Int
        public var maxPathSegments: Int
        public var maxQueryVariantsPerPath: Int
        public var maxURLLength: Int
    }

    public var dropParameters: Set<String>
    public var dropParameterPrefixes: [String]
    public var dropPathParameters: Set<String>
    public var calendarParameters: Set<String>
    /// Query parameters that carry a listing's page number.
    public var pageParameters: Set<String>
    /// Path words of pagers: "/page/2", "/trang-3.html".
    public var pagerSegments: Set<String>
    public var documentExtensions: Set<String>
    public var ignoredExtensions: Set<String>
    public var traps: Traps

    public static func bundled() throws -> URLPolicy {
        guard let url = Bundle.module.url(forResource: "url-policy", withExtension: "yaml") else {
            throw DataFileError(file: "url-policy.yaml", line: nil, message: "missing from the bundle")
        }
        return try load(file: url)
    }

    public static func load(file: URL) throws -> URLPolicy {
        let node = try YAMLFile.load(file)
        let map = try node.requireMapping()
        func strings(_ key: String) throws -> [String] {
            try map.require(key).requireSequence().map { try $0.requireString().lowercased() }
        }
        func int(_ traps: YAMLMapping, _ key: String) throws -> Int {
            let value = try traps.require(key)
            guard let number = Int(try value.requireString()), number > 0 else {
                throw value.error("`\(key)` must be a positive whole number")
            }
            return number
        }
        let drop = try strings("dropParameters")
        let traps = try map.require("traps").requireMapping()
        return URLPolicy(
            dropParameters: Set(drop.filter { !$0.hasSuffix("*") }),
            dropParameterPrefixes: drop.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) },
            dropPathParameters: Set(try strings("dropPathParameters")),
            calendarParameters: Set(try strings("calendarParameters")),
            pageParameters: Set(try strings("pageParameters")),
            pagerSegments: Set(try strings("pagerSegments")),
            documentExtensions: Set(try strings("documentExtensions")),
            ignoredExtensions: Set(try strings("ignoredExtensions")),
            traps: Traps(maxCalendarVariants: try int(traps, "maxCalendarVariants"),
                         maxRepeatedSegment: try int(traps, "maxRepeatedSegment"),
                         maxPathSegments: try int(traps, "maxPathSegments"),
                         maxQueryVariantsPerPath: try int(traps, "maxQueryVariantsPerPath"),
                         maxURLLength: try int(traps, "maxURLLength")))
    }

    func dropsParameter(_ name: String) -> Bool {
        let lower = name.lowercased()
        return dropParameters.contains(lower) || dropParameterPrefixes.contains { lower.hasPrefix($0) }
    }
}
