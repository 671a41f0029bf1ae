import Exams
import Foundation
import Logging
import Storage
import Testing

/// A repeatable generator (SplitMix64), so draws and shuffles are the same at every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// A migrated database in a temporary folder, a movable clock, and bank files to sync.
final class EngineFixture {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    let directory: URL
    let db: Database
    var now = EngineFixture.start
    let lines = EngineLines()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("exams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = try Database(path: directory.appendingPathComponent("test.db").path)
        let users = Migration(name: "users_stub", sql: "CREATE TABLE users (id INTEGER PRIMARY KEY);")
        _ = try Migrator(migrations: [users] + ExamsSchema.migrations).migrate(db)
        for id in 1...40 { try db.run("INSERT INTO users (id) VALUES (?)", id) }
    }

    deinit {
        db.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var logger: Logger {
        let sink = lines
        return Logger(label: "test", minimumLevel: .debug, sink: { sink.append($0) })
    }

    func service(seed: UInt64 = 7, grace: TimeInterval = 10) -> AttemptService {
        AttemptService(
            db: db, settings: .init(grace: grace), random: SeededGenerator(seed: seed), logger: logger)
    }

    @discardableResult
    func sync(_ files: [BankSync.File]) throws -> BankSync.Report {
        try BankSync(db: db, logger: logger).sync(files: files, now: now)
    }

    func advance(minutes: Double = 0, seconds: Double = 0) {
        now = now.addingTimeInterval(minutes * 60 + seconds)
    }

    func count(_ sql: String) throws -> Int {
        try db.queryOne(sql)?.int(0) ?? -1
    }
}

/// Collects log lines in memory.
final class EngineLines: @unchecked Sendable {
    private var stored: [String] = []
    private let lock = NSLock()

    func append(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// Bank files written for the tests.
enum Bank {
    /// `count` single-choice questions `<prefix>-NNN` in `category`; the right option is always the first
    /// written (`Bon N`), levels cycle 1, 2, 3.
    static func singleChoice(_ category: String, prefix: String, count: Int, from first: Int = 1) -> String {
        var text = "$CATEGORY: \(category)\n\n"
        for number in first..<(first + count) {
            text += """
                // [id:\(prefix)-\(number)] [tag:niveau-\((number - 1) % 3 + 1)]
                ::Question \(number)::Énoncé \(prefix) \(number) ?{
                =Bon \(number)
                ~Faux A \(number)#Non.
                ~Faux B \(number)
                ~Faux C \(number)
                ####Explication \(number).}


                """
        }
        return text
    }

    /// `count` numerical questions whose answer is `10 × N`, exact.
    static func numerical(_ category: String, prefix: String, count: Int) -> String {
        var text = "$CATEGORY: \(category)\n\n"
        for number in 1...count {
            text += """
                // [id:\(prefix)-\(number)] [tag:niveau-2]
                ::Calcul \(number)::Combien font \(number) fois 10 ?{#\(number * 10):0
                ####\(number) × 10 \\= \(number * 10).}


                """
        }
        return text
    }

    /// A two-section blueprint, 10 points each out of 20.
    static func blueprint(
        id: String = "ifsi-blanc-1", sequential: Bool = true, shuffle: Bool = true, review: String = "after_submit",
        penalty: Double = 0, eliminatoryBelow: String = "8", firstSection: String = "ifsi/culture", firstCount: Int = 4,
        secondSection: String = "ifsi/calculs", secondCount: Int = 4, access: String = "premium"
    ) -> String {
        """
        {
          "id": "\(id)", "track": "ifsi", "title": "Épreuve blanche IFSI n° 1",
          "summary": "Deux parties de trente minutes.", "access": "\(access)",
          "shuffleQuestions": \(shuffle), "shuffleOptions": \(shuffle), "sequentialSections": \(sequential),
          "review": "\(review)",
          "scoring": { "total": 20, "passMark": 10, "eliminatoryBelow": \(eliminatoryBelow), "penalty": \(penalty) },
          "sections": [
            { "id": "culture", "title": "Culture sanitaire et sociale", "minutes": 30, "points": 10,
              "eliminatoryBelow": null, "draw": [ { "category": "\(firstSection)", "count": \(firstCount) } ] },
            { "id": "calculs", "title": "Calculs simples", "minutes": 30, "points": 10,
              "draw": [ { "category": "\(secondSection)", "count": \(secondCount) } ] }
          ]
        }
        """
    }

    /// The standard bank: 12 culture questions, 12 calculation questions, one sequential exam.
    ///
    /// With `free`, every question is tagged `gratuit` (the pool of free exams).
    static func standard(blueprint: String = Bank.blueprint(), free: Bool = false) -> [BankSync.File] {
        func tagged(_ text: String) -> String {
            free ? text.replacingOccurrences(of: "[tag:niveau-", with: "[tag:gratuit] [tag:niveau-") : text
        }
        return [
            BankSync.File(
                path: "ifsi/culture.gift",
                contents: tagged(singleChoice("ifsi/culture/sante", prefix: "cul", count: 12))),
            BankSync.File(
                path: "ifsi/calculs.gift", contents: tagged(numerical("ifsi/calculs/dosages", prefix: "cal", count: 12))
            ),
            BankSync.File(path: "ifsi/exams/ifsi-blanc-1.json", contents: blueprint),
        ]
    }
}

@Suite struct EngineFixtureTests {
    @Test func seededGeneratorsRepeatTheirSequence() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        var other = SeededGenerator(seed: 43)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(a != (0..<5).map { _ in other.next() })
    }

    @Test func theStandardBankLoadsWithItsExam() throws {
        let fixture = try EngineFixture()
        let report = try fixture.sync(Bank.standard())
        #expect(report.added == 24)
        #expect(report.examsLoaded == 1)
        #expect(try ExamStore(fixture.db).activeExams(track: .ifsi).map(\.id) == ["ifsi-blanc-1"])
    }
}

extension Bank {
    /// The right response to a question of the standard bank, in the shown order.
    static func right(_ question: PresentedQuestion) -> AnswerResponse {
        switch question.kind {
        case .numerical:
            return .text("\(Int(question.id.split(separator: "-").last ?? "0")! * 10)")
        default:
            return .choice(question.options.firstIndex { $0.text.hasPrefix("Bon") } ?? -1)
        }
    }

    /// A wrong response to a question of the standard bank, in the shown order.
    static func wrong(_ question: PresentedQuestion) -> AnswerResponse {
        switch question.kind {
        case .numerical:
            return .text("1")
        default:
            return .choice(question.options.firstIndex { $0.text.hasPrefix("Faux") } ?? -1)
        }
    }
}

extension EngineFixture {
    /// Saves `response` for the item at `position`, with the next sequence number.
    @discardableResult
    func answer(
        _ service: AttemptService, _ view: AttemptView, position: Int, _ response: AnswerResponse, seq: Int64 = 1
    ) throws -> SaveReceipt {
        try service.save(
            token: view.attempt.token, owner: view.attempt.owner, position: position, response: .set(response),
            clientSeq: seq, now: now)
    }

    /// Answers the shown items of `view` at `positions` rightly and the other shown ones wrongly.
    func answer(_ service: AttemptService, _ view: AttemptView, rightAt positions: Set<Int>) throws {
        for item in view.items {
            guard let question = item.question else { continue }
            let response = positions.contains(item.position) ? Bank.right(question) : Bank.wrong(question)
            try answer(service, view, position: item.position, response)
        }
    }
}
