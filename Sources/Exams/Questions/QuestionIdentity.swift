import Foundation

/// The rules that name questions: id slugs, default names, category paths and difficulty tags.
enum QuestionIdentity {
    /// Longest slug derived from a title or stem.
    static let maximumSlugLength = 60

    /// A lowercase ASCII slug: accents stripped, every run of other characters turned into one `-`.
    static func slug(_ text: String) -> String {
        let folded = plainText(text).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))
            if isWordCharacter {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.count > maximumSlugLength { break }
        }
        if slug.count > maximumSlugLength {
            slug = String(slug.prefix(maximumSlugLength))
            if let dash = slug.lastIndex(of: "-") { slug = String(slug[..<dash]) }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "question" : slug
    }

    /// The id derived for a question without `[id:...]`: from its title, else from its stem.
    static func derivedID(title: String?, stem: String) -> String {
        if let title, !title.isEmpty { return slug(title) }
        return slug(stem)
    }

    /// Text without HTML tags and with whitespace runs collapsed, for names and slugs.
    static func plainText(_ text: String) -> String {
        var result = ""
        var insideTag = false
        for character in text {
            if character == "<" {
                insideTag = true
            } else if character == ">" && insideTag {
                insideTag = false
                result.append(" ")
            } else if !insideTag {
                result.append(character)
            }
        }
        return result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The category path of a GIFT `$CATEGORY:` or Moodle category: Moodle's context prefix (`$course$/`,
    /// `$module$/`, `$system$/`...) and its root `top/` segment removed, empty segments dropped.
    /// A line break (a GIFT `\n`) becomes a space: the path is written back on one `$CATEGORY:` line.
    /// Split on the `/` scalar, which a following combining mark would otherwise hide inside one `Character`.
    static func categoryPath(fromMoodle raw: String) -> String {
        let oneLine = String(raw.map { $0.isNewline ? " " : $0 })
        var segments = oneLine.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false)
            .map { Substring($0).trimmingCharacters(in: .whitespaces) }
        if let first = segments.first, first.count > 2, first.hasPrefix("$"), first.hasSuffix("$") {
            segments.removeFirst()
            if segments.first == "top" { segments.removeFirst() }
        }
        return segments.filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// The level named by a `niveau-N` tag, or nil for any other tag.
    static func difficultyLevel(ofTag tag: String) -> Int? {
        let lowered = tag.lowercased()
        guard lowered.hasPrefix("niveau-") else { return nil }
        return Int(lowered.dropFirst("niveau-".count)) ?? -1
    }

    /// Gives each question its id: its `idNumber` when set, else a derived slug made unique within the list.
    ///
    /// - Returns: the index pairs `(later, earlier)` of questions whose explicit ids collide.
    static func assignIDs(_ questions: inout [Question]) -> [(duplicate: Int, original: Int)] {
        var used: [String: Int] = [:]
        var duplicates: [(Int, Int)] = []
        for index in questions.indices {
            guard let explicit = questions[index].idNumber else { continue }
            if let original = used[explicit] {
                duplicates.append((index, original))
            } else {
                used[explicit] = index
            }
            questions[index].id = explicit
        }
        for index in questions.indices where questions[index].idNumber == nil {
            let base = derivedID(title: questions[index].title, stem: questions[index].stem.text)
            var candidate = base
            var suffix = 2
            while used[candidate] != nil {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            used[candidate] = index
            questions[index].id = candidate
        }
        return duplicates
    }
}
