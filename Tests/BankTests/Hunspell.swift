import Foundation

/// Debian's `hunspell` with its French dictionary (`hunspell-fr`), run as a child process.
struct Hunspell {
    /// Why the spell checker cannot run, with what to do about it.
    struct Failure: Error, CustomStringConvertible {
        /// In French, for whoever runs the tests.
        let description: String
    }

    /// Longest line sent to hunspell, which reads lines into a fixed buffer.
    static let maximumLineLength = 1_000

    /// The `hunspell` program.
    let executable: URL
    /// The dictionary name given to `-d` (`fr_FR`, or `fr` on systems without the alias).
    let dictionary: String

    /// Finds the program on `PATH` and the French dictionary in the usual folders.
    ///
    /// - Throws: `Failure` saying to run `scripts/install-deps.sh test` when either is missing.
    static func french() throws -> Hunspell {
        let manager = FileManager.default
        let advice = "lancez scripts/install-deps.sh test (paquets Debian hunspell et hunspell-fr)"
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        guard let program = folders.map({ "\($0)/hunspell" }).first(where: manager.isExecutableFile(atPath:)) else {
            throw Failure(description: "hunspell est introuvable : \(advice)")
        }
        let dictionaryFolders = ["/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell"]
        for name in ["fr_FR", "fr"] {
            for folder in dictionaryFolders where manager.fileExists(atPath: "\(folder)/\(name).dic") {
                return Hunspell(executable: URL(fileURLWithPath: program), dictionary: "\(folder)/\(name)")
            }
        }
        throw Failure(description: "dictionnaire français de hunspell introuvable (fr_FR.dic) : \(advice)")
    }

    /// The words of `lines` that the dictionary does not know (`hunspell -l`), as hunspell cuts them:
    /// with an elided article (`d'EHPAD`) or a final point (`CCAS.`) when the text has one.
    func unknownWords(in lines: [String]) throws -> Set<String> {
        let output = try run(["-l"], input: lines.map { $0 + "\n" }.joined())
        return Set(output.split(separator: "\n").map(String.init))
    }

    private func run(_ arguments: [String], input: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hunspell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("input.txt")
        let errorFile = folder.appendingPathComponent("stderr.txt")
        try Data(input.utf8).write(to: inputFile)
        try Data().write(to: errorFile)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["-d", dictionary, "-i", "UTF-8"] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw Failure(description: "hunspell \(arguments.joined(separator: " ")) a échoué : \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` cut at spaces into lines no longer than `maximumLineLength`, newlines and tabs made spaces.
    static func lines(of text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var lines: [String] = []
        var current = ""
        for word in words {
            if !current.isEmpty && current.count + 1 + word.count > maximumLineLength {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
