import Foundation
import Mustache
import Testing

struct TemplateLibraryTests {
    /// A fresh directory under the system temporary folder, removed by the caller.
    private func makeDirectory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mustache-\(UUID().uuidString)")
        for (path, content) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: file, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func loadsTemplatesRecursivelyByRelativeName() throws {
        let root = try makeDirectory([
            "layouts/base.mustache": "<title>{{$title}}LeSocial{{/title}}</title>\n<body>\n"
                + "  {{>partials/nav}}\n  {{$content}}\n  {{/content}}\n</body>\n",
            "partials/nav.mustache": "<nav>\n{{#links}}\n  <a>{{.}}</a>\n{{/links}}\n</nav>\n",
            "pages/home.mustache": "{{<layouts/base}}\n{{$title}}Accueil{{/title}}\n"
                + "{{$content}}\n<h1>Bonjour {{name}}</h1>\n{{/content}}\n{{/layouts/base}}\n",
            "README.txt": "{{not a template",
        ])
        defer { try? FileManager.default.removeItem(at: root) }

        let library = try TemplateLibrary(directory: root)
        let output = try library.render("pages/home", ["name": "Inès & co", "links": ["Forums", "Annonces"]])

        #expect(library.names == ["layouts/base", "pages/home", "partials/nav"])
        #expect(
            output == "<title>Accueil</title>\n<body>\n  <nav>\n    <a>Forums</a>\n    <a>Annonces</a>\n"
                + "  </nav>\n  <h1>Bonjour Inès &amp; co</h1>\n</body>\n")
    }

    @Test func brokenTemplateFailsTheLoadWithItsFileAndLine() throws {
        let root = try makeDirectory([
            "pages/ok.mustache": "fine",
            "pages/exam.mustache": "<ol>\n{{#questions}}\n  <li>{{stem}}</li>\n{{/question}}\n</ol>\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }

        let error = try #require(throws: MustacheError.self) { try TemplateLibrary(directory: root) }

        #expect(error.template == "pages/exam.mustache")
        #expect(error.line == 4)
        let expected =
            "mustache: pages/exam.mustache line 4: "
            + "closing tag 'question' does not match open section 'questions'"
        #expect(error.description == expected)
    }

    @Test func missingDirectoryIsRefused() throws {
        let root = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")

        let error = try #require(throws: MustacheError.self) { try TemplateLibrary(directory: root) }

        #expect(error.description == "mustache: \(root.path): unreadable template file: not a directory")
    }

    @Test func renderingAnUnknownTemplateThrows() throws {
        let library = try TemplateLibrary(templates: ["a": "A"])

        let error = try #require(throws: MustacheError.self) { try library.render("pages/missing", [:]) }

        #expect(error.description == "mustache: pages/missing: unknown template 'pages/missing'")
    }

    @Test func rendersTypedViewModels() throws {
        struct Nav: Encodable { let user: String? }
        let library = try TemplateLibrary(templates: [
            "nav": "{{#user}}Connecté : {{user}}{{/user}}{{^user}}Se connecter{{/user}}"
        ])

        #expect(try library.render("nav", Nav(user: "Inès")) == "Connecté : Inès")
        #expect(try library.render("nav", Nav(user: nil)) == "Se connecter")
    }

    @Test func missingPartialRendersAsEmptyAsTheSpecificationSays() throws {
        let library = try TemplateLibrary(templates: ["page": "[{{>nowhere}}]"])

        #expect(try library.render("page", [:]) == "[]")
    }
}
