import Foundation

/// Every setting of the portal, read from the environment (`LESOCIAL_*`).
public struct Configuration: Sendable {
    /// How the portal runs: development seeds demo accounts and writes mail to files.
    public enum Mode: String, Sendable {
        case development, production, test
    }

    public var mode: Mode
    public var host: String
    public var port: Int
    /// Folder of the database, the secrets file, mail files and backups.
    public var dataDirectory: URL
    /// Folder holding `Templates/`, `Public/` and `QuestionBanks/`.
    public var rootDirectory: URL
    public var baseURL: String
    public var threads: Int
    /// Threads of the deferred lane: exam starts, submissions and password checks (`LESOCIAL_DEFERRED_THREADS`).
    public var deferredThreads: Int
    public var connectionLimit: Int
    public var uploadLimitBytes: Int
    public var secureCookies: Bool
    /// Addresses allowed to read `/metrics` besides loopback.
    public var metricsAllowedAddresses: Set<String>
    /// Whether the test clock endpoint exists (`LESOCIAL_TEST_CLOCK=1`).
    public var testClock: Bool
    /// Cheap scrypt parameters; accepted only in test mode.
    public var fastPasswordHashing: Bool
    /// `files` (mail written as .eml under the data folder) or an `smtp://` URL.
    public var mailTransport: String
    public var mailSender: String
    /// The whole environment, for settings read by feature extensions (`Configuration+Billing.swift`).
    public let environment: [String: String]

    public var databasePath: String { dataDirectory.appendingPathComponent("lesocial.db").path }
    public var templatesDirectory: URL { rootDirectory.appendingPathComponent("Templates") }
    public var publicDirectory: URL { rootDirectory.appendingPathComponent("Public") }
    public var banksDirectory: URL { rootDirectory.appendingPathComponent("QuestionBanks") }
    public var mailDirectory: URL { dataDirectory.appendingPathComponent("mail") }

    /// Reads the settings; refuses combinations that would be unsafe.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func value(_ key: String) -> String? {
            guard let raw = environment[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let raw = value(key) else { return fallback }
            guard let number = Int(raw), range.contains(number) else {
                throw ConfigurationError.invalid(
                    key: key, value: raw, expected: "un entier entre \(range.lowerBound) et \(range.upperBound)")
            }
            return number
        }
        func flag(_ key: String) throws -> Bool {
            switch value(key)?.lowercased() {
            case nil, "0", "false", "no", "non": return false
            case "1", "true", "yes", "oui": return true
            case let other?: throw ConfigurationError.invalid(key: key, value: other, expected: "0 ou 1")
            }
        }

        self.environment = environment
        let modeName = value("LESOCIAL_ENV") ?? "production"
        guard let mode = Mode(rawValue: modeName) else {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_ENV", value: modeName, expected: "development, production ou test")
        }
        self.mode = mode
        host = value("LESOCIAL_HOST") ?? "127.0.0.1"
        port = try integer("LESOCIAL_PORT", 8080, 0...65535)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        rootDirectory =
            value("LESOCIAL_ROOT").map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        dataDirectory =
            value("LESOCIAL_DATA").map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? rootDirectory.appendingPathComponent("data")
        baseURL = value("LESOCIAL_BASE_URL") ?? "http://localhost:\(port)"
        // Many more threads than cores: a save holds its thread until its group commits, so the threads
        // bound how many saves share one commit, and a thread waiting leaves the others to serve pages.
        // 16 per core: 7,600 saves/s on 2 cores with 4 per core, 9,700 with 8, 10,900 with 16.
        threads = try integer(
            "LESOCIAL_THREADS", min(256, max(4, 16 * ProcessInfo.processInfo.activeProcessorCount)), 1...256)
        deferredThreads = try integer("LESOCIAL_DEFERRED_THREADS", 2, 0...64)
        connectionLimit = try integer("LESOCIAL_MAX_CONNECTIONS", 1024, 1...100_000)
        uploadLimitBytes = try integer("LESOCIAL_UPLOAD_LIMIT", 10 * 1024 * 1024, 1024...1_073_741_824)
        secureCookies = try flag("LESOCIAL_SECURE_COOKIES")
        metricsAllowedAddresses = Set(
            (value("LESOCIAL_METRICS_ALLOW") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
        testClock = try flag("LESOCIAL_TEST_CLOCK")
        fastPasswordHashing = try flag("LESOCIAL_FAST_HASHING")
        mailTransport = value("LESOCIAL_MAIL") ?? "files"
        mailSender = value("LESOCIAL_MAIL_FROM") ?? "LeSocial <ne-pas-repondre@lesocial.local>"

        if fastPasswordHashing && mode != .test {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_FAST_HASHING", value: "1", expected: "0 hors du mode test (LESOCIAL_ENV=test)")
        }
        if mode == .production && testClock {
            throw ConfigurationError.invalid(
                key: "LESOCIAL_TEST_CLOCK", value: "1", expected: "0 en production")
        }
    }
}

/// A setting that cannot be used, with a French explanation for the operator.
public enum ConfigurationError: Error, CustomStringConvertible {
    case invalid(key: String, value: String, expected: String)
    /// The data folder cannot be created or written (read-only mount, rights, full disk).
    case dataFolderUnusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let key, let value, let expected):
            "réglage \(key)=\(value) refusé : attendu \(expected)"
        case .dataFolderUnusable(let path, let reason):
            "dossier de données \(path) inutilisable : impossible d'y écrire (\(reason)) ; "
                + "vérifiez LESOCIAL_DATA, les droits, le montage (lecture seule ?) et l'espace disque"
        }
    }
}
