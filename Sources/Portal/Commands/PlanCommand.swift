import Billing
import Foundation
import Storage

/// `lesocial plan list|create|price|archive`: the offer, managed from the command line as from `/admin/tarifs`.
enum PlanCommand {
    static let usage = """
        sous-commande attendue :
          plan list
          plan create --slug S --name N --scope es|ass|ifsi|as|all (--months M | --until AAAA-MM-JJ) --price 19,90
          plan price ID|SLUG --price 24,90
          plan archive ID|SLUG
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let command = arguments.first else { throw UsageError(message: usage) }
        let options = try Options(Array(arguments.dropFirst()))

        let config = try Configuration()
        try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
        let db = try Database(path: config.databasePath)
        defer { db.close() }
        _ = try Schema.migrator.migrate(db)
        try DefaultPlans.seed(db, now: Date())

        do {
            switch command {
            case "list": list(try PlanStore(db).allPlans())
            case "create": try create(options, db: db)
            case "price": try price(options, db: db)
            case "archive": try archive(options, db: db)
            default: throw UsageError(message: usage)
            }
        } catch let error as BillingError {
            CommandLineTool.printError(error.message)
            return 1
        }
        return 0
    }

    private static func list(_ plans: [Plan]) {
        let now = Date()
        for plan in plans {
            let price = plan.price
            let status = plan.archivedAt != nil ? "archivée" : (plan.isOnSale(at: now) ? "en vente" : "terminée")
            print(
                "\(plan.id)\t\(plan.slug)\t\(plan.name)\t\(plan.scope.rawValue)\t\(plan.duration.displayText)\t"
                    + "TTC \(BillingFormat.euros(price.ttcCents)) (HT \(BillingFormat.euros(price.htCents)), "
                    + "TVA \(price.vatRateText))\t\(status)")
        }
    }

    private static func create(_ options: Options, db: Database) throws {
        let scopeName = try options.required("scope")
        guard let scope = AccessScope(rawValue: scopeName) else {
            throw UsageError(message: "--scope doit valoir es, ass, ifsi, as ou all (reçu « \(scopeName) »)")
        }
        let duration: PlanDuration
        switch (options.values["months"], options.values["until"]) {
        case (let months?, nil):
            guard let count = Int(months) else { throw UsageError(message: "--months attend un nombre de mois") }
            duration = .months(count)
        case (nil, let until?):
            guard let end = BillingFormat.endOfDay(until) else {
                throw UsageError(message: "--until attend une date AAAA-MM-JJ")
            }
            duration = .untilDate(end)
        default:
            throw UsageError(message: "indiquez soit --months, soit --until")
        }
        let plan = try PlanStore(db).create(
            slug: try options.required("slug"), name: try options.required("name"), scope: scope,
            duration: duration, priceTTCCents: try cents(options), now: Date())
        print("Formule \(plan.slug) créée (id \(plan.id)) à \(BillingFormat.euros(plan.priceTTCCents)) TTC.")
    }

    private static func price(_ options: Options, db: Database) throws {
        let plan = try find(options, db: db)
        let updated = try PlanStore(db).updatePrice(planID: plan.id, priceTTCCents: try cents(options), now: Date())
        print(
            "Formule \(updated.slug) : \(BillingFormat.euros(updated.priceTTCCents)) TTC pour les prochaines commandes."
        )
    }

    private static func archive(_ options: Options, db: Database) throws {
        let plan = try PlanStore(db).archive(planID: try find(options, db: db).id, now: Date())
        print("Formule \(plan.slug) archivée : elle n'est plus proposée, les accès achetés restent valables.")
    }

    /// The plan named by the first positional argument, by id or slug.
    private static func find(_ options: Options, db: Database) throws -> Plan {
        guard let key = options.positional.first else { throw UsageError(message: "indiquez l'id ou le slug") }
        let store = PlanStore(db)
        guard let plan = try Int64(key).flatMap({ try store.plan(id: $0) }) ?? store.plan(slug: key) else {
            throw BillingError.planNotFound(key)
        }
        return plan
    }

    private static func cents(_ options: Options) throws -> Int {
        let text = try options.required("price")
        guard let cents = BillingFormat.cents(from: text) else {
            throw UsageError(message: "--price attend un prix TTC en euros, par exemple 19,90")
        }
        return cents
    }
}
