import Exams
import Foundation
import Storage

/// `lesocial bank check|import|export`: the question banks from the command line.
///
/// The `QuestionBanks/` folder is the source of truth (`serve` syncs it at every
/// start), so `import` validates the files, copies them into their track's folder
/// and syncs the database; nothing is imported from a set of files with an error.
enum BankCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let sub = arguments.first else {
            throw UsageError(message: "sous-commande attendue : bank check|import|export")
        }
        let rest = Array(arguments.dropFirst())
        switch sub {
        case "check": return try check(rest)
        case "import": return try importFiles(rest)
        case "export": return try export(rest)
        default: throw UsageError(message: "sous-commande inconnue « bank \(sub) » (check, import, export)")
        }
    }

    /// `bank check PATH… [--json]`: parses and reports every problem; `--json` prints the questions.
    static func check(_ arguments: [String]) throws -> Int32 {
        let options = try Options(arguments, flags: ["json"])
        guard !options.positional.isEmpty else { throw UsageError(message: "indiquez au moins un fichier ou dossier") }

        var questions: [Question] = []
        var problems: [String] = []
        for path in options.positional {
            let url = URL(fileURLWithPath: path)
            if isBanksRoot(url) {
                do {
                    let checked = try BankSync.check(files: try BankSync.files(under: url))
                    questions += checked.questions
                    if !options.flags.contains("json") {
                        print(
                            "\(path) : \(checked.questions.count) question(s), "
                                + "\(checked.blueprints.count) épreuve(s).")
                    }
                } catch let error as BankSyncError {
                    problems += error.problems.map(\.description)
                }
                continue
            }
            for file in try bankFiles(at: url) {
                switch parse(file) {
                case .success(let parsed):
                    questions += parsed
                    if !options.flags.contains("json") { print("\(file.path) : \(parsed.count) question(s).") }
                case .failure(let error):
                    problems += error.problems.map(\.description)
                }
            }
        }

        if options.flags.contains("json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(questions), as: UTF8.self))
        }
        for problem in problems { CommandLineTool.printError(problem) }
        return problems.isEmpty ? 0 : 1
    }

    /// `bank import PATH…`: validates, copies into `QuestionBanks/<track>/`, then syncs the database.
    static func importFiles(_ arguments: [String]) throws -> Int32 {
        let options = try Options(arguments)
        guard !options.positional.isEmpty else { throw UsageError(message: "indiquez au moins un fichier") }
        let config = try Configuration()

        var incoming: [(name: String, track: String, gift: String)] = []
        var problems: [String] = []
        for path in options.positional {
            for file in try bankFiles(at: URL(fileURLWithPath: path)) {
                switch parse(file) {
                case .failure(let error):
                    problems += error.problems.map(\.description)
                case .success(let questions):
                    guard let track = questions.first?.category.split(separator: "/").first.map(String.init),
                        Track(rawValue: track) != nil
                    else {
                        problems.append("\(file.path) : catégorie attendue sous une filière (es, ass, ifsi, as)")
                        continue
                    }
                    let name = file.url.deletingPathExtension().lastPathComponent + ".gift"
                    let gift = file.url.pathExtension == "gift" ? file.text : GiftExporter.export(questions)
                    incoming.append((name, track, gift))
                }
            }
        }
        guard problems.isEmpty else {
            problems.forEach(CommandLineTool.printError)
            CommandLineTool.printError("aucune question importée.")
            return 1
        }

        var files = try BankSync.files(under: config.banksDirectory).filter { existing in
            !incoming.contains { "\($0.track)/\($0.name)" == existing.path }
        }
        files += incoming.map { BankSync.File(path: "\($0.track)/\($0.name)", contents: $0.gift) }
        do {
            _ = try BankSync.check(files: files)
        } catch let error as BankSyncError {
            error.problems.map(\.description).forEach(CommandLineTool.printError)
            CommandLineTool.printError("aucune question importée.")
            return 1
        }

        for file in incoming {
            let folder = config.banksDirectory.appendingPathComponent(file.track)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(file.gift.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
        }
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        let db = try Database(path: config.databasePath)
        defer { db.close() }
        _ = try Schema.migrator.migrate(db)
        let report = try BankSync(db: db).sync(files: files, now: Date())
        // Named, because a command run without the server's LESOCIAL_DATA updates another database.
        print("Import terminé : \(report.summary)")
        print("Base de données : \(config.databasePath)")
        return 0
    }

    /// `bank export --format gift|xml [--category C]`: the current questions of the database.
    static func export(_ arguments: [String]) throws -> Int32 {
        let options = try Options(arguments)
        let format = options.values["format"] ?? "gift"
        guard format == "gift" || format == "xml" else { throw UsageError(message: "format attendu : gift ou xml") }
        let category = options.values["category"]
        let config = try Configuration()
        let db = try Database(path: config.databasePath)
        defer { db.close() }
        _ = try Schema.migrator.migrate(db)

        let questions = try QuestionStore(db).latestVersions().values
            .filter { $0.retiredAt == nil }
            .map(\.question)
            .filter { category == nil || $0.category == category || $0.category.hasPrefix(category! + "/") }
            .sorted { ($0.category, $0.id) < ($1.category, $1.id) }
        print(format == "gift" ? GiftExporter.export(questions) : MoodleXMLExporter.export(questions))
        return 0
    }

    // MARK: - Files

    struct BankFile {
        var url: URL
        var path: String
        var text: String
    }

    static func isBanksRoot(_ url: URL) -> Bool {
        Track.allCases.contains {
            FileManager.default.fileExists(atPath: url.appendingPathComponent($0.rawValue).path)
        }
    }

    /// The `.gift` and `.xml` files at a path (a file, or a folder searched recursively).
    static func bankFiles(at url: URL) throws -> [BankFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw UsageError(message: "fichier introuvable : \(url.path)")
        }
        var urls: [URL] = []
        if isDirectory.boolValue {
            let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
            while let next = enumerator?.nextObject() as? URL {
                if ["gift", "xml"].contains(next.pathExtension) { urls.append(next) }
            }
        } else {
            urls = [url]
        }
        return try urls.sorted { $0.path < $1.path }.map { file in
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else { throw UsageError(message: "\(file.path) : fichier illisible (UTF-8 attendu)") }
            return BankFile(url: file, path: file.path, text: text)
        }
    }

    /// The questions of a file, or the list of its problems.
    static func parse(_ file: BankFile) -> Result<[Question], QuestionImportError> {
        do {
            if file.url.pathExtension == "xml" {
                return .success(try MoodleXMLImporter.parse(Data(file.text.utf8), file: file.path))
            }
            return .success(try GiftParser.parse(file.text, file: file.path).questions)
        } catch {
            return .failure(error)
        }
    }
}
