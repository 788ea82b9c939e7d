import Foundation

/// Numbers as Vietnamese documents write them ("95,3") and as spreadsheets may ("95.3").
public enum DecimalText {
    /// Parses a number with a decimal comma or point; nil when the text is not a number.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
              trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "-") }),
              trimmed.filter({ $0 == "," || $0 == "." }).count <= 1 else { return nil }
        return Double(trimmed.replacingOccurrences(of: ",", with: "."))
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

    static func powerOfTen(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}

extension DecimalText {
    /// A figure for people: up to three decimals, trailing zeros dropped, decimal comma (0,85; 12; 4,5).
    public static func plain(_ value: Double) -> String {
        let units = self.units(value, decimals: 3)
        var text = format(units: units, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
