import Accounts
import Foundation
import Security
import Storage

/// `lesocial user create --email … --role admin`: creates a confirmed account (the first admin).
enum UserCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard arguments.first == "create" else { throw UsageError(message: "sous-commande attendue : user create") }
        let options = try Options(Array(arguments.dropFirst()), flags: ["password-stdin"])
        let email = try AccountService.normalizedEmail(try options.required("email"))
        let roleName = try options.required("role")
        guard let role = Role(rawValue: roleName) else {
            throw UsageError(message: "rôle inconnu « \(roleName) » (member, student, trainer, moderator, admin)")
        }
        let name = options.values["name"] ?? String(email.split(separator: "@")[0])

        var password: String
        var generated = false
        if options.flags.contains("password-stdin") {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            password = SecureRandom.token(byteCount: 15)
            generated = true
        }
        try AccountService.checkNewPassword(password)

        let config = try Configuration()
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        let db = try Database(path: config.databasePath)
        defer { db.close() }
        _ = try Schema.migrator.migrate(db)
        let hasher = PasswordHasher(parameters: config.fastPasswordHashing ? .testing : .owasp)
        let user = try UserStore(db).create(
            email: email, displayName: name, passwordHash: try hasher.hash(password), role: role, confirmed: true,
            now: Date())

        print("Compte \(user.email) créé (rôle \(role.rawValue), id \(user.id)).")
        if generated { print("Mot de passe provisoire, à changer après connexion : \(password)") }
        return 0
    }
}
