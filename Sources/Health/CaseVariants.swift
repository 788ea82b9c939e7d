/// The reverse of lower-casing: for a scalar, the other scalars that
/// `lowercased()` turns into it ("Ổ" and "ổ" → "ổ"; the Kelvin sign → "k";
/// "İ", lowered to "i" and a combining dot, → "i"). Lets a search for
/// lower-case terms run on text as written instead of lower-casing it first.
/// Built once from the Unicode properties of every scalar.
final class CaseVariants: Sendable {
    static let shared = CaseVariants()

    /// The scalars whose lower case is, or starts with, each scalar.
    private let variants: [Unicode.Scalar: [Unicode.Scalar]]
    /// The scalars found after the first in a lower case of several scalars
    /// (the combining dot of "i̇"): text as written never shows them where the
    /// lowered text has them.
    let tails: Set<Unicode.Scalar>

    private init() {
        var variants: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var tails = Set<Unicode.Scalar>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { continue }
            let lower = Array(scalar.properties.lowercaseMapping.unicodeScalars)
            guard let first = lower.first else { continue }
            variants[first, default: []].append(scalar)
            tails.formUnion(lower.dropFirst())
        }
        self.variants = variants
        self.tails = tails
    }

    /// The scalars other than `scalar` that lower-case to it (or to it and more).
    func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        variants[scalar] ?? []
    }
}
