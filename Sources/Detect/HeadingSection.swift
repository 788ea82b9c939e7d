import HTML

/// The part of a page that a heading inside running content introduces:
/// the heading's following siblings up to the next heading or block title.
/// "Người phát ngôn" as an h2 over a table on a page titled otherwise, with
/// no wrapper of its own, still names what the table is.
enum HeadingSection {
    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Nil when nothing follows the heading before the next one.
    static func scope(of title: HTMLNode, titles: Set<HTMLNode>, baseURL: String) -> ContentScope? {
        guard let parent = title.parent else { return nil }
        let siblings = parent.children
        guard let start = siblings.firstIndex(of: title) else { return nil }
        var section: [HTMLNode] = []
        for sibling in siblings[(start + 1)...] {
            if headingTags.contains(sibling.name) || titles.contains(sibling)
                || titles.contains(where: { sibling.isAncestor(of: $0) }) { break }
            section.append(sibling)
        }
        let lines = section.flatMap(\.lines)
        guard !lines.isEmpty else { return nil }
        let kept = Set(section)
        let others = Set(siblings.filter { !kept.contains($0) })
        return ContentScope(node: parent, lines: lines, baseURL: baseURL, excluding: others)
    }
}
