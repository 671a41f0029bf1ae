import Foundation

/// The parsed and checked contents of the bank files, or every problem found in them.
struct BankContents {
    /// Every question with the file it comes from, in file order.
    var questions: [(question: Question, file: String)] = []
    /// Every blueprint, in file order.
    var blueprints: [Blueprint] = []

    /// Parses and checks `files`.
    ///
    /// - Throws: `BankSyncError` with every problem: GIFT errors with their lines, ids used twice,
    ///   questions outside their track's categories, blueprints that do not decode or cannot be drawn.
    init(files: [BankSync.File]) throws {
        var problems: [BankProblem] = []
        var firstFile: [String: String] = [:]
        var blueprintFiles: [(file: BankSync.File, track: Track)] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let segments = file.path.split(separator: "/").map(String.init)
            guard let track = segments.first.flatMap(Track.init(rawValue:)) else {
                problems.append(BankProblem(file: file.path, reason: "fichier hors d'un dossier de filière"))
                continue
            }
            if file.path.hasSuffix(".json") {
                blueprintFiles.append((file, track))
                continue
            }
            do {
                for question in try GiftParser.parse(file.contents, file: file.path).questions {
                    problems += Self.problems(of: question, in: file, track: track, firstFile: &firstFile)
                    questions.append((question, file.path))
                }
            } catch {
                problems += error.problems.map { BankProblem(file: file.path, line: $0.line, reason: $0.reason) }
            }
        }

        let pool = questions.map(\.question).filter { $0.kind != .description }.map {
            QuestionDraw.Candidate(id: $0.id, category: $0.category, difficulty: $0.difficulty, isFree: $0.isFree)
        }
        var blueprintIDs: Set<String> = []
        for (file, track) in blueprintFiles {
            do {
                let blueprint = try Blueprint.decode(Data(file.contents.utf8), file: file.path)
                let name = String((file.path.split(separator: "/").last ?? "").dropLast(".json".count))
                var reasons = blueprint.problems(pool: pool, fileName: name, folderTrack: track)
                if !blueprintIDs.insert(blueprint.id).inserted {
                    reasons.append("épreuve « \(blueprint.id) » déjà définie")
                }
                problems += reasons.map { BankProblem(file: file.path, reason: $0) }
                blueprints.append(blueprint)
            } catch let error as BankSyncError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw BankSyncError(problems: problems) }
    }

    /// Problems of one question that only show across files: id already used, category outside the track.
    private static func problems(
        of question: Question, in file: BankSync.File, track: Track, firstFile: inout [String: String]
    ) -> [BankProblem] {
        var problems: [BankProblem] = []
        // Found only for a problem: scanning the file for every question made syncing quadratic in its size.
        let line = { self.line(of: question, in: file.contents) }
        if let other = firstFile[question.id] {
            problems.append(
                BankProblem(
                    file: file.path, line: line(),
                    reason: "identifiant « \(question.id) » déjà utilisé dans \(other)"))
        } else {
            firstFile[question.id] = file.path
        }
        if question.category.split(separator: "/").first.map(String.init) != track.rawValue {
            let category = question.category.isEmpty ? "(aucune)" : question.category
            problems.append(
                BankProblem(
                    file: file.path, line: line(),
                    reason:
                        "catégorie « \(category) » hors de la filière « \(track.rawValue) » "
                        + "(attendu : \(track.rawValue)/...)"
                ))
        }
        return problems
    }

    /// The line of a question's `[id:...]` comment, when it has one.
    private static func line(of question: Question, in source: String) -> Int? {
        guard let idNumber = question.idNumber else { return nil }
        let marker = "[id:\(idNumber)]"
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains(marker) {
            return index + 1
        }
        return nil
    }
}
