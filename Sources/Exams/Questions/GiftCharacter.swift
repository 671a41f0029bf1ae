/// A character of GIFT source after escape decoding: `\=` becomes an escaped `=` that is never syntax.
struct GiftCharacter: Equatable {
    /// The character itself.
    var value: Character
    /// Whether it was written with a backslash (`\~ \= \# \{ \} \: \\ \n`).
    var escaped: Bool
    /// 1-based source line.
    var line: Int
    /// Whether it belongs to the `_____` placeholder of a missing-word question.
    var isBlank = false

    /// The characters GIFT lets a backslash escape, mapped to what they stand for.
    static let escapes: [Character: Character] = [
        "~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n",
    ]

    /// Decodes one source line; a backslash before any other character stays a literal backslash.
    static func decode(_ line: Substring, lineNumber: Int) -> [GiftCharacter] {
        var result: [GiftCharacter] = []
        var iterator = line.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if character == "\\", let next = pending, let meaning = escapes[next] {
                result.append(GiftCharacter(value: meaning, escaped: true, line: lineNumber))
                pending = iterator.next()
            } else {
                result.append(GiftCharacter(value: character, escaped: false, line: lineNumber))
            }
        }
        return result
    }
}

/// A run of decoded GIFT characters.
typealias GiftText = ArraySlice<GiftCharacter>

extension ArraySlice where Element == GiftCharacter {
    /// The decoded string.
    var string: String { String(map(\.value)) }

    /// The run without surrounding whitespace.
    var trimmed: GiftText {
        var slice = self
        while let first = slice.first, first.value.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.value.isWhitespace { slice = slice.dropLast() }
        return slice
    }

    /// Whether the run holds only whitespace.
    var isBlank: Bool { trimmed.isEmpty }

    /// Index of the first unescaped `character` at or after `start`.
    func firstSyntax(_ character: Character, from start: Int? = nil) -> Int? {
        var index = start ?? startIndex
        while index < endIndex {
            if self[index].value == character && !self[index].escaped { return index }
            index += 1
        }
        return nil
    }

    /// Index where the unescaped sequence `token` starts, searching forward from `start`.
    func firstSyntax(_ token: String, from start: Int? = nil) -> Int? {
        let characters = Array(token)
        var index = start ?? startIndex
        while index + characters.count <= endIndex {
            if (0..<characters.count).allSatisfy({
                self[index + $0].value == characters[$0] && !self[index + $0].escaped
            }) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Index where the last unescaped `token` starts.
    func lastSyntax(_ token: String) -> Int? {
        var found: Int?
        var index = startIndex
        while let next = firstSyntax(token, from: index) {
            found = next
            index = next + 1
        }
        return found
    }

    /// Whether the run starts with the unescaped sequence `token`.
    func startsWithSyntax(_ token: String) -> Bool {
        firstSyntax(token, from: startIndex) == startIndex && count >= token.count
    }

    /// The pieces between unescaped occurrences of any of `separators`, each keeping its separator first.
    ///
    /// - Returns: the text before the first separator, then one piece per separator.
    func pieces(startingAt separators: Set<Character>) -> (lead: GiftText, pieces: [GiftText]) {
        var starts: [Int] = []
        for index in indices where separators.contains(self[index].value) && !self[index].escaped {
            starts.append(index)
        }
        let lead = self[startIndex..<(starts.first ?? endIndex)]
        var pieces: [GiftText] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : endIndex
            pieces.append(self[start..<end])
        }
        return (lead, pieces)
    }

    /// The line of the first character, or `fallback` for an empty run.
    func line(or fallback: Int) -> Int { first?.line ?? fallback }
}
