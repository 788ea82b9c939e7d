import DataFile
import Foundation
import Spreadsheet
import Vocabulary

/// What the crawl measured (measurements.json), read leniently: unknown fields are
/// ignored and optional ones may be missing.
public struct Measurements: Decodable, Equatable {
    public struct Section: Decodable, Equatable {
        public let item: String
        public let state: ItemState
        public let url: String?
        public let evidence: String?

        public init(item: String, state: ItemState, url: String?, evidence: String?) {
            self.item = item
            self.state = state
            self.url = url
            self.evidence = evidence
        }
    }

    public struct Count: Decodable, Equatable {
        public let count: Int?
        /// The crawler's own mark: a lower bound (a pager it could not follow).
        public let partial: Bool?
        /// Documents only: those the agency issued itself, and why it is null.
        public let own: Int?
        public let ownReason: String?

        public init(count: Int?, partial: Bool? = nil, own: Int? = nil, ownReason: String? = nil) {
            self.count = count
            self.partial = partial
            self.own = own
            self.ownReason = ownReason
        }
    }

    public struct Services: Decodable, Equatable {
        public let level3: Int?
        public let level4: Int?
        public let total: Int?

        public init(level3: Int?, level4: Int?, total: Int?) {
            self.level3 = level3
            self.level4 = level4
            self.total = total
        }
    }

    public struct Target: Decodable, Equatable {
        public let id: String
        public let name: String?
        public let tier: Tier?
        public let status: CrawlStatus?
        public let reason: String?
        public let pagesFetched: Int?
        public let sections: [Section]?
        public let news: Count?
        public let documents: Count?
        public let services: Services?

        public init(id: String, name: String?, tier: Tier?, status: CrawlStatus?, reason: String?, pagesFetched: Int?,
                    sections: [Section]?, news: Count?, documents: Count?, services: Services?) {
            self.id = id
            self.name = name
            self.tier = tier
            self.status = status
            self.reason = reason
            self.pagesFetched = pagesFetched
            self.sections = sections
            self.news = news
            self.documents = documents
            self.services = services
        }
    }

    /// The audited year (absent in hand-written files).
    public var year: Int? = nil
    public let targets: [Target]

    public init(year: Int? = nil, targets: [Target]) {
        self.year = year
        self.targets = targets
    }

    public func target(_ id: String) -> Target? { targets.first { $0.id == id } }

    public static func load(_ url: URL) throws -> Measurements {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataFileError(file: url.path, message: "không đọc được tệp (cannot read the file: \(FileProblem.describe(error)))")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DataFileError(file: url.path, line: Self.line(of: error, in: data), message: "JSON hỏng (broken JSON): \(Self.describe(error))")
        }
        do {
            return try JSONDecoder().decode(Measurements.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.keyNotFound(_, context), let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw DataFileError(file: url.path, line: 1, message: "JSON sai cấu trúc tại '\(path)' (\(context.debugDescription))")
        }
    }

    /// Foundation's parser says where it stopped: "around line 3, column 5" or "around character 25".
    private static func line(of error: Error, in data: Data) -> Int {
        let message = describe(error)
        if let range = message.range(of: #"line \d+"#, options: .regularExpression) {
            return Int(message[range].dropFirst(5)) ?? 1
        }
        guard let range = message.range(of: #"character \d+"#, options: .regularExpression),
              let offset = Int(message[range].dropFirst(10)) else { return 1 }
        return 1 + data.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count
    }

    private static func describe(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}

/// A measured figure, or why there is none a person could rely on.
public enum MeasuredFigure: Equatable {
    case value(Double, evidence: [String])
    /// A lower bound ("ít nhất 11"): it confirms a reported figure up to its value, never replaces a higher one.
    case atLeast(Double, evidence: [String])
    case inconclusive(reason: String, evidence: [String])

    /// The measured number, exact or a lower bound.
    public var number: Double? {
        switch self {
        case .value(let v, _), .atLeast(let v, _): return v
        case .inconclusive: return nil
        }
    }

    public var isLowerBound: Bool { if case .atLeast = self { return true } else { return false } }

    public var evidence: [String] {
        switch self {
        case .value(_, let e), .atLeast(_, let e), .inconclusive(_, let e): return e
        }
    }
}

/// Why a portal could not be audited: its web criteria follow the criteria's `unaudited` rule.
public enum UnauditedReason: String, Equatable, Sendable {
    case unreachable, blocked
    /// The crawl saw no page it could judge.
    case nothingSeen = "nothing-seen"
    /// The agency has no measurement at all tonight.
    case notMeasured = "not-measured"
}

extension Measurements.Target {
    /// Why the portal could not be audited, or nil when it was.
    public var unaudited: UnauditedReason? {
        switch status {
        case .unreachable?: return .unreachable
        case .blocked?: return .blocked
        case .ok?, .partial?, nil: return pagesFetched == 0 ? .nothingSeen : nil
        }
    }

    /// The figure for `input`. Counts from a partial crawl, or marked partial by the
    /// crawler, are lower bounds; a section state is trusted on its own, since
    /// "absent" is only said after the pages that would hold it were fetched.
    func figure(for input: InputSpec) -> MeasuredFigure? {
        guard let measured = input.measured else { return nil }
        if let unaudited {
            let reason = unaudited == .nothingSeen ? "không đọc được trang nào của cổng" : "cổng không truy cập được (\(unaudited.rawValue))"
            return .inconclusive(reason: reason, evidence: [])
        }
        switch measured {
        case .sections(let items):
            let found = items.map { item in sections?.first { $0.item == item } }
            let evidence = found.compactMap { $0?.url }
            let unknown = zip(items, found).filter { $0.1 == nil || $0.1!.state == .inconclusive }.map(\.0)
            guard unknown.isEmpty else {
                return .inconclusive(reason: "chưa xác định được mục: \(unknown.joined(separator: ", "))", evidence: evidence)
            }
            return .value(Double(found.filter { $0?.state == .present }.count), evidence: evidence)
        case .field(let field):
            let evidence = input.evidenceItem.flatMap { item in sections?.first { $0.item == item }?.url }.map { [$0] } ?? []
            guard let count = count(field) else {
                // documents.own is null when the pages do not tell who issued a document.
                let why = field == .documentsOwn ? documents?.ownReason.map { ": \($0)" } ?? "" : ""
                return .inconclusive(reason: "không có số đo \(field.rawValue)" + why, evidence: evidence)
            }
            if status == .partial || marked(field) { return .atLeast(Double(count), evidence: evidence) }
            return .value(Double(count), evidence: evidence)
        }
    }

    /// Where measurements.json holds each measured field.
    func count(_ field: MeasuredField) -> Int? {
        switch field {
        case .newsCount: news?.count
        case .documentsCount: documents?.count
        case .documentsOwn: documents?.own
        case .servicesLevel3: services?.level3
        case .servicesLevel4: services?.level4
        case .servicesTotal: services?.total
        }
    }

    /// The crawler's own lower-bound mark on the field (a pager it could not follow).
    func marked(_ field: MeasuredField) -> Bool {
        switch field {
        case .newsCount: news?.partial ?? false
        case .documentsCount, .documentsOwn: documents?.partial ?? false
        case .servicesLevel3, .servicesLevel4, .servicesTotal: false
        }
    }
}
