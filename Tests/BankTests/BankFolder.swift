import Foundation

@testable import Exams

/// The shipped `QuestionBanks/` folder, read and parsed once for all the bank tests.
///
/// The folder is found from this file's path, symlinks resolved, by walking up to the `Package.swift`
/// that sits beside a `QuestionBanks` folder; so the tests run the same from the project and from a
/// private package whose test folder is a symlink to this one.
struct BankFolder: Sendable {
    /// A question with the file it comes from (`ifsi/calculs-dosages.gift`).
    struct Entry: Sendable {
        /// The parsed question.
        let question: Question
        /// Path relative to `QuestionBanks/`.
        let file: String
    }

    /// Why the folder could not be read at all.
    struct LoadError: Error, CustomStringConvertible {
        /// What went wrong, with the path involved.
        let description: String
    }

    /// The `QuestionBanks` folder.
    let root: URL
    /// GIFT files of each track, relative to `root`, sorted.
    let giftFiles: [Track: [String]]
    /// Blueprint files of each track (`ifsi/exams/ifsi-blanc-1.json`), sorted.
    let blueprintFiles: [Track: [String]]
    /// Questions of each track, in file order; files that do not import contribute none.
    let entries: [Track: [Entry]]
    /// Import problems of each track, one line each (`ifsi/x.gift, ligne 3 : raison`).
    let problems: [Track: [String]]

    /// The folder, read on first use.
    static func shipped() throws -> BankFolder {
        try cached.get()
    }

    private static let cached: Result<BankFolder, LoadError> = Result { try load() }.mapError {
        $0 as? LoadError ?? LoadError(description: "\($0)")
    }

    /// The questions of `track`.
    func questions(of track: Track) -> [Entry] {
        entries[track] ?? []
    }

    /// Every question of every track.
    var allEntries: [Entry] {
        Track.allCases.flatMap { questions(of: $0) }
    }

    /// What the engine draws from for `track`: every question but descriptions, as `BankContents` builds it.
    func drawPool(of track: Track) -> [QuestionDraw.Candidate] {
        questions(of: track).map(\.question).filter { $0.kind != .description }.map {
            QuestionDraw.Candidate(id: $0.id, category: $0.category, difficulty: $0.difficulty, isFree: $0.isFree)
        }
    }

    /// The blueprints of `track` that decode, with their files; decoding failures as problem lines.
    func blueprints(of track: Track) -> (loaded: [(blueprint: Blueprint, file: String)], problems: [String]) {
        var loaded: [(Blueprint, String)] = []
        var problems: [String] = []
        for file in blueprintFiles[track] ?? [] {
            do {
                let data = try Data(contentsOf: root.appendingPathComponent(file))
                loaded.append((try Blueprint.decode(data, file: file), file))
            } catch {
                problems.append("\(file) : \(error)")
            }
        }
        return (loaded, problems)
    }

    /// The text of a file under `root`, nil when it does not exist.
    func text(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func load() throws -> BankFolder {
        let root = try locateRoot()
        var giftFiles: [Track: [String]] = [:]
        var blueprintFiles: [Track: [String]] = [:]
        var entries: [Track: [Entry]] = [:]
        var problems: [Track: [String]] = [:]
        for track in Track.allCases {
            let gifts = files(in: track.rawValue, suffix: ".gift", under: root)
            giftFiles[track] = gifts
            blueprintFiles[track] = files(in: track.rawValue + "/exams", suffix: ".json", under: root)
            for file in gifts {
                do {
                    let document = try GiftParser.parseFile(at: root.appendingPathComponent(file))
                    entries[track, default: []] += document.questions.map { Entry(question: $0, file: file) }
                } catch {
                    problems[track, default: []] += error.problems.map { "\(track.rawValue)/\($0)" }
                }
            }
        }
        return BankFolder(
            root: root, giftFiles: giftFiles, blueprintFiles: blueprintFiles, entries: entries, problems: problems)
    }

    private static func files(in folder: String, suffix: String, under root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path))
        return (names ?? []).filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    private static func locateRoot(filePath: String = #filePath) throws -> URL {
        let manager = FileManager.default
        var folder = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let banks = folder.appendingPathComponent("QuestionBanks")
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: banks.path)
            {
                return banks
            }
            folder = folder.deletingLastPathComponent()
        }
        throw LoadError(
            description: "aucun dossier QuestionBanks à côté d'un Package.swift au-dessus de \(filePath)")
    }
}
