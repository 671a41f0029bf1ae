import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data folder (`LESOCIAL_DATA`): created if missing and proven writable before anything opens in it.
///
/// A read-only mount, missing rights or a full disk would otherwise surface later as an obscure
/// SQLite or Foundation error; this names the folder and the cause.
enum DataFolder {
    /// Creates the folder and writes, then removes, a small probe file in it.
    ///
    /// - Throws: `ConfigurationError.dataFolderUnusable` naming the folder and the system's reason.
    static func prepare(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError.dataFolderUnusable(path: folder.path, reason: reason(of: error))
        }

        let probe = folder.appendingPathComponent(".lesocial-write-test-\(getpid())").path
        let descriptor = open(probe, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw ConfigurationError.dataFolderUnusable(path: folder.path, reason: String(cString: strerror(errno)))
        }
        let bytes: [UInt8] = Array("lesocial\n".utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let writeError = errno
        let synced = written == bytes.count ? fsync(descriptor) : -1
        let syncError = errno
        let closed = close(descriptor)
        let removed = unlink(probe)
        guard written == bytes.count, synced == 0 else {
            let code = written == bytes.count ? syncError : (written < 0 ? writeError : ENOSPC)
            throw ConfigurationError.dataFolderUnusable(path: folder.path, reason: String(cString: strerror(code)))
        }
        guard closed == 0, removed == 0 else {
            throw ConfigurationError.dataFolderUnusable(path: folder.path, reason: String(cString: strerror(errno)))
        }
    }

    private static func reason(of error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey].flatMap({ $0 as? Error }).map({ $0 as NSError }),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
