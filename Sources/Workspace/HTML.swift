import Report

/// Markup that can only be built through escaping: every interpolated `String` (a portal's
/// title, a page's text, a report's value, a user's reason) is escaped here and nowhere else;
/// only literals written in this target and other `HTML` values are kept as they are.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    public init(stringLiteral literal: String) {
        rendered = literal
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.rendered
    }

    public var description: String { rendered }

    public struct StringInterpolation: StringInterpolationProtocol {
        var rendered = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            rendered.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { rendered += literal }
        public mutating func appendInterpolation(_ text: String) { rendered += HTML.escape(text) }
        public mutating func appendInterpolation(_ number: Int) { rendered += String(number) }
        public mutating func appendInterpolation(_ markup: HTML) { rendered += markup.rendered }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { rendered += part.rendered } }
    }

    /// Escapes for text and for quoted attribute values alike: the reports' one escaping.
    public static func escape(_ text: String) -> String { Markup.escape(text) }

    /// Escaped, and every non-ASCII character written as a reference: safe inside a page of any charset.
    public static func asciiEscape(_ text: String) -> String {
        var result = ""
        for scalar in escape(text).unicodeScalars {
            if scalar.isASCII { result.unicodeScalars.append(scalar) } else { result += "&#\(scalar.value);" }
        }
        return result
    }
}
