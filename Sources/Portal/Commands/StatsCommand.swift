import Exams
import Foundation
import Storage

/// `lesocial stats EXAM_ID`: item statistics of an exam, on first attempts.
enum StatsCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let examID = arguments.first else { throw UsageError(message: "indiquez l'identifiant de l'épreuve") }
        let config = try Configuration()
        let db = try Database(path: config.databasePath)
        defer { db.close() }
        guard try ExamStore(db).blueprint(id: examID) != nil else {
            throw UsageError(message: "épreuve inconnue « \(examID) »")
        }

        print(ItemStatistics.table(try ItemStatistics(db).statistics(examID: examID)))
        return 0
    }
}
