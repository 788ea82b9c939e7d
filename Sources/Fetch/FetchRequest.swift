/// A GET request. Conditional requests simply carry `If-None-Match` or
/// `If-Modified-Since` in `headers`; a 304 answer is a success.
public struct FetchRequest: Sendable {
    public var url: String
    public var headers: [(name: String, value: String)]

    public init(url: String, headers: [(name: String, value: String)] = []) {
        self.url = url
        self.headers = headers
    }
}
