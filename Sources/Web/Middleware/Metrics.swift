import Foundation

/// A thread-safe registry of counters, gauges and histograms, rendered in Prometheus text format.
///
/// Each metric name has one type; using a name with another type is a bug
/// and stops the program.
public final class Metrics: @unchecked Sendable {
    /// The Prometheus client default buckets, in seconds.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private enum Kind: String {
        case counter, gauge, histogram
    }

    private struct Histogram {
        var bucketCounts: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private struct Family {
        let kind: Kind
        let help: String
        var values: [String: Double] = [:]
        var histograms: [String: Histogram] = [:]
    }

    private let lock = NSLock()
    private let buckets: [Double]
    private var families: [String: Family] = [:]

    /// Creates an empty registry; `buckets` are the histogram upper bounds, ascending.
    public init(buckets: [Double] = Metrics.defaultBuckets) {
        self.buckets = buckets.sorted()
    }

    /// Adds `amount` (default 1) to a counter.
    public func incrementCounter(_ name: String, help: String, labels: [(String, String)] = [], by amount: Double = 1) {
        update(name, .counter, help) { $0.values[Metrics.labelText(labels), default: 0] += amount }
    }

    /// Sets a gauge.
    public func setGauge(_ name: String, help: String, labels: [(String, String)] = [], to value: Double) {
        update(name, .gauge, help) { $0.values[Metrics.labelText(labels)] = value }
    }

    /// Adds `amount` (possibly negative) to a gauge.
    public func addToGauge(_ name: String, help: String, labels: [(String, String)] = [], by amount: Double) {
        update(name, .gauge, help) { $0.values[Metrics.labelText(labels), default: 0] += amount }
    }

    /// Records one observation in a histogram.
    public func observe(_ name: String, help: String, labels: [(String, String)] = [], value: Double) {
        let bucketCount = buckets.count
        let buckets = self.buckets
        update(name, .histogram, help) { family in
            let key = Metrics.labelText(labels)
            var histogram = family.histograms[key] ?? Histogram(bucketCounts: Array(repeating: 0, count: bucketCount))
            for (index, bound) in buckets.enumerated() where value <= bound {
                histogram.bucketCounts[index] += 1
            }
            histogram.count += 1
            histogram.sum += value
            family.histograms[key] = histogram
        }
    }

    /// The current value of a counter or gauge series; `nil` when never set.
    public func value(_ name: String, labels: [(String, String)] = []) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return families[name]?.values[Metrics.labelText(labels)]
    }

    /// Every metric in Prometheus text exposition format 0.0.4, sorted by name and labels.
    public func render() -> String {
        lock.lock()
        let snapshot = families
        lock.unlock()

        var lines: [String] = []
        for (name, family) in snapshot.sorted(by: { $0.key < $1.key }) {
            lines.append("# HELP \(name) \(family.help)")
            lines.append("# TYPE \(name) \(family.kind.rawValue)")
            for (labels, value) in family.values.sorted(by: { $0.key < $1.key }) {
                lines.append("\(name)\(Metrics.braced(labels)) \(Metrics.number(value))")
            }
            for (labels, histogram) in family.histograms.sorted(by: { $0.key < $1.key }) {
                for (index, bound) in buckets.enumerated() {
                    let bucketLabels = Metrics.joined(labels, "le=\"\(Metrics.number(bound))\"")
                    lines.append("\(name)_bucket{\(bucketLabels)} \(histogram.bucketCounts[index])")
                }
                lines.append("\(name)_bucket{\(Metrics.joined(labels, "le=\"+Inf\""))} \(histogram.count)")
                lines.append("\(name)_sum\(Metrics.braced(labels)) \(Metrics.number(histogram.sum))")
                lines.append("\(name)_count\(Metrics.braced(labels)) \(histogram.count)")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func update(_ name: String, _ kind: Kind, _ help: String, _ change: (inout Family) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        var family = families[name] ?? Family(kind: kind, help: help)
        precondition(family.kind == kind, "Metrics: \(name) is a \(family.kind.rawValue), not a \(kind.rawValue)")
        change(&family)
        families[name] = family
    }

    /// `a="1",b="2"` with values escaped as the format requires.
    private static func labelText(_ labels: [(String, String)]) -> String {
        labels.map { name, value in
            // Runs on every request: skip Foundation's costly replacing when there is nothing to escape.
            let special = value.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 10 }
            guard special else { return "\(name)=\"\(value)\"" }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }.joined(separator: ",")
    }

    private static func braced(_ labels: String) -> String {
        labels.isEmpty ? "" : "{\(labels)}"
    }

    private static func joined(_ labels: String, _ extra: String) -> String {
        labels.isEmpty ? extra : "\(labels),\(extra)"
    }

    /// Integers without a fraction, other values in Swift's shortest exact form.
    private static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
