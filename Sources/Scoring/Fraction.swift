/// An exact rational, so that averages of decimal scores truncate and round as
/// written on paper (a mean of exactly 85 must not become 84,999… and truncate to 84).
public struct Fraction: Equatable {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "zero denominator")
        let sign = denominator < 0 ? -1 : 1
        self.numerator = numerator * sign
        self.denominator = denominator * sign
    }

    public static func - (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public func divided(by n: Int) -> Fraction { Fraction(numerator, denominator * n) }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// Drops the fraction, toward zero: 82,97 → 82 and -3,7 → -3.
    public var truncated: Int { numerator / denominator }

    /// Nearest integer, halves away from zero: 8,33 → 8, 16,67 → 17, 2,5 → 3.
    public var rounded: Int {
        let twice = 2 * abs(numerator) + denominator
        let magnitude = twice / (2 * denominator)
        return numerator < 0 ? -magnitude : magnitude
    }
}
