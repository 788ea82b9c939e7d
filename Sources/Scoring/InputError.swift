import Foundation

/// A problem in a file the user wrote, located so it can be fixed: `FILE:LINE[:COLUMN]: message`.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let column: Int?
    public let message: String

    public init(file: String, line: Int, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let column { return "\(file):\(line):\(column): \(message)" }
        // Line 0: the file as a whole (missing, unreadable).
        return line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
