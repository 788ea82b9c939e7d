import Dispatch
import Foundation

/// Runs one target's analysis on its own serial queue, behind the crawl: the
/// crawl hands a page over and goes on fetching while the page is read, so
/// fetching and analysis use every core. Pages waiting for any lane of a run
/// share one bound (`PageSlots`): a slower analysis holds the crawls back
/// instead of filling memory with parsed pages.
final class AnalysisLane: @unchecked Sendable {
    private let queue: DispatchQueue
    private let slots: PageSlots

    init(label: String, slots: PageSlots) {
        queue = DispatchQueue(label: label)
        self.slots = slots
    }

    /// Queues `work` after everything queued before; waits while the run's slots are taken.
    func submit(_ work: @escaping () -> Void) async {
        await slots.take()
        queue.async {
            work()
            self.slots.give()
        }
    }

    /// Queues small work that needs no slot, in order with the pages.
    func post(_ work: @escaping () -> Void) {
        queue.async(execute: work)
    }

    /// Returns once everything queued so far has run.
    func drain() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { done.resume() }
        }
    }
}

/// A counting semaphore for tasks: `take` suspends instead of blocking a thread.
final class PageSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        free = max(1, count)
    }

    func take() async {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            lock.lock()
            if free > 0 {
                free -= 1
                lock.unlock()
                turn.resume()
            } else {
                waiting.append(turn)
                lock.unlock()
            }
        }
    }

    func give() {
        lock.lock()
        if waiting.isEmpty {
            free += 1
            lock.unlock()
        } else {
            // The slot passes straight to the oldest waiter.
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
