import Foundation
import Mustache
import Testing

struct TemplateTests {
    @Test func escapesTheFiveHtmlCharactersByDefault() throws {
        let template = try Template("{{text}}|{{{text}}}|{{&text}}")

        let output = try template.render(["text": "<a href=\"x\">l'été & co</a>"])

        #expect(
            output == "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;"
                + "|<a href=\"x\">l'été & co</a>|<a href=\"x\">l'été & co</a>")
    }

    @Test func numbersRenderInTheirShortestForm() throws {
        let template = try Template("{{a}} {{b}} {{c}} {{d}}")

        let output = try template.render(["a": 1.210, "b": 85, "c": 3.0, "d": -0.5])

        #expect(output == "1.21 85 3 -0.5")
    }

    @Test func zeroEmptyStringAndEmptyListAreFalsey() throws {
        let template = try Template("{{^zero}}z{{/zero}}{{^empty}}e{{/empty}}{{^list}}l{{/list}}{{#one}}1{{/one}}")

        let output = try template.render(["zero": 0, "empty": "", "list": [], "one": 1])

        #expect(output == "zel1")
    }

    @Test func rendersTheSameParsedTemplateManyTimes() throws {
        let template = try Template("{{#items}}<li>{{name}}</li>{{/items}}")

        let first = try template.render(["items": [["name": "IFSI"], ["name": "AS"]]])
        let second = try template.render(["items": [["name": "ES"]]])

        #expect(first == "<li>IFSI</li><li>AS</li>")
        #expect(second == "<li>ES</li>")
    }

    @Test func unclosedTagNamesTheLineWhereItOpens() throws {
        let error = try #require(throws: MustacheError.self) {
            try Template("<p>\n  {{title\n</p>", name: "pages/home")
        }

        #expect(error == MustacheError(template: "pages/home", line: 2, reason: .unclosedTag(expected: "}}")))
        #expect(error.description == "mustache: pages/home line 2: unclosed tag, expected '}}'")
    }

    @Test func unclosedSectionNamesTheSectionAndItsLine() throws {
        let error = try #require(throws: MustacheError.self) {
            try Template("{{! a comment\n over two lines }}\n{{#items}}\n<li>{{name}}</li>\n", name: "list")
        }

        #expect(error.description == "mustache: list line 3: unclosed section 'items'")
    }

    @Test func mismatchedCloseNamesBothSections() throws {
        let error = try #require(throws: MustacheError.self) {
            try Template("{{#user}}\n{{#ads}}\n{{/user}}\n{{/ads}}", name: "t")
        }

        #expect(error.line == 3)
        #expect(error.reason == .mismatchedClose(expected: "ads", found: "user"))
        #expect(error.description == "mustache: t line 3: closing tag 'user' does not match open section 'ads'")
    }

    @Test func closeWithoutOpenSectionIsRefused() throws {
        let error = try #require(throws: MustacheError.self) { try Template("a\n{{/items}}", name: "t") }

        #expect(error == MustacheError(template: "t", line: 2, reason: .unexpectedClose("items")))
    }

    @Test func badDelimitersAreRefused() throws {
        let error = try #require(throws: MustacheError.self) { try Template("{{=<% =}}", name: "t") }

        #expect(error.description == "mustache: t line 1: invalid set-delimiters tag '<% '")
    }

    @Test func emptyAndSpacedNamesAreRefused() throws {
        let empty = try #require(throws: MustacheError.self) { try Template("{{ }}", name: "t") }
        let spaced = try #require(throws: MustacheError.self) { try Template("\n{{#first name}}", name: "t") }

        #expect(empty.reason == .invalidName(" "))
        #expect(spaced == MustacheError(template: "t", line: 2, reason: .invalidName("first name")))
    }

    @Test func endlessPartialRecursionThrowsInsteadOfCrashing() throws {
        let library = try TemplateLibrary(templates: ["loop": "x\n{{>loop}}"])

        let error = try #require(throws: MustacheError.self) { try library.render("loop", [:]) }

        #expect(error == MustacheError(template: "loop", line: 2, reason: .recursionTooDeep(limit: 100)))
    }

    @Test func concurrentRendersOfOneTemplateAgree() throws {
        let template = try Template("{{#rows}}{{id}},{{/rows}}")
        let rows = MustacheValue.array((0..<50).map { ["id": .int($0)] })
        let expected = (0..<50).map { "\($0)," }.joined()
        let results = ResultsBox(count: 64)

        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, (try? template.render(["rows": rows])) ?? "")
        }

        #expect(results.all.allSatisfy { $0 == expected })
    }
}

/// Collects strings written from several threads.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String]

    init(count: Int) { values = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
