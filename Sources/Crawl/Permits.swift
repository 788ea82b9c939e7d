import Synchronization

/// A counting semaphore for tasks: `take` suspends instead of blocking a
/// thread, and a permit given back passes straight to the oldest waiter.
/// Bounds what a run holds over all its targets: parsed pages, pages waiting
/// for analysis.
public final class Permits: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    public init(_ count: Int) {
        state = Mutex(State(free: max(1, count)))
    }

    /// Waits for a permit.
    public func take() async {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                guard state.free > 0 else {
                    state.waiting.append(turn)
                    return false
                }
                state.free -= 1
                return true
            }
            if granted { turn.resume() }
        }
    }

    /// Takes a permit without waiting, only while more than `reserve` are free
    /// and nobody waits: what is reserved stays for the tasks that `take`.
    public func tryTake(leaving reserve: Int = 0) -> Bool {
        state.withLock { state in
            guard state.waiting.isEmpty, state.free > reserve else { return false }
            state.free -= 1
            return true
        }
    }

    public func give() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }

    /// Tasks waiting for a permit (tests watch a task being held back).
    public var waiting: Int { state.withLock { $0.waiting.count } }
}
