/// The reverse of lower-casing: for a scalar, the other scalars that
/// `lowercased()` turns into it ("Ổ" → "ổ"; the Kelvin sign → "k"; "İ",
/// lowered to "i" and a combining dot, → "i"). Lets a search for lower-case
/// terms run on text as written instead of lower-casing it first.
enum CaseVariants {
    /// The scalars whose lower case is no upper or title case of it: Unicode's
    /// many-to-one lower-casings. The tests check every scalar against them.
    private static let manyToOne: [Unicode.Scalar] = ["\u{0130}", "\u{03F4}", "\u{1E9E}", "\u{2126}", "\u{212A}", "\u{212B}"]

    /// The scalars found after the first in a lower case of several scalars
    /// (the combining dot of "i̇"): text as written never shows them where the
    /// lowered text has them.
    static let tails: Set<Unicode.Scalar> = Set(manyToOne.flatMap { $0.properties.lowercaseMapping.unicodeScalars.dropFirst() })

    /// The scalars other than `scalar` whose lower case is, or starts with, it.
    static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var found: [Unicode.Scalar] = []
        let mapped = [scalar.properties.uppercaseMapping, scalar.properties.titlecaseMapping].compactMap { mapping in
            mapping.unicodeScalars.count == 1 ? mapping.unicodeScalars.first : nil
        }
        for candidate in mapped + manyToOne where candidate != scalar && !found.contains(candidate)
            && candidate.properties.lowercaseMapping.unicodeScalars.first == scalar {
            found.append(candidate)
        }
        return found
    }
}
