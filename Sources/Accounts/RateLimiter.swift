import Foundation

/// Counts attempts per key in a sliding window, in memory.
///
/// Limits are per process: with several application servers each enforces
/// its own count, which still bounds guessing to servers × limit.
public final class RateLimiter: @unchecked Sendable {
    /// How many attempts a key may make within `window` seconds.
    public let limit: Int
    public let window: TimeInterval
    private var attempts: [String: [Date]] = [:]
    private let lock = NSLock()

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt for each key; returns the seconds to wait if any key is over its limit.
    public func hit(_ keys: [String], now: Date) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        var wait: TimeInterval = 0
        for key in keys {
            var recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait, window - now.timeIntervalSince(oldest))
            } else {
                recent.append(now)
            }
            attempts[key] = recent
        }
        if attempts.count > 100_000 { prune(now: now) }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    /// Forgets the attempts of a key (after a successful login, for instance).
    public func reset(_ key: String) {
        lock.lock()
        attempts[key] = nil
        lock.unlock()
    }

    private func prune(now: Date) {
        attempts = attempts.filter { _, dates in dates.contains { now.timeIntervalSince($0) < window } }
    }
}
