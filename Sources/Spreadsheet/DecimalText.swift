import Foundation

/// Numbers as Vietnamese documents write them: `.` groups thousands, `,` is the
/// decimal mark ("1.234" = 1234, "95,3", "1.234,5"). The one reader of every number
/// a person types (self-reports, totals, overrides, criteria) and the one formatter
/// of every number a person reads.
public enum DecimalText {
    /// Why a text is not a number, for the error message.
    public struct Refusal: Error, Equatable, Sendable {
        public let text: String
        public let reason: String

        public init(text: String, reason: String) {
            self.text = text
            self.reason = reason
        }
    }

    /// Reads a number; `percent` also takes "85%" and "85 %" (the value stays 85).
    /// A point is a thousands separator when it stands before groups of three
    /// digits ("1.234"), a decimal point where it cannot be one ("95.3", "0.85").
    /// Anything that could be read two ways ("1,234.5", "1,234,567") is refused.
    public static func read(_ raw: String, percent: Bool = false) throws -> Double {
        var text = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{A0}")))
        func refuse(_ reason: String) -> Refusal { Refusal(text: raw, reason: reason) }
        if text.hasSuffix("%") {
            guard percent else { throw refuse("không dùng % ở đây (no percent sign expected here)") }
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{A0}")))
        }
        guard !text.isEmpty else { throw refuse("ô trống (empty)") }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else {
            throw refuse("không phải số (not a number)")
        }
        let commas = text.filter { $0 == "," }.count
        guard commas <= 1 else { throw refuse("nhiều dấu phẩy: không rõ phần thập phân (several commas: ambiguous)") }
        var whole = text, fraction = ""
        if commas == 1 {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            whole = String(parts[0]); fraction = String(parts[1])
            guard !fraction.contains(".") else {
                throw refuse("dấu chấm sau dấu phẩy: không rõ cách viết (a point after the comma: ambiguous)")
            }
            guard !fraction.isEmpty, !whole.isEmpty else { throw refuse("thiếu chữ số quanh dấu phẩy (digits missing around the comma)") }
            guard !whole.contains(".") || isGrouped(whole) else {
                throw refuse("dấu chấm phải ngăn nhóm ba chữ số (points must group thousands: 1.234,5)")
            }
        } else if whole.contains(".") {
            if isGrouped(whole) {
                // "1.234", "12.500.000": thousands, as Vietnamese writes them.
            } else if whole.filter({ $0 == "." }).count == 1 {
                let parts = whole.split(separator: ".", omittingEmptySubsequences: false)
                guard !parts[0].isEmpty, !parts[1].isEmpty else { throw refuse("thiếu chữ số quanh dấu chấm (digits missing around the point)") }
                whole = String(parts[0]); fraction = String(parts[1])
            } else {
                throw refuse("dấu chấm phải ngăn nhóm ba chữ số (points must group thousands: 1.234.567)")
            }
        }
        let digits = whole.filter { $0 != "." }
        guard !digits.isEmpty, let value = Double(digits + (fraction.isEmpty ? "" : "." + fraction)) else {
            throw refuse("không phải số (not a number)")
        }
        return negative ? -value : value
    }

    /// A number or nil, for files whose errors are located by the caller.
    public static func parse(_ text: String, percent: Bool = false) -> Double? {
        try? read(text, percent: percent)
    }

    /// "1.234", "12.500.000": a first group of one to three digits (not a lone 0),
    /// then groups of exactly three.
    static func isGrouped(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count), !(first.hasPrefix("0")) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) } && first.allSatisfy(\.isNumber)
    }

    /// Formats `units` (a value times 10^decimals) with a decimal comma: 953, 1 → "95,3".
    public static func format(units: Int, decimals: Int) -> String {
        guard decimals > 0 else { return String(units) }
        let scale = powerOfTen(decimals)
        let sign = units < 0 ? "-" : ""
        let whole = abs(units) / scale
        let fraction = String(abs(units) % scale)
        return "\(sign)\(whole),\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }

    /// Rounds a value to integer units of 10^-decimals, halves away from zero as on
    /// paper: sums of points carry binary noise (6,05 may be 6,04999…), which is
    /// removed at a far finer precision first.
    public static func units(_ value: Double, decimals: Int) -> Int {
        let scaled = value * Double(powerOfTen(decimals))
        return Int(((scaled * 1e6).rounded() / 1e6).rounded(.toNearestOrAwayFromZero))
    }

    public static func powerOfTen(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }

    /// A figure for people: up to three decimals, trailing zeros dropped, decimal comma (0,85; 12; 4,5).
    public static func plain(_ value: Double) -> String {
        let units = self.units(value, decimals: 3)
        var text = format(units: units, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A fixed number of decimals: 95.3 → "95,3" (digits 1).
    public static func fixed(_ value: Double, digits: Int) -> String {
        format(units: units(value, decimals: digits), decimals: digits)
    }

    /// Counts whole, anything else with one decimal: the figures of reports and flags.
    public static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : fixed(value, digits: 1)
    }
}
