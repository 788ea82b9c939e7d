/// Recognises article URLs of the known portal platforms and gives each
/// article a key that survives categories and tracking parameters.
struct ArticleShapes: Sendable {
    let shapes: [(platform: String, shape: URLShape)]
    let listing: [URLShape]
    let keys: URLKeyMaker

    init(vocabulary: NewsVocabulary, keys: URLKeyMaker) {
        shapes = vocabulary.articleShapes.map { ($0.platform, URLShape($0.shape)) }
        listing = vocabulary.listingShapes.map(URLShape.init)
        self.keys = keys
    }

    /// The article key ("slug-plus-id:host:123456"), or nil when the URL is
    /// not an article.
    func key(of url: String) -> String? {
        guard let parts = URLParts(url) else { return nil }
        let text = parts.shapeText
        if listing.contains(where: { $0.match(text) != nil }) { return nil }
        for (platform, shape) in shapes {
            guard let id = shape.match(text) else { continue }
            return id.isEmpty ? "\(platform):" + keys.key(url) : "\(platform):\(parts.host):\(id)"
        }
        return nil
    }
}
