import Foundation

/// A label made of parts joined by "-", ",", "và", "&" names the same
/// section whatever the order of its parts: portals write «Kế hoạch -
/// Chương trình» as often as «Chương trình, kế hoạch».
enum LabelOrders {
    /// The label, then its other orders (for two or three parts; longer
    /// enumerations are written in one order).
    static func of(_ label: String, joiners: [String]) -> [String] {
        var parts = [label]
        for joiner in joiners {
            parts = parts.flatMap { $0.components(separatedBy: joiner) }
        }
        let trimmed = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard trimmed.count == 2 || trimmed.count == 3 else { return [label] }
        return [label] + permutations(trimmed).dropFirst().map { $0.joined(separator: ", ") }
    }

    private static func permutations(_ items: [String]) -> [[String]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[String]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
