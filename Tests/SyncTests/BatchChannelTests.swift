import Foundation
import Testing

@testable import Sync

/// The bounded hand-off between the stages of a mailbox's pipeline.
@Suite("batch channel")
struct BatchChannelTests {
    @Test("elements arrive in order, then nil once the producer finished")
    func order() async {
        let channel = BatchChannel<Int>(capacity: 1)
        let producer = Task {
            var results: [Bool] = []
            for value in 1...50 { results.append(await channel.send(value)) }
            channel.finish()
            return results
        }
        var received: [Int] = []
        while let value = await channel.receive() { received.append(value) }
        #expect(received == Array(1...50))
        #expect(await producer.value.allSatisfy { $0 })
        #expect(await channel.receive() == nil)
    }

    @Test("the producer waits while the buffer is full: it never runs more than capacity + 1 ahead")
    func bounded() async throws {
        for capacity in [0, 2] {
            let channel = BatchChannel<Int>(capacity: capacity)
            let progress = Counter()
            let producer = Task {
                for value in 1...10 {
                    guard await channel.send(value) else { return }
                    progress.set(value)
                }
                channel.finish()
            }
            try await Task.sleep(for: .milliseconds(200))
            // Sent and returned: the buffered ones; the next send is waiting.
            #expect(progress.value == capacity)
            var received: [Int] = []
            while let value = await channel.receive() {
                received.append(value)
                #expect(progress.value <= value + capacity + 1)
            }
            await producer.value
            #expect(received == Array(1...10))
        }
    }

    @Test("a cancelled channel drops what it holds and tells the producer to stop")
    func cancelled() async throws {
        let channel = BatchChannel<Int>(capacity: 1)
        #expect(await channel.send(1))
        let waiting = Task { await channel.send(2) }
        try await Task.sleep(for: .milliseconds(100))
        channel.cancel()
        #expect(await waiting.value == false)
        #expect(await channel.send(3) == false)
        #expect(await channel.receive() == nil)
    }

    @Test("a consumer waiting on an empty channel gets nil when the producer finishes")
    func finishWakesConsumer() async throws {
        let channel = BatchChannel<Int>(capacity: 0)
        let consumer = Task { await channel.receive() }
        try await Task.sleep(for: .milliseconds(100))
        channel.finish()
        #expect(await consumer.value == nil)
    }
}

/// A value written by one task and read by another.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0

    var value: Int { lock.withLock { current } }

    func set(_ value: Int) { lock.withLock { current = value } }
}
