import CCurl
import Foundation

/// Drives libcurl's multi interface on one thread. Callers submit exchanges
/// from any thread and await them; the loop starts what the `HostScheduler`
/// allows, lets curl_multi do the I/O, and resumes callers as transfers end.
///
/// Unchecked Sendable because it owns libcurl handles: the multi handle and
/// the easy handles are used only on the loop thread (curl_multi_wakeup, the
/// one call made from other threads, is thread-safe and made under `lock`,
/// which also guards every property shared with callers).
final class TransferEngine: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let options: TransferOptions
    private let retryAfterCap: Double

    /// Guards `scheduler`, `stopping`, `stopped`, `stopWaiters`, `lastID` and `cancelRequests`;
    /// held while waking the loop so the multi handle is never used after cleanup.
    private let lock = NSLock()
    private var scheduler: HostScheduler<PendingExchange>
    private var stopping = false
    private var lastID: UInt64 = 0
    /// Exchanges whose task was cancelled while running (or before being queued).
    private var cancelRequests: Set<UInt64> = []
    private var stopped = false
    /// Callers of `shutdown()` waiting for the loop thread to finish its cleanup.
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    // Loop thread only.
    private var active: [UnsafeMutableRawPointer: (transfer: EasyTransfer, exchange: PendingExchange)] = [:]
    private var idle: [EasyTransfer] = []
    private var hostConnectionLimit = 0

    init(configuration: FetchConfiguration) {
        CurlGlobal.initialize()
        multi = curl_multi_init()!
        options = TransferOptions(configuration)
        retryAfterCap = configuration.retryAfterCapSeconds
        scheduler = HostScheduler(connections: configuration.perHostConnections,
                                  delaySeconds: Double(configuration.perHostDelayMilliseconds) / 1000,
                                  maxInFlight: configuration.maxConcurrentTransfers)
        _ = pa_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, configuration.maxConcurrentTransfers)
        let thread = Thread { [self] in run() }
        thread.name = "fetch-curl-multi"
        thread.start()
    }

    /// Queues one exchange (no redirects, no retries) and waits for its end.
    /// Cancelling the calling task ends the exchange with a network error.
    func perform(url: String, hostKey: String, headers: [(name: String, value: String)]) async -> ExchangeResult {
        let id = lock.withLock {
            lastID += 1
            return lastID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let pending = PendingExchange(id: id, url: url, headers: headers, hostKey: hostKey, continuation: continuation)
                lock.lock()
                defer { lock.unlock() }
                if stopping || cancelRequests.remove(id) != nil {
                    continuation.resume(returning: .failure(stopping ? Self.shutDownFailure : Self.cancelledFailure))
                    return
                }
                scheduler.enqueue(pending)
                curl_multi_wakeup(multi)
            }
        } onCancel: {
            cancel(id)
        }
    }

    private func cancel(_ id: UInt64) {
        lock.lock()
        let queued = scheduler.removePending(id: id)
        if queued == nil {
            cancelRequests.insert(id)
            if !stopping { curl_multi_wakeup(multi) }
        }
        lock.unlock()
        queued?.continuation.resume(returning: .failure(Self.cancelledFailure))
    }

    /// Reads or updates scheduling state; `wake` makes the loop re-plan starts at once.
    func withScheduler<T>(wake: Bool = false, _ body: (inout HostScheduler<PendingExchange>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let result = body(&scheduler)
        if wake && !stopping { curl_multi_wakeup(multi) }
        return result
    }

    /// Stops the loop and waits, without holding a thread, until libcurl's
    /// handles are cleaned up; queued and running exchanges fail with a network error.
    func shutdown() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            if stopped {
                continuation.resume()
                return
            }
            stopWaiters.append(continuation)
            requestStopLocked()
        }
    }

    /// Asks the loop to stop and returns at once (the owner went away without `shutdown()`).
    func requestStop() {
        lock.withLock { requestStopLocked() }
    }

    private func requestStopLocked() {
        if !stopping {
            stopping = true
            curl_multi_wakeup(multi)
        }
    }

    private static let shutDownFailure = TransportFailure(kind: .network, message: "fetcher shut down", isTransient: false)
    private static let cancelledFailure = TransportFailure(kind: .network, message: "cancelled", isTransient: false)

    private func run() {
        while true {
            lock.lock()
            if stopping {
                lock.unlock()
                break
            }
            let now = Monotonic.seconds()
            let startable = scheduler.takeStartable(now: now)
            let wait = scheduler.secondsUntilNextStart(now: now)
            let connectionLimit = scheduler.largestConnectionLimit
            let cancelled = cancelRequests
            lock.unlock()

            if !cancelled.isEmpty { abort(cancelled) }

            if connectionLimit != hostConnectionLimit {
                hostConnectionLimit = connectionLimit
                _ = pa_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, connectionLimit)
            }
            startable.forEach(start)
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            if collectFinished() > 0 { continue }
            let timeout = wait.map { Int32(min(1000, max(1, ($0 * 1000).rounded(.up)))) } ?? 1000
            curl_multi_poll(multi, nil, 0, timeout, nil)
        }
        tearDown()
    }

    private func start(_ pending: PendingExchange) {
        guard let transfer = idle.popLast() ?? EasyTransfer() else {
            complete(pending, .failure(TransportFailure(kind: .network, message: "cannot create a curl handle", isTransient: false)), bodyBytes: 0)
            return
        }
        guard transfer.prepare(url: pending.url, headers: pending.headers, options: options) else {
            idle.append(transfer)
            complete(pending, .failure(TransportFailure(kind: .scheme, message: "libcurl rejected the URL", isTransient: false)), bodyBytes: 0)
            return
        }
        transfer.markStarted()
        active[transfer.handle] = (transfer, pending)
        curl_multi_add_handle(multi, transfer.handle)
    }

    /// Ends running transfers whose task was cancelled.
    private func abort(_ ids: Set<UInt64>) {
        for (handle, entry) in active where ids.contains(entry.exchange.id) {
            active[handle] = nil
            curl_multi_remove_handle(multi, handle)
            entry.transfer.clear()
            idle.append(entry.transfer)
            complete(entry.exchange, .failure(Self.cancelledFailure), bodyBytes: 0)
        }
    }

    /// Hands finished transfers back to their callers; returns how many ended.
    private func collectFinished() -> Int {
        var ended = 0
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                  let (transfer, pending) = active.removeValue(forKey: handle) else { continue }
            let code = pa_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            let result = transfer.finish(code)
            idle.append(transfer)
            let bodyBytes = (try? result.get())?.body.count ?? 0
            complete(pending, result, bodyBytes: bodyBytes)
            ended += 1
        }
        return ended
    }

    private func complete(_ pending: PendingExchange, _ result: ExchangeResult, bodyBytes: Int) {
        lock.lock()
        cancelRequests.remove(pending.id)
        let now = Monotonic.seconds()
        scheduler.finished(hostKey: pending.hostKey, bodyBytes: bodyBytes, now: now)
        if case .success(let exchange) = result, let pause = RetryAfter.pause(for: exchange, cap: retryAfterCap) {
            // Recorded before the caller resumes, so no request slips in before the pause.
            scheduler.pause(hostKey: pending.hostKey, until: now + pause)
        }
        lock.unlock()
        pending.continuation.resume(returning: result)
    }

    private func tearDown() {
        lock.lock()
        let pending = scheduler.removeAllPending()
        lock.unlock()
        for (handle, entry) in active {
            curl_multi_remove_handle(multi, handle)
            entry.exchange.continuation.resume(returning: .failure(Self.shutDownFailure))
        }
        active = [:]
        idle = []
        pending.forEach { $0.continuation.resume(returning: .failure(Self.shutDownFailure)) }
        curl_multi_cleanup(multi)
        let waiters = lock.withLock {
            stopped = true
            defer { stopWaiters = [] }
            return stopWaiters
        }
        waiters.forEach { $0.resume() }
    }
}

/// curl_global_init must run once before any handle is created.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func initialize() { _ = initialized }
}

/// Monotonic clock for scheduling; wall-clock jumps must not move start times.
enum Monotonic {
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
