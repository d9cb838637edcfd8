import Foundation

/// A bounded hand-off from one stage of a mailbox's pipeline to the next (fetch → analyse →
/// store): one producer, one consumer, first in first out.
///
/// `send` waits while `capacity` elements are buffered, so a stage runs at most that many
/// batches (plus the one in its hands) ahead of the next: the memory a sync holds stays
/// bounded whatever the stages' speeds. With capacity 0 the producer waits until the consumer
/// takes the element (a rendezvous).
final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    // Everything below `lock` is touched only under it.
    private let capacity: Int
    private let lock = NSLock()
    private var buffer: [Element] = []
    /// The producer's element and continuation while it waits for room.
    private var waitingSender: (element: Element, continuation: CheckedContinuation<Bool, Never>)?
    /// The consumer's continuation while it waits for an element.
    private var waitingReceiver: CheckedContinuation<Element?, Never>?
    private var finished = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = max(0, capacity) }

    /// Hands `element` on, waiting for room; false when the consumer cancelled the channel
    /// (the element is dropped: the producer should stop).
    func send(_ element: Element) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            lock.lock()
            if cancelled || finished {
                lock.unlock()
                continuation.resume(returning: false)
            } else if let receiver = waitingReceiver {
                waitingReceiver = nil
                lock.unlock()
                receiver.resume(returning: element)
                continuation.resume(returning: true)
            } else if buffer.count < capacity {
                buffer.append(element)
                lock.unlock()
                continuation.resume(returning: true)
            } else {
                waitingSender = (element, continuation)
                lock.unlock()
            }
        }
    }

    /// The next element, waiting for one; `nil` once the producer finished and everything sent
    /// was received, or after ``cancel()``.
    func receive() async -> Element? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
            lock.lock()
            if cancelled {
                lock.unlock()
                continuation.resume(returning: nil)
            } else if !buffer.isEmpty {
                let element = buffer.removeFirst()
                let sender = waitingSender
                if let sender {
                    buffer.append(sender.element)
                    waitingSender = nil
                }
                lock.unlock()
                sender?.continuation.resume(returning: true)
                continuation.resume(returning: element)
            } else if let sender = waitingSender {
                waitingSender = nil
                lock.unlock()
                sender.continuation.resume(returning: true)
                continuation.resume(returning: sender.element)
            } else if finished {
                lock.unlock()
                continuation.resume(returning: nil)
            } else {
                waitingReceiver = continuation
                lock.unlock()
            }
        }
    }

    /// The producer is done: the consumer receives what is buffered, then `nil`.
    func finish() {
        lock.lock()
        finished = true
        let receiver = waitingReceiver
        waitingReceiver = nil
        lock.unlock()
        receiver?.resume(returning: nil)
    }

    /// The consumer gives up: what is buffered is dropped and the producer's sends return false.
    func cancel() {
        lock.lock()
        cancelled = true
        buffer.removeAll()
        let sender = waitingSender
        waitingSender = nil
        let receiver = waitingReceiver
        waitingReceiver = nil
        lock.unlock()
        sender?.continuation.resume(returning: false)
        receiver?.resume(returning: nil)
    }
}
