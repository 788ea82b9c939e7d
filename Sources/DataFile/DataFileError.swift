/// A problem in a file a person wrote (targets, rules, criteria, figures),
/// located by file, line and column so it can be fixed.
public struct DataFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE[:COLUMN]: message`; without a line (nil or 0) the file as a whole
    /// is meant (missing, unreadable): `FILE: message`.
    public var description: String {
        var location = file
        if let line, line > 0 {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
