/// What a listing page's dates say about the entries a pager hides. Lists
/// are newest first: when the page's dated entries run in descending order
/// and already reach before the audit year, the next pages hold older news
/// only, and a pager the crawl cannot follow hides nothing of the year.
enum ListingOrder {
    /// Whether the entries after the last one (dates in page order) may still
    /// fall in `year`: undated or unordered entries may, the page cannot tell.
    static func mayContinueInto(year: Int, dates: [FoundDate]) -> Bool {
        guard let oldest = dates.last else { return true }
        let ordered = zip(dates, dates.dropFirst()).allSatisfy { newer, older in
            (newer.year, newer.month, newer.day) >= (older.year, older.month, older.day)
        }
        return !ordered || oldest.year >= year
    }
}
