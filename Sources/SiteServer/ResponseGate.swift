import Dispatch
import Synchronization

/// Holds responses until it is opened. Tests use it to stop a crawl at a
/// known point (a request in flight) instead of guessing with sleeps.
public final class ResponseGate: Sendable {
    private struct State {
        var isOpen = false
        var waiting: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Sends every held response and lets later ones through at once.
    public func open() {
        let waiting = state.withLock { state -> [@Sendable () -> Void] in
            state.isOpen = true
            defer { state.waiting = [] }
            return state.waiting
        }
        waiting.forEach { $0() }
    }

    func whenOpen(_ action: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.isOpen { return true }
            state.waiting.append(action)
            return false
        }
        if runNow { action() }
    }
}

/// Lets the first `passing` responses through and holds every later one
/// behind a gate, signalling when the first one is held. One hold can span
/// several servers (all the portals of a night).
public final class RequestHold: Sendable {
    public let gate = ResponseGate()
    private let passing: Int
    private let served = Mutex(0)
    private let held = DispatchSemaphore(value: 0)

    public init(passing: Int) {
        self.passing = passing
    }

    /// The response, held when it comes after the first `passing`.
    public func apply(to response: SiteResponse) -> SiteResponse {
        let count = served.withLock { count -> Int in
            count += 1
            return count
        }
        guard count > passing else { return response }
        var held = response
        held.gate = gate
        if count == passing + 1 { self.held.signal() }
        return held
    }

    public func wrapping(_ inner: @escaping SiteHandler) -> SiteHandler {
        { request in self.apply(to: inner(request)) }
    }

    /// Blocks until a response is held (true) or `seconds` pass (false).
    public func waitUntilHolding(seconds: Double) -> Bool {
        guard held.wait(timeout: .now() + seconds) == .success else { return false }
        held.signal() // later waits see it too
        return true
    }
}

/// Where a test switches holding on and off for servers that keep running.
public final class HoldSwitch: Sendable {
    private let current = Mutex<RequestHold?>(nil)

    public init() {}

    /// From now on, `passing` more responses go out, then the rest are held.
    public func hold(passing: Int) -> RequestHold {
        let hold = RequestHold(passing: passing)
        current.withLock { $0 = hold }
        return hold
    }

    /// Sends what is held and answers freely again.
    public func release() {
        let hold = current.withLock { hold -> RequestHold? in
            defer { hold = nil }
            return hold
        }
        hold?.gate.open()
    }

    public func apply(to response: SiteResponse) -> SiteResponse {
        current.withLock { $0 }?.apply(to: response) ?? response
    }
}
