import Foundation

extension Blueprint {
    /// Every reason, in French, why this blueprint cannot be run against `pool` (the active questions);
    /// empty when it can.
    ///
    /// `fileName` is the file's name without `.json`, which must be the id; `folderTrack` the bank folder
    /// it sits in.
    func problems(pool allQuestions: [QuestionDraw.Candidate], fileName: String? = nil, folderTrack: Track? = nil)
        -> [String]
    {
        let pool = allQuestions.filter(admits)
        var reasons: [String] = []
        if let fileName, fileName != id {
            reasons.append("l'identifiant « \(id) » ne correspond pas au nom du fichier « \(fileName).json »")
        }
        if let folderTrack, folderTrack != track {
            reasons.append(
                "la filière « \(track.rawValue) » ne correspond pas au dossier « \(folderTrack.rawValue) »")
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { reasons.append("le titre est vide") }
        reasons += scoringProblems()
        if sections.isEmpty { reasons.append("l'épreuve n'a aucune section") }
        var seenSections: Set<String> = []
        for section in sections {
            if !seenSections.insert(section.id).inserted {
                reasons.append("la section « \(section.id) » est définie deux fois")
            }
            reasons += problems(of: section, pool: pool)
        }
        if reasons.isEmpty {
            var generator = SystemRandomNumberGenerator()
            if QuestionDraw(candidates: pool).draw(sections.flatMap(\.draw), using: &generator) == nil {
                reasons.append(
                    "les règles de tirage se recoupent : impossible de tirer \(questionCount) questions "
                        + "toutes différentes"
                )
            }
        }
        return reasons
    }

    private func scoringProblems() -> [String] {
        var reasons: [String] = []
        let total = FrenchNumber.format(scoring.total)
        if scoring.total <= 0 { reasons.append("le total des points doit être positif") }
        let sectionPoints = sections.reduce(0) { $0 + $1.points }
        if abs(sectionPoints - scoring.total) > 1e-9 {
            reasons.append(
                "la somme des points des sections (\(FrenchNumber.format(sectionPoints))) diffère du total (\(total))")
        }
        if scoring.passMark < 0 || scoring.passMark > scoring.total {
            reasons.append(
                "la note de réussite (\(FrenchNumber.format(scoring.passMark))) doit être entre 0 et \(total)")
        }
        if let mark = scoring.eliminatoryBelow, mark < 0 || mark > scoring.total {
            reasons.append("la note éliminatoire (\(FrenchNumber.format(mark))) doit être entre 0 et \(total)")
        }
        if scoring.penalty < 0 || scoring.penalty > 1 {
            reasons.append("la pénalité (\(FrenchNumber.format(scoring.penalty))) doit être entre 0 et 1")
        }
        return reasons
    }

    private func problems(of section: Section, pool: [QuestionDraw.Candidate]) -> [String] {
        let name = "section « \(section.id) »"
        var reasons: [String] = []
        if section.minutes <= 0 { reasons.append("\(name) : la durée doit être positive (minutes)") }
        if section.points <= 0 { reasons.append("\(name) : les points doivent être positifs") }
        if let mark = section.eliminatoryBelow, mark < 0 || mark > section.points {
            reasons.append(
                "\(name) : la note éliminatoire (\(FrenchNumber.format(mark))) doit être entre 0 et "
                    + FrenchNumber.format(section.points))
        }
        if section.draw.isEmpty { reasons.append("\(name) : aucune règle de tirage") }
        for rule in section.draw {
            reasons += problems(of: rule, in: name, pool: pool)
        }
        return reasons
    }

    private func problems(of rule: DrawRule, in name: String, pool: [QuestionDraw.Candidate]) -> [String] {
        if rule.count < 1 {
            return ["\(name) : catégorie « \(rule.category) » : le nombre de questions doit être au moins 1"]
        }
        if let levels = rule.difficulty, levels.isEmpty || levels.contains(where: { !(1...3).contains($0) }) {
            return ["\(name) : catégorie « \(rule.category) » : les niveaux de difficulté vont de 1 à 3"]
        }
        let inCategory = pool.filter {
            DrawRule(category: rule.category, count: 0).admits(category: $0.category, difficulty: $0.difficulty)
        }
        if inCategory.isEmpty {
            return ["\(name) : catégorie inconnue « \(rule.category) »"]
        }
        let eligible = inCategory.filter { rule.admits(category: $0.category, difficulty: $0.difficulty) }.count
        guard eligible < rule.count else { return [] }
        let levels = rule.difficulty.map { " de niveau " + $0.map(String.init).joined(separator: " ou ") } ?? ""
        return [
            "\(name) : catégorie « \(rule.category) » : \(eligible) question(s)\(levels) disponible(s) "
                + "pour \(rule.count) demandée(s)"
        ]
    }
}
