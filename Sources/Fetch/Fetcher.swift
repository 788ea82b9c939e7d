import Foundation

/// HTTP client for the crawler: many transfers at once over libcurl's multi
/// interface, polite per host (connection limit, a rest per connection
/// after each response, Retry-After pauses), with redirects followed here so every hop is recorded,
/// bounded retries with exponential backoff, size caps and decoded text.
/// Cancelling the calling task ends its fetch with a `network` error.
///
///     try await Fetcher.withFetcher { fetcher in
///         switch await fetcher.fetch(FetchRequest(url: "https://example.gov.vn/")) { … }
///     }
///
/// Its transfer thread lives for the scope of `withFetcher`, which waits for
/// libcurl's cleanup before it returns.
public final class Fetcher: Sendable {
    private let configuration: FetchConfiguration
    private let engine: TransferEngine

    private init(configuration: FetchConfiguration) {
        self.configuration = configuration
        engine = TransferEngine(configuration: configuration)
    }

    /// Runs `body` with a fetcher and shuts the fetcher down when `body` ends,
    /// however it ends; fetches still running then fail with a network error.
    public static func withFetcher<Result>(configuration: FetchConfiguration = .init(),
                                           isolation: isolated (any Actor)? = #isolation,
                                           _ body: (Fetcher) async throws -> Result) async rethrows -> Result {
        let fetcher = Fetcher(configuration: configuration)
        do {
            let result = try await body(fetcher)
            await fetcher.engine.shutdown()
            return result
        } catch {
            await fetcher.engine.shutdown()
            throw error
        }
    }

    /// A safety net only: a fetcher that escaped its scope stops its thread without waiting.
    deinit { engine.requestStop() }

    public func fetch(_ request: FetchRequest) async -> FetchResult {
        guard let start = CurlURL(request.url), start.isHTTP else {
            return .failure(FetchError(kind: .scheme, message: "only http and https URLs are fetched", url: request.url))
        }
        var current = start
        var visited: Set<String> = [start.string]
        var hops: [RedirectHop] = []
        while true {
            let exchange: Exchange
            switch await performWithRetries(current, headers: request.headers) {
            case .failure(let failure):
                return fail(FetchError(kind: failure.kind, message: failure.message, url: current.string), host: current)
            case .success(let value):
                exchange = value
            }
            let response = { [hops] in FetchResponse(requestURL: request.url, exchange: exchange, redirects: hops) }
            guard exchange.isRedirect, let location = exchange.header("Location") else {
                guard exchange.status < 400 else {
                    return fail(FetchError(kind: .httpStatus, message: "HTTP \(exchange.status)", url: current.string,
                                           status: exchange.status, response: response()), host: current)
                }
                return .success(response())
            }
            hops.append(RedirectHop(url: current.string, status: exchange.status, location: location, headers: exchange.headers))
            guard let next = CurlURL(resolving: location, against: current.string), next.isHTTP else {
                return fail(FetchError(kind: .scheme, message: "redirect to a non-http(s) or malformed URL: \(location)",
                                       url: current.string, status: exchange.status, response: response()), host: current)
            }
            guard hops.count <= configuration.maxRedirects, visited.insert(next.string).inserted else {
                let reason = hops.count > configuration.maxRedirects
                    ? "more than \(configuration.maxRedirects) redirects" : "redirect back to \(next.string)"
                return fail(FetchError(kind: .redirectLoop, message: reason, url: current.string,
                                       status: exchange.status, response: response()), host: current)
            }
            current = next
        }
    }

    /// The scheduling key of a URL, "host:port" with the default port filled in
    /// (e.g. "sonla.gov.vn:443"); nil for URLs that are not http(s).
    public static func hostKey(for url: String) -> String? {
        CurlURL(url).flatMap { $0.isHTTP ? $0.hostKey : nil }
    }

    /// Overrides politeness for one `host:port` (see `hostKey(for:)`): target
    /// settings, robots.txt Crawl-delay.
    public func setHostPolicy(host: String, connections: Int? = nil, delayMilliseconds: Int? = nil) {
        engine.withScheduler(wake: true) {
            $0.setPolicy(hostKey: host.lowercased(), connections: connections,
                         delaySeconds: delayMilliseconds.map { Double($0) / 1000 })
        }
    }

    /// Counters for one `host:port` (see `hostKey(for:)`).
    public func statistics(host: String) -> HostStatistics {
        engine.withScheduler { $0.statistics(hostKey: host.lowercased()) }
    }

    /// One hop, asked again after transient failures (timeouts, resets, 5xx, 429)
    /// with exponential backoff; a Retry-After pause is waited out by the scheduler instead.
    private func performWithRetries(_ url: CurlURL, headers: [(name: String, value: String)]) async -> ExchangeResult {
        var attempt = 0
        while true {
            let result = await engine.perform(url: url.string, hostKey: url.hostKey, headers: headers)
            guard attempt < configuration.maxRetries, Self.isTransient(result), !Task.isCancelled else { return result }
            attempt += 1
            engine.withScheduler { $0.recordRetry(hostKey: url.hostKey) }
            let pausedByServer = (try? result.get()).flatMap { RetryAfter.pause(for: $0, cap: configuration.retryAfterCapSeconds) } != nil
            if !pausedByServer {
                let backoff = configuration.retryBackoffSeconds * pow(2, Double(attempt - 1))
                try? await Task.sleep(nanoseconds: UInt64(backoff * 1e9))
            }
        }
    }

    private static func isTransient(_ result: ExchangeResult) -> Bool {
        switch result {
        case .success(let exchange): return exchange.isTransient
        case .failure(let failure): return failure.isTransient
        }
    }

    private func fail(_ error: FetchError, host: CurlURL) -> FetchResult {
        // A fetch abandoned by its caller says nothing about the host.
        if !Task.isCancelled {
            engine.withScheduler { $0.recordError(hostKey: host.hostKey, kind: error.kind) }
        }
        return .failure(error)
    }
}
