import Fetch
import Foundation

/// The time one target may take. A stalled or dripping portal runs out its
/// own box and ends `partial`/`unreachable`; it never holds up the others.
struct TimeBox: Sendable {
    let deadline: Date?

    init(seconds: Double?, from start: Date) {
        deadline = seconds.map { start.addingTimeInterval($0) }
    }

    var isOver: Bool { deadline.map { Date() >= $0 } ?? false }

    /// Fetches, cancelling the transfer when the box ends first.
    func fetch(_ request: FetchRequest, with fetcher: Fetcher) async -> FetchResult {
        guard let deadline else { return await fetcher.fetch(request) }
        let overrun = FetchError(kind: .timeout, message: Self.overrunMessage, url: request.url)
        guard deadline > Date() else { return .failure(overrun) }
        return await withTaskGroup(of: FetchResult?.self) { group in
            group.addTask { await fetcher.fetch(request) }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(max(0, deadline.timeIntervalSinceNow) * 1e9))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(overrun)
        }
    }

    private static let overrunMessage = "the target's time box ended"

    static func isOverrun(_ error: FetchError) -> Bool { error.message == overrunMessage }
}
