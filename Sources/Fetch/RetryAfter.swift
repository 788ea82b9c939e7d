import CCurl
import Foundation

/// How long a 429/503 answer asks us to leave the host alone.
enum RetryAfter {
    /// Seconds to pause, capped; nil when the answer does not ask for a pause.
    static func pause(for exchange: Exchange, cap: Double, now: Date = Date()) -> Double? {
        guard exchange.status == 429 || exchange.status == 503,
              let value = exchange.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        return seconds(value, now: now).map { min(max($0, 0), cap) }
    }

    /// `Retry-After` is either delta-seconds or an HTTP date.
    static func seconds(_ value: String, now: Date) -> Double? {
        if let delta = Double(value) { return delta }
        let date = curl_getdate(value, nil)
        guard date >= 0 else { return nil }
        return Double(date) - now.timeIntervalSince1970
    }
}
