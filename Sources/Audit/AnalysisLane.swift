import Dispatch
import Foundation

/// Runs one target's analysis on its own serial queue, behind the crawl: the
/// crawl hands a page over and goes on fetching while the page is read, so
/// fetching, parsing and analysis use every core. At most `capacity` pages
/// wait; a slower analysis holds the crawl back instead of filling memory.
final class AnalysisLane: @unchecked Sendable {
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var freeSlots: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(label: String, capacity: Int) {
        queue = DispatchQueue(label: label)
        freeSlots = max(1, capacity)
    }

    /// Queues `work` after everything queued before; waits while the lane is full.
    func submit(_ work: @escaping () -> Void) async {
        await takeSlot()
        queue.async {
            work()
            self.returnSlot()
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

    private func takeSlot() async {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            lock.lock()
            if freeSlots > 0 {
                freeSlots -= 1
                lock.unlock()
                turn.resume()
            } else {
                waiting.append(turn)
                lock.unlock()
            }
        }
    }

    private func returnSlot() {
        lock.lock()
        if waiting.isEmpty {
            freeSlots += 1
            lock.unlock()
        } else {
            // The slot passes straight to the oldest waiter.
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
