import Foundation
import Logging
import Storage

/// Brings the database up to date with the bank folder (`QuestionBanks/<track>/*.gift` and
/// `QuestionBanks/<track>/exams/*.json`), all or nothing.
///
/// A new question gets version 1; an unchanged one (same content hash) stays as it is, though a new
/// category, title or tags are recorded; an edited one gets a new version, the old one kept for the attempts
/// that drew it; a question gone from the files is retired, never deleted, and comes back if it reappears.
/// Exams follow their blueprints the same way. Any problem in any file — a GIFT error, an id used twice,
/// a blueprint that does not decode or cannot be drawn — refuses the whole sync with every problem found.
public struct BankSync {
    /// One bank file: its path relative to the banks folder (`ifsi/dosages.gift`) and its text.
    public struct File: Equatable, Sendable {
        /// Path relative to the banks folder, with `/` separators.
        public var path: String
        /// The file's text.
        public var contents: String

        /// Makes a file.
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    /// What a sync changed.
    public struct Report: Equatable, Sendable {
        /// Questions seen for the first time.
        public var added = 0
        /// Questions whose content changed: a new version each.
        public var changed = 0
        /// Questions whose content did not change.
        public var unchanged = 0
        /// Questions gone from the files.
        public var retired = 0
        /// Retired questions back in the files, unchanged.
        public var restored = 0
        /// Exams in the files.
        public var examsLoaded = 0
        /// Exams gone from the files.
        public var examsRetired = 0

        /// Makes an empty report.
        public init() {}

        /// One French line for the command line.
        public var summary: String {
            "\(added) question(s) ajoutée(s), \(changed) modifiée(s), \(unchanged) inchangée(s), "
                + "\(retired) retirée(s), \(restored) rétablie(s) ; \(examsLoaded) épreuve(s) chargée(s), "
                + "\(examsRetired) retirée(s)"
        }
    }

    /// The connection written to.
    public let db: Database
    /// Where finished syncs are logged.
    let logger: Logger

    /// Makes a sync over `db`.
    public init(db: Database, logger: Logger = Logger(label: "exams")) {
        self.db = db
        self.logger = logger
    }

    /// Reads every bank file under `root` and syncs them.
    ///
    /// - Throws: `BankSyncError` listing every problem (the database is then unchanged), or a database error.
    public func sync(root: URL, now: Date) throws -> Report {
        try sync(files: try Self.files(under: root), now: now)
    }

    /// Syncs the given bank files, which stand for the whole banks folder.
    ///
    /// - Throws: `BankSyncError` listing every problem (the database is then unchanged), or a database error.
    public func sync(files: [File], now: Date) throws -> Report {
        let contents = try BankContents(files: files)
        let report = try db.transaction { try apply(contents, now: now) }
        logger.info(
            "exams.banks.synced",
            [
                ("added", "\(report.added)"), ("changed", "\(report.changed)"), ("unchanged", "\(report.unchanged)"),
                ("retired", "\(report.retired)"), ("exams", "\(report.examsLoaded)"),
            ])
        return report
    }

    private func apply(_ contents: BankContents, now: Date) throws -> Report {
        var report = Report()
        let questions = QuestionStore(db)
        var latest = try questions.latestVersions()
        for (question, file) in contents.questions {
            guard let stored = latest.removeValue(forKey: question.id) else {
                try questions.insert(StoredQuestion(question: question, version: 1, sourceFile: file, createdAt: now))
                report.added += 1
                continue
            }
            if stored.question.contentHash != question.contentHash {
                try questions.insert(
                    StoredQuestion(question: question, version: stored.version + 1, sourceFile: file, createdAt: now))
                report.changed += 1
            } else if stored.retiredAt != nil || stored.question != question || stored.sourceFile != file {
                try questions.updateMetadata(of: question, version: stored.version, sourceFile: file)
                if stored.retiredAt != nil { report.restored += 1 } else { report.unchanged += 1 }
            } else {
                report.unchanged += 1
            }
        }
        for stored in latest.values where stored.retiredAt == nil {
            try questions.retire(id: stored.question.id, at: now)
            report.retired += 1
        }

        let exams = ExamStore(db)
        var known = try exams.hashes()
        for blueprint in contents.blueprints {
            let previous = known.removeValue(forKey: blueprint.id)
            let hash = QuestionDigest.sha256Hex(Array(blueprint.encodedJSON().utf8))
            if previous?.hash != hash || previous?.retired == true { try exams.save(blueprint, at: now) }
            report.examsLoaded += 1
        }
        for (id, state) in known where !state.retired {
            try exams.retire(id: id, at: now)
            report.examsRetired += 1
        }
        return report
    }

    /// The bank files under `root`: `<track>/*.gift` and `<track>/exams/*.json` for every track folder.
    public static func files(under root: URL) throws -> [File] {
        var files: [File] = []
        var problems: [BankProblem] = []
        let manager = FileManager.default
        for track in Track.allCases {
            let folder = root.appendingPathComponent(track.rawValue)
            for (subfolder, suffix) in [("", ".gift"), ("exams", ".json")] {
                let directory = subfolder.isEmpty ? folder : folder.appendingPathComponent(subfolder)
                guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { continue }
                for name in names.sorted() where name.hasSuffix(suffix) {
                    let path = ([track.rawValue] + (subfolder.isEmpty ? [] : [subfolder]) + [name])
                        .joined(separator: "/")
                    guard let data = manager.contents(atPath: directory.appendingPathComponent(name).path),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        problems.append(BankProblem(file: path, reason: "fichier illisible (UTF-8 attendu)"))
                        continue
                    }
                    files.append(File(path: path, contents: text))
                }
            }
        }
        guard problems.isEmpty else { throw BankSyncError(problems: problems) }
        return files
    }
}

extension BankSync {
    /// Checks bank files as a sync would (questions, cross-file ids, blueprints) without touching any database.
    ///
    /// - Returns: the questions and blueprints the files hold.
    /// - Throws: `BankSyncError` listing every problem.
    public static func check(files: [File]) throws -> (questions: [Question], blueprints: [Blueprint]) {
        let contents = try BankContents(files: files)
        return (contents.questions.map(\.0), contents.blueprints)
    }
}

extension BankSync {
    /// Syncs the banks under `root` unless they are byte for byte those of the last sync.
    ///
    /// Start-up reads the files (fast) and skips parsing and comparing 800 questions
    /// when nothing changed. Returns nil when skipped.
    public func syncIfChanged(root: URL, now: Date) throws -> Report? {
        let files = try Self.files(under: root)
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array(file.path.utf8) + [0] + Array(file.contents.utf8) + [0]
        }
        let digest = QuestionDigest.sha256Hex(bytes)
        if try db.queryOne("SELECT digest FROM bank_state WHERE id = 1")?.string("digest") == digest { return nil }

        let report = try sync(files: files, now: now)
        try db.run(
            "INSERT INTO bank_state (id, digest, synced_at) VALUES (1, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET digest = excluded.digest, synced_at = excluded.synced_at",
            digest, Milliseconds.of(now))
        return report
    }
}
