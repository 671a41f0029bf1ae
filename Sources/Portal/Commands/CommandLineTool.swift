import Accounts
import Foundation

/// The `lesocial` command line: `serve`, `migrate`, `backup`, `user`, `bank`, `stats`.
public enum CommandLineTool {
    static let usage = """
        Utilisation : lesocial COMMANDE [OPTIONS]

        Commandes :
          serve                         démarre le portail (réglages : variables LESOCIAL_*)
          migrate                       met la base de données à jour
          backup CHEMIN                 copie la base en cours d'utilisation vers CHEMIN
          user create --email E --role R [--name N] [--password-stdin]
                                        crée un compte (rôles : member, student, trainer, moderator, admin)
          plan list | create | price | archive
                                        gère les formules (lesocial plan pour le détail des options)
          keys list | rotate            clés de signature des jetons d'accès (rotate : nouvelle clé active)
          help                          affiche cette aide
        """

    /// Runs a command and returns the process exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        var rest = Array(arguments.dropFirst())
        let command = rest.isEmpty ? "help" : rest.removeFirst()
        do {
            switch command {
            case "serve": return try ServeCommand.run(rest)
            case "migrate": return try MigrateCommand.run(rest)
            case "backup": return try BackupCommand.run(rest)
            case "user": return try UserCommand.run(rest)
            case "bank": return try BankCommand.run(rest)
            case "stats": return try StatsCommand.run(rest)
            case "plan": return try PlanCommand.run(rest)
            case "keys": return try KeysCommand.run(rest)
            case "help", "--help", "-h":
                print(usage)
                return 0
            default:
                printError("commande inconnue « \(command) ».\n\n\(usage)")
                return 64
            }
        } catch let error as AccountError {
            printError(error.message)
            return 1
        } catch let error as UsageError {
            printError(error.message)
            return 64
        } catch {
            printError("\(error)")
            return 1
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data("lesocial : \(text)\n".utf8))
    }
}

/// A command line that cannot be run as typed; the message says what to type.
struct UsageError: Error {
    var message: String
}

/// Reads `--name value` options and positional arguments.
struct Options {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    init(_ arguments: [String], flags known: Set<String> = []) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if known.contains(name) {
                    flags.insert(name)
                } else {
                    guard index + 1 < arguments.count else {
                        throw UsageError(message: "valeur manquante pour --\(name)")
                    }
                    values[name] = arguments[index + 1]
                    index += 1
                }
            } else {
                positional.append(argument)
            }
            index += 1
        }
    }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else { throw UsageError(message: "option --\(name) obligatoire") }
        return value
    }
}
