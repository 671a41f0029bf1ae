import Testing

@testable import Mustache
@testable import Portal

/// The busy pages' views build their template values by hand (`MustacheConvertible`); these tests check
/// that every one says exactly what its `Encodable` conformance says, so a field added to one is not
/// forgotten in the other.
@Suite struct ViewValueTests {
    static let layout = LayoutView(
        stylesheet: "/static/css/app.abc.css", script: "/static/js/app.abc.js",
        navigation: Navigation.items(current: "/preparations/ifsi"),
        user: LayoutView.UserSummary(displayName: "Inès"), csrf: "jeton",
        notice: Notice(kind: "success", text: "Vous êtes connecté."))

    static let visitorLayout = LayoutView(
        stylesheet: "/s.css", script: "/s.js", navigation: Navigation.items(current: "/"), user: nil, csrf: "x",
        notice: nil)

    func expectSameValue<View: Encodable & MustacheConvertible>(_ view: View) throws {
        let generic = try MustacheEncoder(usesConversions: false).encode(view)
        #expect(view.mustacheValue == generic)
        #expect(try MustacheEncoder().encode(view) == generic)
    }

    @Test func layoutOfAMemberAndOfAVisitor() throws {
        try expectSameValue(Self.layout)
        try expectSameValue(Self.visitorLayout)
    }

    @Test func homeAndCatalogue() throws {
        let preparation = HomePage.View.Preparation(
            name: "Infirmier", code: "IFSI", summary: "…", href: "/preparations/ifsi", examCountLabel: "épreuves")
        try expectSameValue(HomePage.View(layout: Self.visitorLayout, preparations: [preparation, preparation]))
        let card = PreparationPage.ExamCard(
            id: "ifsi-echantillon", title: "Échantillon", summary: "Dix questions", free: true,
            accessLabel: "Gratuit", durationLabel: "20 min", sectionsLabel: "1 section", questionCount: 10,
            total: "20")
        let catalogue = PreparationPage.View(
            layout: Self.layout, name: "Infirmier", summary: "…", exams: [card], selectionHTML: "<p>Sélection</p>")
        try expectSameValue(catalogue)
    }

    static func question(kind: String) -> AttemptPage.View {
        AttemptPage.View(
            layout: layout, token: "tok", examTitle: "Épreuve", sectionLabel: "Section 1 sur 2 : Calculs", number: 3,
            sectionCount: 10, position: 2, kind: kind, seq: 41, remainingMs: 90_000, remainingLabel: "1:30",
            saveLabel: "Enregistré",
            navigator: [
                .init(
                    token: "tok", position: 0, number: 1, answered: true, flagged: false, current: false,
                    stateLabel: " (répondue)"),
                .init(
                    token: "tok", position: 2, number: 2, answered: false, flagged: true, current: true,
                    stateLabel: " (sans réponse), marquée"),
            ],
            title: kind == "description" ? nil : "Titre", stemHTML: "<p>Énoncé</p>", flagged: true,
            previous: .init(position: 0), next: nil, hasNextSection: true, errorMessage: nil, examScript: "/e.js")
    }

    @Test func questionPageOfEveryKind() throws {
        let options: [AttemptPage.View.Option] = [
            .init(index: 0, html: "A", checked: true), .init(index: 1, html: "B", checked: false),
        ]
        var single = Self.question(kind: "singleChoice")
        single.singleChoice = options
        single.errorMessage = "Réponse refusée"
        try expectSameValue(single)

        var multiple = Self.question(kind: "multipleChoice")
        multiple.multipleChoice = options
        multiple.next = .init(position: 3)
        try expectSameValue(multiple)

        var trueFalse = Self.question(kind: "trueFalse")
        trueFalse.trueFalse = .init(isTrue: false, isFalse: true)
        try expectSameValue(trueFalse)

        var numerical = Self.question(kind: "numerical")
        numerical.textAnswer = .init(text: "12,5", unit: "mL", numeric: true)
        try expectSameValue(numerical)

        var essay = Self.question(kind: "essay")
        essay.essay = .init(text: "Texte", unit: nil, numeric: false)
        try expectSameValue(essay)

        var matching = Self.question(kind: "matching")
        matching.matching = [
            .init(
                index: 0, html: "Item",
                choices: [.init(value: "x", selected: true), .init(value: "y", selected: false)])
        ]
        try expectSameValue(matching)

        try expectSameValue(Self.question(kind: "description"))
    }
}
