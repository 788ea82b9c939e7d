/// A followable link found in a page.
public struct HTMLLink: Hashable, Sendable {
    public var url: String
    /// Anchor text (or image alt/title when the anchor has no text).
    public var text: String
    public var kind: Kind
    public var rel: String?
    public var title: String?

    public enum Kind: String, Sendable {
        case anchor, area, frame, next, previous, refresh
    }

    public init(url: String, text: String, kind: Kind, rel: String? = nil, title: String? = nil) {
        self.url = url
        self.text = text
        self.kind = kind
        self.rel = rel
        self.title = title
    }
}

/// A heading of the page.
public struct HTMLHeading: Sendable, Hashable {
    public var level: Int
    public var text: String

    public init(level: Int, text: String) {
        self.level = level
        self.text = text
    }
}
