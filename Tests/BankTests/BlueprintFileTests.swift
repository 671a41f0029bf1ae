import Foundation
import Testing

@testable import Exams

/// The shipped exams load, validate against their track's questions and draw without repeats.
@Suite struct BlueprintFileTests {
    /// Attempts drawn per blueprint, each from its own seed.
    static let drawsPerBlueprint = 100

    @Test(arguments: Track.allCases)
    func everyBlueprintValidatesAgainstItsTrack(track: Track) throws {
        let bank = try BankFolder.shipped()
        let (blueprints, problems) = bank.blueprints(of: track)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(!(bank.blueprintFiles[track] ?? []).isEmpty, "\(track.rawValue)/exams/ : aucune épreuve .json")

        let pool = bank.drawPool(of: track)
        for (blueprint, file) in blueprints {
            let name = String((file.split(separator: "/").last ?? "").dropLast(".json".count))

            let reasons = blueprint.problems(pool: pool, fileName: name, folderTrack: track)

            #expect(reasons.isEmpty, "\(file) : \(reasons.joined(separator: " ; "))")
        }
    }

    @Test(arguments: Track.allCases)
    func everyBlueprintDrawsAHundredAttemptsWithoutRepeatingAQuestion(track: Track) throws {
        let bank = try BankFolder.shipped()
        let pool = bank.drawPool(of: track)

        for (blueprint, file) in bank.blueprints(of: track).loaded {
            let admitted = pool.filter(blueprint.admits)
            let draw = QuestionDraw(candidates: admitted)
            let rules = blueprint.sections.flatMap(\.draw)
            for seed in 1...Self.drawsPerBlueprint {
                var generator = SeededGenerator(seed: UInt64(seed))

                guard let picked = draw.draw(rules, using: &generator) else {
                    Issue.record("\(file) : tirage impossible (graine \(seed))")
                    break
                }

                let problems = Self.problems(of: picked, rules: rules, pool: admitted)
                if !problems.isEmpty {
                    Issue.record("\(file), graine \(seed) : \(problems.joined(separator: " ; "))")
                    break
                }
            }
        }
    }

    @Test(arguments: Track.allCases)
    func everyDrawnCategoryHoldsThreeTimesWhatAnExamDraws(track: Track) throws {
        let bank = try BankFolder.shipped()
        let pool = bank.drawPool(of: track)

        var shortfalls: [String] = []
        for (blueprint, file) in bank.blueprints(of: track).loaded {
            let rules = blueprint.sections.flatMap(\.draw)
            for category in Self.orderedCategories(of: rules) {
                let sameCategory = rules.filter { $0.category == category }
                let drawn = sameCategory.reduce(0) { $0 + $1.count }
                let eligible = pool.filter { candidate in
                    blueprint.admits(candidate)
                        && sameCategory.contains {
                            $0.admits(category: candidate.category, difficulty: candidate.difficulty)
                        }
                }.count
                if eligible < 3 * drawn {
                    shortfalls.append(
                        "\(file) : catégorie « \(category) »\(Self.levels(of: sameCategory)) : "
                            + "\(eligible) question(s) "
                            + "pour \(drawn) tirée(s), il en faut au moins \(3 * drawn)")
                }
            }
        }

        #expect(shortfalls.isEmpty, "\(shortfalls.joined(separator: "\n"))")
    }

    @Test(arguments: Track.allCases)
    func eachTrackHasOneFreeSampleAndAtLeastTwoPremiumExams(track: Track) throws {
        let blueprints = try BankFolder.shipped().blueprints(of: track).loaded.map(\.blueprint)

        let free = blueprints.filter { $0.access == .free }.map(\.id)
        let premium = blueprints.filter { $0.access == .premium }.map(\.id)

        #expect(free.count == 1, "\(track.rawValue) : \(free.count) épreuve(s) gratuite(s) \(free), il en faut une")
        #expect(premium.count >= 2, "\(track.rawValue) : \(premium.count) épreuve(s) premium \(premium), il en faut 2")
    }

    @Test func ifsiPremiumExamsMirrorTheRealWrittenTest() throws {
        let blueprints = try BankFolder.shipped().blueprints(of: .ifsi).loaded.filter {
            $0.blueprint.access == .premium
        }

        for (blueprint, file) in blueprints {
            let sections = blueprint.sections.map { "\($0.id) \(FrenchNumber.format($0.minutes)) min /\($0.points)" }
            #expect(blueprint.sections.count == 2, "\(file) : \(blueprint.sections.count) section(s), il en faut 2")
            #expect(
                blueprint.sections.allSatisfy { $0.minutes == 30 && $0.points == 10 },
                "\(file) : sections \(sections), attendu 30 minutes et 10 points chacune")
            #expect(blueprint.scoring.total == 20, "\(file) : total \(blueprint.scoring.total), attendu 20")
            #expect(
                blueprint.scoring.eliminatoryBelow == 8,
                "\(file) : note éliminatoire \(String(describing: blueprint.scoring.eliminatoryBelow)), attendu 8")
        }
    }

    /// What is wrong with one draw: a rule short of questions, a question outside its rule, a repeat.
    static func problems(of picked: [[Int]], rules: [Blueprint.DrawRule], pool: [QuestionDraw.Candidate]) -> [String] {
        var problems: [String] = []
        for (rule, indices) in zip(rules, picked) {
            if indices.count != rule.count {
                problems.append("« \(rule.category) » : \(indices.count) question(s) pour \(rule.count)")
            }
            for index in indices where !rule.admits(category: pool[index].category, difficulty: pool[index].difficulty)
            {
                problems.append("\(pool[index].id) tirée hors de la règle « \(rule.category) »")
            }
        }
        var seen: Set<String> = []
        for index in picked.joined() where !seen.insert(pool[index].id).inserted {
            problems.append("\(pool[index].id) tirée deux fois")
        }
        return problems
    }

    private static func orderedCategories(of rules: [Blueprint.DrawRule]) -> [String] {
        var seen: Set<String> = []
        return rules.map(\.category).filter { seen.insert($0).inserted }
    }

    private static func levels(of rules: [Blueprint.DrawRule]) -> String {
        guard rules.allSatisfy({ $0.difficulty != nil }) else { return "" }
        let levels = Set(rules.flatMap { $0.difficulty ?? [] }).sorted()
        return " (niveau " + levels.map(String.init).joined(separator: " ou ") + ")"
    }
}
