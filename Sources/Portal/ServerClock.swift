import Foundation

/// The server's idea of now; tests may move it forward when the test clock is enabled.
public final class ServerClock: @unchecked Sendable {
    private var offset: TimeInterval = 0
    private let lock = NSLock()
    /// Whether `advance(by:)` is allowed (only with `LESOCIAL_TEST_CLOCK=1`).
    public let isAdjustable: Bool

    public init(adjustable: Bool) {
        isAdjustable = adjustable
    }

    /// The current server time.
    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return Date().addingTimeInterval(offset)
    }

    /// Moves server time forward; refused unless adjustable or for a negative amount.
    public func advance(by seconds: TimeInterval) -> Bool {
        guard isAdjustable, seconds >= 0 else { return false }
        lock.lock()
        offset += seconds
        lock.unlock()
        return true
    }
}
