import CSQLite

extension Database {
    /// Copies the whole database into a new file at `path`, while others keep reading and writing.
    ///
    /// Uses SQLite's online backup API in a single step, which reads one
    /// consistent snapshot; in WAL mode writers are not blocked meanwhile.
    /// An existing file at `path` is overwritten. See
    /// <https://www.sqlite.org/backup.html>.
    public func backup(to path: String) throws {
        let source = try openConnection(sql: nil)
        var destination: OpaquePointer?
        let openCode = sqlite3_open_v2(path, &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(destination) }
        guard openCode == SQLITE_OK, let destination else {
            throw DatabaseError(connection: destination, code: openCode, sql: nil, operation: "opening backup \(path)")
        }

        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw DatabaseError(
                connection: destination, code: sqlite3_errcode(destination), sql: nil,
                operation: "starting backup to \(path)")
        }
        var stepCode = sqlite3_backup_step(backup, -1)
        var waits = max(1, options.busyTimeoutMilliseconds / 20)
        while (stepCode == SQLITE_BUSY || stepCode == SQLITE_LOCKED) && waits > 0 {
            sqlite3_sleep(20)
            waits -= 1
            stepCode = sqlite3_backup_step(backup, -1)
        }
        let finishCode = sqlite3_backup_finish(backup)

        guard stepCode == SQLITE_DONE else {
            throw DatabaseError(
                connection: destination, code: stepCode, sql: nil, operation: "copying backup to \(path)")
        }
        guard finishCode == SQLITE_OK else {
            throw DatabaseError(
                connection: destination, code: finishCode, sql: nil, operation: "finishing backup to \(path)")
        }
        logger.info("database backed up", [("path", self.path), ("backup", path)])
    }

    /// Runs `PRAGMA integrity_check` and returns the problems found: empty when the file is sound.
    public func integrityCheck() throws -> [String] {
        let lines = try query("PRAGMA integrity_check").map { $0.string(0) }
        return lines == ["ok"] ? [] : lines
    }
}
