/// What the scheduler needs of a queued request: its identity and its host.
protocol HostBoundRequest {
    var id: UInt64 { get }
    var hostKey: String { get }
}

/// A request waiting for its host's turn.
struct PendingExchange: HostBoundRequest {
    let id: UInt64
    let url: String
    let headers: [(name: String, value: String)]
    let hostKey: String
    let continuation: CheckedContinuation<ExchangeResult, Never>
}

/// Decides which queued requests may start now. Each host has `connections`
/// slots; a slot is busy while its request is in flight and rests `delay`
/// seconds after that request finished, so a host sees at most
/// `connections` requests per (latency + delay). No slot starts while the
/// host is paused (Retry-After), and a global cap bounds all hosts together.
/// Not thread-safe; the engine guards it with its lock. Times are monotonic
/// seconds. Generic over the request so it can be tested without transfers.
struct HostScheduler<Request: HostBoundRequest> {
    private struct Host {
        var queue = FIFO<Request>()
        var inFlight = 0
        /// When each recently used slot has rested enough, ascending. Slots are
        /// interchangeable, so only how many rests are still running matters.
        var restingUntil: [Double] = []
        var pausedUntil = 0.0
        var connections: Int
        var delay: Double
        var statistics = HostStatistics()

        /// When one more request may start; nil while every slot is in flight.
        func nextStart() -> Double? {
            let idle = connections - inFlight
            guard idle > 0 else { return nil }
            // A slot is usable once at most idle - 1 rests are still running
            // (rests already over are kept until the next finish and count as done).
            let rest = restingUntil.count < idle ? 0 : restingUntil[restingUntil.count - idle]
            return max(rest, pausedUntil)
        }

        mutating func finish(at now: Double) {
            inFlight -= 1
            restingUntil.removeAll { $0 <= now }
            let until = now + delay
            restingUntil.insert(until, at: restingUntil.firstIndex { $0 > until } ?? restingUntil.endIndex)
        }
    }

    private var hosts: [String: Host] = [:]
    /// Hosts with queued requests, visited round-robin.
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

    mutating func enqueue(_ request: Request) {
        var host = takeHost(request.hostKey)
        if host.queue.isEmpty { waiting.append(request.hostKey) }
        host.queue.push(request)
        hosts[request.hostKey] = host
    }

    /// Removes and returns every request allowed to start at `now`.
    mutating func takeStartable(now: Double) -> [Request] {
        var started: [Request] = []
        var stillWaiting: [String] = []
        for key in waiting {
            var host = takeHost(key)
            while inFlightTotal < maxInFlight, let start = host.nextStart(), start <= now, let next = host.queue.pop() {
                host.inFlight += 1
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

    /// Seconds until a slot of a waiting host becomes usable (nil: none waits on time alone).
    func secondsUntilNextStart(now: Double) -> Double? {
        guard inFlightTotal < maxInFlight else { return nil }
        return waiting.compactMap { hosts[$0]?.nextStart() }.map { max(0, $0 - now) }.min()
    }

    /// The host's request that started earlier ended at `now`; its slot rests from then.
    mutating func finished(hostKey: String, bodyBytes: Int, now: Double) {
        inFlightTotal -= 1
        update(hostKey) { host in
            host.finish(at: now)
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

    /// Takes a queued request out (its task was cancelled); nil when not queued.
    mutating func removePending(id: UInt64) -> Request? {
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
    mutating func removeAllPending() -> [Request] {
        var all: [Request] = []
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
