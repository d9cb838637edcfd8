/// Slots written by `concurrentPerform` iterations, each index by exactly one iteration.
final class UnsafeResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ index: Int, _ value: Value) { slots[index] = value }
    func values() -> [Value] { slots.map { $0! } }
}
