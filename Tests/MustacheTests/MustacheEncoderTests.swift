import Foundation
import Mustache
import Testing

struct MustacheEncoderTests {
    struct Author: Encodable {
        let name: String
        let avatar: String?
    }

    struct Post: Encodable {
        let title: String
        let author: Author
        let replies: Int
        let score: Double
        let pinned: Bool
        let tags: [String]
    }

    struct Page: Encodable {
        let avatar: String
        let posts: [Post]
        let subtitle: String?
    }

    enum Track: String, Encodable {
        case ifsi
        case aideSoignant = "as"
    }

    @Test func nestedStructsBecomeObjects() throws {
        let author = Author(name: "Inès", avatar: nil)
        let post = Post(title: "Dosages", author: author, replies: 3, score: 12.5, pinned: true, tags: ["calculs"])

        let value = try MustacheEncoder().encode(post)

        #expect(
            value == [
                "title": "Dosages",
                "author": ["name": "Inès", "avatar": nil],
                "replies": 3,
                "score": 12.5,
                "pinned": true,
                "tags": ["calculs"],
            ])
    }

    @Test func nilOptionalIsNullAndDoesNotFallThroughToTheOuterContext() throws {
        let page = Page(
            avatar: "outer.png",
            posts: [
                Post(
                    title: "T", author: Author(name: "A", avatar: nil), replies: 0, score: 0, pinned: false, tags: [])
            ],
            subtitle: nil)
        let template = try Template(
            "{{#posts}}{{#author}}[{{avatar}}]{{/author}}{{/posts}}{{^subtitle}}none{{/subtitle}}")

        let output = try template.render(page)

        #expect(output == "[]none")
    }

    @Test func arraysBoolsAndNumbersDriveSections() throws {
        let posts = [
            Post(
                title: "Un", author: Author(name: "A", avatar: "a.png"), replies: 2, score: 1.21, pinned: true,
                tags: ["x", "y"]),
            Post(
                title: "Deux", author: Author(name: "B", avatar: nil), replies: 0, score: 85, pinned: false,
                tags: []),
        ]
        let template = try Template(
            "{{#posts}}{{title}}:{{#pinned}}*{{/pinned}}{{replies}}/{{score}}"
                + "{{#tags}}<{{.}}>{{/tags}}{{^tags}}-{{/tags}};{{/posts}}")

        let output = try template.render(Page(avatar: "", posts: posts, subtitle: "s"))

        #expect(output == "Un:*2/1.21<x><y>;Deux:0/85-;")
    }

    @Test func enumsDatesUrlsAndDictionariesEncodeAsReadableValues() throws {
        struct Model: Encodable {
            let track: Track
            let at: Date
            let link: URL
            let counts: [String: Int]
            let price: Decimal
            let ratio: Float
        }
        let model = Model(
            track: .aideSoignant, at: Date(timeIntervalSince1970: 0), link: URL(string: "https://lesocial.fr/a?b=1")!,
            counts: ["ifsi": 4], price: Decimal(string: "19.90")!, ratio: 1.21)

        let value = try MustacheEncoder().encode(model)

        #expect(
            value == [
                "track": "as", "at": "1970-01-01T00:00:00Z", "link": "https://lesocial.fr/a?b=1",
                "counts": ["ifsi": 4], "price": 19.9, "ratio": 1.21,
            ])
    }

    @Test func optionalsInArraysAndAtTheTopBecomeNull() throws {
        let values: [Int?] = [1, nil]
        let missing: String? = nil

        #expect(try MustacheEncoder().encode(values) == [1, nil])
        #expect(try MustacheEncoder().encode(missing) == .null)
    }

    @Test func aFailingEncodeBecomesAMustacheError() throws {
        struct Broken: Encodable {
            func encode(to encoder: Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "refused"))
            }
        }

        let error = try #require(throws: MustacheError.self) { try MustacheEncoder().encode(Broken()) }

        #expect(error.template == "Broken")
        #expect(error.description.hasPrefix("mustache: Broken: cannot encode view model: "))
    }

    @Test func jsonNumbersKeepBooleanIntegerAndDecimalApart() throws {
        let json = try JSONSerialization.jsonObject(with: Data(#"{"b": true, "i": 85, "d": 1.210, "n": null}"#.utf8))

        let value = MustacheValue(json: json)

        #expect(value == ["b": true, "i": 85, "d": 1.21, "n": nil])
    }
}
