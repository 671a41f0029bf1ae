import Foundation

extension Blueprint {
    /// Decodes a blueprint file, turning a decoding failure into a French reason that names the bad key.
    ///
    /// - Throws: `BankSyncError` with one problem for `file`.
    public static func decode(_ data: Data, file: String) throws -> Blueprint {
        do {
            return try JSONDecoder().decode(Blueprint.self, from: data)
        } catch let error as DecodingError {
            throw BankSyncError(problems: [BankProblem(file: file, reason: reason(for: error))])
        }
    }

    /// The blueprint as stored in the database: keys sorted, so equal blueprints give equal text.
    public func encodedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A French sentence for a JSON decoding failure.
    static func reason(for error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "clé « \(path(context.codingPath + [key])) » manquante"
        case .typeMismatch(let type, let context):
            return "clé « \(path(context.codingPath)) » : \(expected(type)) attendu"
        case .valueNotFound(let type, let context):
            return "clé « \(path(context.codingPath)) » : valeur absente, \(expected(type)) attendu"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "JSON invalide (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "clé « \(path(context.codingPath)) » : valeur non reconnue"
        @unknown default:
            return "JSON invalide"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(racine)" : text
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "un nombre"
        case is Bool.Type: "true ou false"
        case is String.Type: "un texte"
        default: String(describing: type).hasPrefix("Array") ? "une liste" : "une autre valeur"
        }
    }
}
