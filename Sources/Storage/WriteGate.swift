import Foundation

/// The mutex a pool's connections take around their write transactions (see `Database.writeGate`).
///
/// SQLite allows one writer at a time anyway; queueing here wakes the next writer as soon as the
/// previous one commits, where SQLite's busy handler would have it sleep and poll.
final class WriteGate: @unchecked Sendable {
    private let lock = NSLock()

    /// Waits for the gate.
    func enter() { lock.lock() }

    /// Opens the gate to the next writer.
    func leave() { lock.unlock() }
}
