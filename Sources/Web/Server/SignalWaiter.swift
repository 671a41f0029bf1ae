import Foundation

/// Blocks until the process receives one of a set of signals (`SIGTERM`, `SIGINT`), for a clean stop.
///
/// Uses the self-pipe pattern: the handler only writes the signal number
/// to a pipe, which `wait()` reads. The handlers are installed by `init`,
/// so a signal sent right after creation is not lost. Create one per
/// process: a second waiter takes the signals over from the first.
public final class SignalWaiter: @unchecked Sendable {
    private let readEnd: Int32

    /// Installs handlers for `signals`; throws `WebError` when the pipe cannot be made.
    public init(signals: [Int32]) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw WebError.system("create signal pipe", errno: errno) }
        readEnd = ends[0]
        signalPipeWriteEnd = ends[1]
        for number in signals {
            let previous = signal(number, SignalWaiter.handler)
            guard unsafeBitCast(previous, to: Int.self) != -1 else {
                throw WebError.system("install handler for signal \(number)", errno: errno)
            }
        }
    }

    /// Blocks until one of the signals arrives; returns its number.
    public func wait() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = read(readEnd, &byte, 1)
            if count == 1 {
                return Int32(byte)
            }
            if count < 0 && errno == EINTR {
                continue
            }
            return 0
        }
    }

    /// Installs handlers and blocks until one of `signals` arrives; returns its number, 0 if waiting failed.
    @discardableResult
    public static func wait(for signals: [Int32]) -> Int32 {
        guard let waiter = try? SignalWaiter(signals: signals) else { return 0 }
        return waiter.wait()
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(signalPipeWriteEnd, &byte, 1)
    }
}

/// The pipe the signal handler writes to; a handler can reach nothing else.
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1
