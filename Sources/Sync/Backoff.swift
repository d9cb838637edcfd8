/// Exponential backoff with full jitter, for reconnecting after failures.
///
/// The n-th delay is random in [base·2ⁿ/2, base·2ⁿ], capped at `maximum`.
public struct Backoff: Sendable {
    /// The first delay.
    public var base: Duration
    /// The longest delay.
    public var maximum: Duration
    private(set) var attempt = 0

    public init(base: Duration = .seconds(1), maximum: Duration = .seconds(300)) {
        self.base = base
        self.maximum = maximum
    }

    /// The next delay; each call doubles the range up to the cap.
    public mutating func next<R: RandomNumberGenerator>(using random: inout R) -> Duration {
        let exponent = min(attempt, 30)
        attempt += 1
        let ceiling = min(base * (1 << exponent), maximum)
        let fraction = Double.random(in: 0.5...1, using: &random)
        return ceiling * fraction
    }

    /// The next delay, with the system's random numbers.
    public mutating func next() -> Duration {
        var random = SystemRandomNumberGenerator()
        return next(using: &random)
    }

    /// After a success: start again from the base delay.
    public mutating func reset() { attempt = 0 }
}
