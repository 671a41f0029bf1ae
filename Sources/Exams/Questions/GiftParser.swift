import Foundation

/// Reads GIFT, Moodle's text format for question banks, the way Moodle's own importer does.
///
/// Questions are separated by blank lines; lines starting with `//` are comments, whose `[id:...]`,
/// `[tag:...]` and LeSocial's `[unit:...]` apply to the question they sit in. Differences from Moodle's
/// importer, all stricter or friendlier, none changing a valid question:
/// - a file with any error yields no question, and every error is reported with its line;
/// - a `$CATEGORY:` line directly followed by a question (no blank line) also reads that question;
/// - `=%50%` weights are read in choice questions too (Moodle keeps `%50%` as text there);
/// - text before the first `~`/`=` of a choice question, a second `{...}` block, a numerical value
///   that is not a number, an empty option, weights outside -100...100 are errors, not silently kept;
/// - numerical values may use a decimal comma (`{#2,5:0,1}`).
public enum GiftParser {
    /// Parses GIFT source; `file` only names the source in problems.
    ///
    /// - Throws: `QuestionImportError` listing every problem; then no question is returned at all.
    public static func parse(_ source: String, file: String) throws(QuestionImportError) -> GiftDocument {
        var reader = GiftQuestionReader(file: file)
        var drafts: [Draft] = []
        var category = ""
        for block in blocks(of: source) {
            var text = block.text.trimmed
            if text.startsWithSyntax("$CATEGORY:") {
                let lineEnd = text.firstSyntax("\n") ?? text.endIndex
                let raw = text[(text.startIndex + "$CATEGORY:".count)..<lineEnd].trimmed.string
                category = QuestionIdentity.categoryPath(fromMoodle: raw)
                if category.isEmpty {
                    reader.report(text.line(or: block.firstLine), "catégorie vide après « $CATEGORY: »")
                }
                drafts.append(.category(raw: raw, path: category))
                text = text[lineEnd...].trimmed
                if text.isEmpty { continue }
            }
            let line = text.line(or: block.firstLine)
            guard var question = reader.read(text, firstLine: line) else { continue }
            question.category = category
            reader.applyComments(block.comments, to: &question, line: line)
            drafts.append(.question(question, line: line))
        }

        var questions = drafts.compactMap(\.question)
        let lines = drafts.compactMap(\.line)
        for (duplicate, original) in QuestionIdentity.assignIDs(&questions) {
            let id = questions[duplicate].id
            reader.report(lines[duplicate], "identifiant « \(id) » déjà utilisé ligne \(lines[original])")
        }
        if !reader.problems.isEmpty {
            throw QuestionImportError(problems: reader.problems.sorted { $0.line < $1.line })
        }

        var remaining = questions[...]
        let items: [GiftDocument.Item] = drafts.map { draft in
            switch draft {
            case .category(let raw, let path): return .category(raw: raw, path: path)
            case .question: return .question(remaining.removeFirst())
            }
        }
        return GiftDocument(items: items)
    }

    /// Reads and parses a GIFT file, named in problems by its last path component.
    ///
    /// - Throws: `QuestionImportError` for an unreadable file or any problem in it.
    public static func parseFile(at url: URL) throws(QuestionImportError) -> GiftDocument {
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw QuestionImportError(problems: [ImportProblem(file: name, line: 1, reason: "fichier illisible")])
        }
        guard let source = String(data: data, encoding: .utf8) else {
            let reason = "fichier illisible : il doit être enregistré en UTF-8"
            throw QuestionImportError(problems: [ImportProblem(file: name, line: 1, reason: reason)])
        }
        return try parse(source, file: name)
    }

    /// A question or category in file order, before ids are assigned.
    private enum Draft {
        case category(raw: String, path: String)
        case question(Question, line: Int)

        var question: Question? {
            if case .question(let question, _) = self { return question }
            return nil
        }

        var line: Int? {
            if case .question(_, let line) = self { return line }
            return nil
        }
    }

    /// A run of non-blank lines: its text (comment lines removed) and its comments.
    struct Block {
        /// Decoded text of the non-comment lines, joined with newlines.
        var text: GiftText
        /// The `//` lines, trimmed.
        var comments: [String]
        /// Line of the block's first line, comment or not.
        var firstLine: Int
    }

    /// Splits source into blocks at blank lines, as Moodle does.
    static func blocks(of source: String) -> [Block] {
        var source = Substring(source)
        if source.hasPrefix("\u{FEFF}") { source = source.dropFirst() }
        var blocks: [Block] = []
        var characters: [GiftCharacter] = []
        var comments: [String] = []
        var firstLine = 0

        func flush() {
            if !characters.isEmpty {
                blocks.append(Block(text: characters[...], comments: comments, firstLine: firstLine))
            }
            characters = []
            comments = []
            firstLine = 0
        }

        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                continue
            }
            if firstLine == 0 { firstLine = number }
            if trimmed.hasPrefix("//") {
                comments.append(trimmed)
                continue
            }
            if !characters.isEmpty {
                characters.append(GiftCharacter(value: "\n", escaped: false, line: number - 1))
            }
            characters += GiftCharacter.decode(line, lineNumber: number)
        }
        flush()
        return blocks
    }
}
