extension Database {
    /// How a connection is configured when it opens.
    public struct Options: Sendable {
        /// SQLite's `synchronous` setting: when a commit waits for the disk.
        ///
        /// See <https://www.sqlite.org/pragma.html#pragma_synchronous>.
        public enum Synchronous: String, Sendable {
            /// Every commit is on disk before it returns; survives power loss.
            case full = "FULL"
            /// In WAL mode, a power loss may drop the last commits, never corrupt.
            case normal = "NORMAL"
            /// No syncing at all; for throw-away databases only.
            case off = "OFF"
        }

        /// Commit durability; `FULL` because the database holds money and answers.
        public var synchronous: Synchronous
        /// How long a statement waits for another connection's lock.
        public var busyTimeoutMilliseconds: Int32
        /// Whether to switch a file database to write-ahead logging.
        public var walMode: Bool
        /// Whether `FOREIGN KEY` clauses are enforced.
        public var foreignKeys: Bool
        /// How many prepared statements a connection keeps before dropping idle ones.
        public var statementCacheCapacity: Int

        /// The production defaults: WAL, foreign keys, `FULL`, 5 s busy timeout.
        public init(
            synchronous: Synchronous = .full,
            busyTimeoutMilliseconds: Int32 = 5000,
            walMode: Bool = true,
            foreignKeys: Bool = true,
            statementCacheCapacity: Int = 256
        ) {
            self.synchronous = synchronous
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.walMode = walMode
            self.foreignKeys = foreignKeys
            self.statementCacheCapacity = statementCacheCapacity
        }
    }
}
