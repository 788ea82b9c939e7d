/// A request waiting for its host's turn.
struct PendingExchange {
    let id: UInt64
    let url: String
    let headers: [(name: String, value: String)]
    let hostKey: String
    let continuation: CheckedContinuation<ExchangeResult, Never>
}

/// Decides which queued exchanges may start now: at most `connections` in
/// flight per host, at least `delay` between starts to one host, no start
/// while a host is paused (Retry-After), and a global cap. Not thread-safe;
/// the engine guards it with its lock. Times are monotonic seconds.
struct HostScheduler {
    private struct Host {
        var queue = FIFO<PendingExchange>()
        var inFlight = 0
        var nextStart = 0.0
        var pausedUntil = 0.0
        var connections: Int
        var delay: Double
        var statistics = HostStatistics()

        func earliestStart() -> Double { max(nextStart, pausedUntil) }
    }

    private var hosts: [String: Host] = [:]
    /// Hosts with queued exchanges, visited round-robin.
    private var waiting: [String] = []
    private var inFlightTotal = 0
    private let defaultConnections: Int
    private let defaultDelay: Double
    private let maxInFlight: Int

    init(connections: Int, delaySeconds: Double, maxInFlight: Int) {
        defaultConnections = max(1, connections)
        largestConnectionLimit = defaultConnections
        defaultDelay = max(0, delaySeconds)
        self.maxInFlight = max(1, maxInFlight)
    }

    /// The largest per-host connection limit in force (for libcurl's own guard).
    private(set) var largestConnectionLimit: Int

    mutating func enqueue(_ exchange: PendingExchange) {
        var host = takeHost(exchange.hostKey)
        if host.queue.isEmpty { waiting.append(exchange.hostKey) }
        host.queue.push(exchange)
        hosts[exchange.hostKey] = host
    }

    /// Removes and returns every exchange allowed to start at `now`.
    mutating func takeStartable(now: Double) -> [PendingExchange] {
        var started: [PendingExchange] = []
        var stillWaiting: [String] = []
        for key in waiting {
            var host = takeHost(key)
            while inFlightTotal < maxInFlight, host.inFlight < host.connections, host.earliestStart() <= now,
                  let next = host.queue.pop() {
                host.inFlight += 1
                host.nextStart = now + host.delay
                host.statistics.requests += 1
                inFlightTotal += 1
                started.append(next)
            }
            if !host.queue.isEmpty { stillWaiting.append(key) }
            hosts[key] = host
        }
        // Rotate so that hosts skipped for the global cap go first next time.
        if let first = stillWaiting.first, stillWaiting.count > 1, inFlightTotal >= maxInFlight {
            stillWaiting.removeFirst()
            stillWaiting.append(first)
        }
        waiting = stillWaiting
        return started
    }

    /// Seconds until a waiting host may start (nil: none waits on time alone).
    func secondsUntilNextStart(now: Double) -> Double? {
        guard inFlightTotal < maxInFlight else { return nil }
        return waiting.compactMap { key -> Double? in
            guard let host = hosts[key], host.inFlight < host.connections else { return nil }
            return max(0, host.earliestStart() - now)
        }.min()
    }

    mutating func finished(hostKey: String, bodyBytes: Int) {
        inFlightTotal -= 1
        update(hostKey) { host in
            host.inFlight -= 1
            host.statistics.bytes += bodyBytes
        }
    }

    /// Holds every request to the host until `until` (the server asked us to slow down).
    mutating func pause(hostKey: String, until: Double) {
        update(hostKey) { host in
            host.pausedUntil = max(host.pausedUntil, until)
            host.statistics.slowdowns += 1
        }
    }

    mutating func setPolicy(hostKey: String, connections: Int?, delaySeconds: Double?) {
        update(hostKey) { host in
            if let connections { host.connections = max(1, connections) }
            if let delaySeconds { host.delay = max(0, delaySeconds) }
        }
        if let connections { largestConnectionLimit = max(largestConnectionLimit, connections) }
    }

    mutating func recordRetry(hostKey: String) {
        update(hostKey) { $0.statistics.retries += 1 }
    }

    mutating func recordError(hostKey: String, kind: FetchErrorKind) {
        update(hostKey) { $0.statistics.errors[kind, default: 0] += 1 }
    }

    func statistics(hostKey: String) -> HostStatistics {
        hosts[hostKey]?.statistics ?? HostStatistics()
    }

    /// Takes a queued exchange out (its task was cancelled); nil when not queued.
    mutating func removePending(id: UInt64) -> PendingExchange? {
        for key in waiting {
            var host = takeHost(key)
            let removed = host.queue.remove { $0.id == id }
            hosts[key] = host
            if let removed {
                if host.queue.isEmpty { waiting.removeAll { $0 == key } }
                return removed
            }
        }
        return nil
    }

    /// Empties every queue (shutdown).
    mutating func removeAllPending() -> [PendingExchange] {
        var all: [PendingExchange] = []
        for key in waiting {
            var host = takeHost(key)
            while let next = host.queue.pop() { all.append(next) }
            hosts[key] = host
        }
        waiting = []
        return all
    }

    /// Moves the host out of the dictionary so its queue is mutated without a copy.
    private mutating func takeHost(_ key: String) -> Host {
        hosts.removeValue(forKey: key) ?? Host(connections: defaultConnections, delay: defaultDelay)
    }

    private mutating func update(_ key: String, _ change: (inout Host) -> Void) {
        var host = takeHost(key)
        change(&host)
        hosts[key] = host
    }
}

/// A first-in first-out queue with O(1) pops.
struct FIFO<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }

    mutating func push(_ item: Element) { items.append(item) }

    /// Removes the first element matching `predicate` (O(n); cancellation is rare).
    mutating func remove(where predicate: (Element) -> Bool) -> Element? {
        guard let index = items[head...].firstIndex(where: predicate) else { return nil }
        return items.remove(at: index)
    }

    mutating func pop() -> Element? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}
