import DataFile
import Foundation

/// What the crawl measured (measurements.json), read leniently: unknown fields are
/// ignored and optional ones may be missing.
public struct Measurements: Decodable, Equatable {
    public struct Section: Decodable, Equatable {
        public let item: String
        public let state: String
        public let url: String?
        public let evidence: String?
    }

    public struct Count: Decodable, Equatable {
        public let count: Int?
        /// Documents only: those the agency issued itself, and why it is null.
        public let own: Int?
        public let ownReason: String?

        public init(count: Int?, own: Int? = nil, ownReason: String? = nil) {
            self.count = count
            self.own = own
            self.ownReason = ownReason
        }
    }

    public struct Services: Decodable, Equatable {
        public let level3: Int?
        public let level4: Int?
        public let total: Int?
    }

    public struct Target: Decodable, Equatable {
        public let id: String
        /// ok | partial | unreachable | blocked
        public let status: String?
        public let pagesFetched: Int?
        public let sections: [Section]?
        public let news: Count?
        public let documents: Count?
        public let services: Services?
    }

    public let targets: [Target]

    public func target(_ id: String) -> Target? { targets.first { $0.id == id } }

    public static func load(_ url: URL) throws -> Measurements {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataFileError(file: url.path, message: "không đọc được tệp (cannot read file)")
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
    case inconclusive(reason: String, evidence: [String])
}

extension Measurements.Target {
    /// The figure for `input`. Counts from a partial crawl are lower bounds, so they
    /// are inconclusive; a section state is trusted on its own, since "absent" is only
    /// said after the pages that would hold it were fetched.
    func figure(for input: InputSpec) -> MeasuredFigure? {
        guard let measured = input.measured else { return nil }
        if status == "unreachable" || status == "blocked" {
            return .inconclusive(reason: "cổng không truy cập được (\(status!))", evidence: [])
        }
        switch measured {
        case .sections(let items):
            let found = items.map { item in sections?.first { $0.item == item } }
            let evidence = found.compactMap { $0?.url }
            let unknown = zip(items, found).filter { $0.1 == nil || $0.1!.state == "inconclusive" }.map(\.0)
            guard unknown.isEmpty else {
                return .inconclusive(reason: "chưa xác định được mục: \(unknown.joined(separator: ", "))", evidence: evidence)
            }
            return .value(Double(found.filter { $0?.state == "present" }.count), evidence: evidence)
        case .field(let field):
            let evidence = input.evidenceItem.flatMap { item in sections?.first { $0.item == item }?.url }.map { [$0] } ?? []
            let counts: [String: Int?] = ["news.count": news?.count, "documents.count": documents?.count, "documents.own": documents?.own,
                                          "services.level3": services?.level3, "services.level4": services?.level4,
                                          "services.total": services?.total]
            guard let count = counts[field] ?? nil else {
                // documents.own is null when the pages do not tell who issued a document.
                let why = field == "documents.own" ? documents?.ownReason.map { ": \($0)" } ?? "" : ""
                return .inconclusive(reason: "không có số đo \(field)" + why, evidence: evidence)
            }
            if status == "partial" {
                return .inconclusive(reason: "thu thập chưa hết trang (partial): \(field) = \(count) chỉ là mức tối thiểu", evidence: evidence)
            }
            return .value(Double(count), evidence: evidence)
        }
    }
}
