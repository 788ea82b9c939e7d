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

    /// Rounds a value to integer units of 10^-decimals (half away from zero).
    public static func units(_ value: Double, decimals: Int) -> Int {
        Int((value * Double(powerOfTen(decimals))).rounded(.toNearestOrAwayFromZero))
    }

    static func powerOfTen(_ n: Int) -> Int { (0..<n).reduce(1) { acc, _ in acc * 10 } }
}
