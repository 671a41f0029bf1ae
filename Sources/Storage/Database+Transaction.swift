import CSQLite

extension Database {
    /// How an outermost transaction takes its locks.
    ///
    /// See <https://www.sqlite.org/lang_transaction.html>.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock only at the first write; may then fail with `SQLITE_BUSY`.
        case deferred = "DEFERRED"
        /// Takes the write lock at once, waiting up to the busy timeout; the safe default for writers.
        case immediate = "IMMEDIATE"
        /// Like `immediate`; in WAL mode readers are not blocked either way.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// A call inside another transaction opens a SAVEPOINT instead, so an
    /// inner failure undoes only the inner work when the outer body catches
    /// it; `kind` then has no effect. The error thrown by `body` is rethrown
    /// unchanged.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "lesocial_savepoint_\(depth)"
        let gate = depth == 0 && kind != .deferred ? writeGate : nil
        gate?.enter()
        defer { gate?.leave() }
        try execute(depth == 0 ? "BEGIN \(kind.rawValue)" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }

        let result: T
        do {
            result = try body()
        } catch {
            rollBack(depth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }

        do {
            try execute(depth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
        } catch {
            rollBack(depth == 0 ? "ROLLBACK" : "ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            throw error
        }
        return result
    }

    /// Rolls back after a failure whose error is the one worth reporting.
    ///
    /// Some errors (a full disk, an interrupt) make SQLite roll back by
    /// itself; rolling back again then fails harmlessly, so that is logged,
    /// not thrown over the original error.
    private func rollBack(_ sql: String) {
        guard isInTransaction else { return }
        do {
            try execute(sql)
        } catch {
            logger.error("transaction rollback failed", [("path", path), ("error", "\(error)")])
        }
    }
}
