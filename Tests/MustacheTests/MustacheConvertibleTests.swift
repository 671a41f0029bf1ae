import Testing

@testable import Mustache

struct MustacheConvertibleTests {
    /// Gives a value that differs from its `Encodable` fields, so the tests can see which one was used.
    struct Badge: Encodable, MustacheConvertible {
        let label: String
        var mustacheValue: MustacheValue { ["label": .string(label.uppercased())] }
    }

    struct Card: Encodable {
        let badge: Badge
        let badges: [Badge]
        let spare: Badge?
    }

    @Test func aConvertibleModelGivesItsOwnValueAtAnyDepth() throws {
        let card = Card(badge: Badge(label: "ifsi"), badges: [Badge(label: "as")], spare: nil)

        let value = try MustacheEncoder().encode(card)

        #expect(value == ["badge": ["label": "IFSI"], "badges": [["label": "AS"]], "spare": nil])
    }

    @Test func withoutConversionsTheEncoderWalksEncodeTo() throws {
        let card = Card(badge: Badge(label: "ifsi"), badges: [Badge(label: "as")], spare: Badge(label: "es"))

        let value = try MustacheEncoder(usesConversions: false).encode(card)

        #expect(value == ["badge": ["label": "ifsi"], "badges": [["label": "as"]], "spare": ["label": "es"]])
    }

    @Test func scalarsOptionalsAndArraysConvertAsTheEncoderWritesThem() throws {
        let values: [Int64?] = [7, nil, Int64.max]
        #expect(values.mustacheValue == (try MustacheEncoder(usesConversions: false).encode(values)))
        #expect("é".mustacheValue == .string("é"))
        #expect(true.mustacheValue == .bool(true))
        #expect(2.5.mustacheValue == .double(2.5))
        #expect(Optional<String>.none.mustacheValue == .null)
    }

    @Test func aRenderedConvertibleModelShowsItsValue() throws {
        let template = try Template("{{#badges}}<b>{{label}}</b>{{/badges}}")
        let html = try template.render(Card(badge: Badge(label: "a"), badges: [Badge(label: "es")], spare: nil))
        #expect(html == "<b>ES</b>")
    }
}
