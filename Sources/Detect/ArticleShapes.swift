import TextNormalization

/// Recognises article URLs of the known portal platforms and gives each
/// article a key that survives categories and tracking parameters; reads
/// the weaker hints other URLs give (an id parameter, a slug).
struct ArticleShapes: Sendable {
    let shapes: [(platform: String, shape: URLShape)]
    let listing: [URLShape]
    let keys: URLKeyMaker
    let idParameters: Set<String>
    let genericIdParameters: Set<String>
    let minSlugWords: Int
    let notArticlePaths: Set<Substring>
    /// Each of `notArticlePaths` with its "-", as the segments starting with one begin.
    let notArticlePrefixes: [String]

    /// What a URL says of the page behind it.
    struct Reading {
        /// The article key of a known platform shape ("slug-plus-id:host:123456").
        var key: String?
        /// A pager or listing shape ("/trang-2.html"): never an article.
        var isListing = false
        /// A number names the page: an article id parameter (ArticleId=1234) or an all-digit segment.
        var idHint = false
        /// A generic id parameter names it ("id=12:alias", "p=5").
        var genericIdHint = false
        /// The last segment is a slug of several words.
        var slugHint = false
        /// A path word of pages that are not news (hỏi đáp, lịch công tác…).
        var notArticle = false
        /// Where such URLs live: host, path without its last segment and the
        /// query's parameter names; an article confirmed there vouches for its siblings.
        var family = 0
        /// The home page.
        var isRoot = false
    }

    let pageParameters: Set<String>

    init(vocabulary: NewsVocabulary, keys: URLKeyMaker) {
        pageParameters = Set(vocabulary.pageParameters.map { $0.lowercased() })
        shapes = vocabulary.articleShapes.map { ($0.platform, URLShape($0.shape)) }
        listing = vocabulary.listingShapes.map(URLShape.init)
        self.keys = keys
        idParameters = Set(vocabulary.article.idParameters.map { $0.lowercased() })
        genericIdParameters = Set(vocabulary.article.genericIdParameters.map { $0.lowercased() })
        minSlugWords = vocabulary.article.minSlugWords
        notArticlePaths = Set(vocabulary.article.notArticlePaths.map { Substring($0.lowercased()) })
        notArticlePrefixes = notArticlePaths.map { $0 + "-" }
    }

    /// The article key ("slug-plus-id:host:123456"), or nil when the URL is
    /// not an article of a known shape.
    func key(of url: String) -> String? {
        guard let parts = URLParts(url) else { return nil }
        return key(parts, parts.shapeText)
    }

    private func key(_ parts: URLParts, _ text: [UInt8]) -> String? {
        if listing.contains(where: { $0.match(text) != nil }) { return nil }
        return articleKey(parts, text)
    }

    /// The key of the first article shape `text` fits, listing shapes aside.
    private func articleKey(_ parts: URLParts, _ text: [UInt8]) -> String? {
        for (platform, shape) in shapes {
            guard let id = shape.match(text) else { continue }
            return id.isEmpty ? "\(platform):" + keys.key(parts) : "\(platform):\(parts.host):\(id)"
        }
        return nil
    }

    func read(_ parts: URLParts) -> Reading {
        let text = parts.shapeText
        var reading = Reading()
        reading.isListing = listing.contains { $0.match(text) != nil }
        if !reading.isListing { reading.key = articleKey(parts, text) }
        let path = parts.path.lowercased()
        var segments = path.split(separator: "/")
        // A static site's slug folder: "/tin-tuc/hoi-nghi-…/index.html" is the folder's page.
        if segments.count >= 2, ["index.html", "index.htm"].contains(segments[segments.count - 1]) { segments.removeLast() }
        let rootFile = segments.count == 1 && (segments[0].hasPrefix("index.") || segments[0] == "default.aspx")
        reading.isRoot = (segments.isEmpty || rootFile) && parts.query == nil
        var names: [Substring] = []
        var pageParameter = false
        if let query = parts.query?.lowercased() {
            for pair in query.split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = nameValue[0]
                guard !keys.tracking.contains(String(name)), !name.hasPrefix("utm_") else { continue }
                names.append(name)
                if isPageParameter(name) { pageParameter = true }
                // "id=12:hoi-nghi" (Joomla) counts: the number leads, the alias names the page.
                let isID = idParameters.contains(String(name))
                if nameValue.count == 2, isID || genericIdParameters.contains(String(name)),
                   let first = nameValue[1].utf8.first, first >= 48, first <= 57 {
                    if isID { reading.idHint = true } else { reading.genericIdHint = true }
                    if let colon = nameValue[1].firstIndex(of: ":") {
                        let alias = nameValue[1][nameValue[1].index(after: colon)...]
                        // A long alias is an article's slug, whatever its first words.
                        if alias.split(separator: "-").count < minSlugWords, isNotArticle(alias) { reading.notArticle = true }
                    }
                }
            }
        }
        for (index, segment) in segments.enumerated() {
            let stem = segment.split(separator: ".").first ?? segment
            if stem.count >= 3, stem.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { reading.idHint = true }
            let words = stem.split(separator: "-")
            let isSlug = words.count >= minSlugWords && stem.utf8.contains { $0 >= 97 && $0 <= 122 }
            if index == segments.count - 1 {
                reading.slugHint = isSlug
                // An article's own slug may start with any word ("gioi-thieu-san-pham-ocop…").
                if isSlug { continue }
            }
            if isNotArticle(stem) { reading.notArticle = true }
        }
        // "?page=2", "&limitstart=10": a listing's page ("/?p=123" alone is a WordPress post).
        if pageParameter, !(names == ["p"]) { reading.isListing = true }
        var hasher = Hasher()
        hasher.combine(parts.host)
        hasher.combine(segments.dropLast())
        for name in names.sorted() { hasher.combine(name) }
        reading.family = hasher.finalize()
        return reading
    }

    private func isPageParameter(_ name: Substring) -> Bool {
        if pageParameters.contains(String(name)) { return true }
        guard let underscore = name.lastIndex(of: "_") else { return false }
        return pageParameters.contains(String(name[name.index(after: underscore)...]))
    }

    /// A path word of pages that are not news, or a segment starting with one.
    private func isNotArticle(_ stem: Substring) -> Bool {
        notArticlePaths.contains(stem) || notArticlePrefixes.contains { stem.hasPrefix($0) }
            || stem.split(separator: "-").contains { notArticlePaths.contains($0) }
    }

}
