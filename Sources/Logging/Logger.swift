import Foundation

/// A structured logger that writes one logfmt line per event to standard error.
///
/// Messages are constant; variable data goes in `metadata`, so lines can be
/// grepped and parsed. A request handler gets its own copy stamped with the
/// request id (`with(_:)`).
public struct Logger: Sendable {
    /// Severity levels, in increasing order.
    public enum Level: Int, Comparable, Sendable {
        case debug, info, warning, error

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        var name: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// Where finished lines go; tests swap it for an in-memory sink.
    public typealias Sink = @Sendable (String) -> Void

    /// The subsystem that emits the lines (`web`, `accounts`, ...).
    public let label: String
    /// Lines below this level are dropped.
    public var minimumLevel: Level
    /// Keys stamped on every line of this logger (`request_id`, ...).
    public private(set) var context: [(String, String)]
    private let sink: Sink

    /// Creates a logger; the level defaults to `LESOCIAL_LOG_LEVEL` or `info`.
    public init(label: String, minimumLevel: Level? = nil, sink: Sink? = nil) {
        self.label = label
        self.minimumLevel = minimumLevel ?? Logger.levelFromEnvironment()
        self.context = []
        self.sink = sink ?? Logger.standardError
    }

    /// A copy of this logger that adds `metadata` to every line.
    public func with(_ metadata: [(String, String)]) -> Logger {
        var copy = self
        copy.context.append(contentsOf: metadata)
        return copy
    }

    public func debug(_ message: StaticString, _ metadata: @autoclosure () -> [(String, String)] = []) {
        guard Level.debug >= minimumLevel else { return }
        log(.debug, message, metadata())
    }

    public func info(_ message: StaticString, _ metadata: @autoclosure () -> [(String, String)] = []) {
        guard Level.info >= minimumLevel else { return }
        log(.info, message, metadata())
    }

    public func warning(_ message: StaticString, _ metadata: @autoclosure () -> [(String, String)] = []) {
        guard Level.warning >= minimumLevel else { return }
        log(.warning, message, metadata())
    }

    public func error(_ message: StaticString, _ metadata: @autoclosure () -> [(String, String)] = []) {
        guard Level.error >= minimumLevel else { return }
        log(.error, message, metadata())
    }

    /// Writes one line if `level` passes the threshold.
    public func log(_ level: Level, _ message: StaticString, _ metadata: [(String, String)]) {
        guard level >= minimumLevel else { return }
        var line = "ts=\(Logger.timestamp()) level=\(level.name) logger=\(label) msg=\(Logger.quote("\(message)"))"
        for (key, value) in context + metadata {
            line += " \(key)=\(Logger.quote(value))"
        }
        sink(line)
    }

    /// Quotes a logfmt value when it holds spaces, quotes or `=`.
    public static func quote(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        guard needsQuotes else { return value }
        var escaped = ""
        for character in value {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    private static let standardError: Sink = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func levelFromEnvironment() -> Level {
        switch ProcessInfo.processInfo.environment["LESOCIAL_LOG_LEVEL"]?.lowercased() {
        case "debug": .debug
        case "warning": .warning
        case "error": .error
        default: .info
        }
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = time_t(now.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let millis = Int(now.tv_nsec / 1_000_000)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }
}
