import Exams
import Foundation

/// An answer as the JSON API carries it: exactly one of the keys is set.
///
/// `{"choice": 2}`, `{"choices": [0, 2]}`, `{"trueFalse": true}`, `{"text": "2,5"}`,
/// `{"matching": {"0": "Paris"}}`; option indexes are in the order the candidate sees.
struct APIAnswer: Codable, Equatable {
    var choice: Int?
    var choices: [Int]?
    var trueFalse: Bool?
    var text: String?
    var matching: [String: String]?

    init(_ response: AnswerResponse) {
        switch response {
        case .choice(let index): choice = index
        case .choices(let set): choices = set.sorted()
        case .trueFalse(let value): trueFalse = value
        case .text(let value): text = value
        case .matching(let pairs): matching = Dictionary(uniqueKeysWithValues: pairs.map { (String($0.key), $0.value) })
        }
    }

    /// The engine's response, or an error naming what is wrong.
    func response() throws -> AnswerResponse {
        let given = [choice != nil, choices != nil, trueFalse != nil, text != nil, matching != nil].filter { $0 }.count
        guard given == 1 else {
            throw APIError(
                status: 400, code: "bad_request",
                message:
                    "La réponse doit contenir exactement une des clés choice, choices, trueFalse, text ou matching.")
        }
        if let choice { return .choice(choice) }
        if let choices { return .choices(Set(choices)) }
        if let trueFalse { return .trueFalse(trueFalse) }
        if let text { return .text(text) }
        var pairs: [Int: String] = [:]
        for (key, value) in matching ?? [:] {
            guard let index = Int(key) else {
                throw APIError(status: 400, code: "bad_request", message: "Clé d'association invalide : « \(key) ».")
            }
            pairs[index] = value
        }
        return .matching(pairs)
    }
}

/// The body of `PUT /api/v1/attempts/{token}/items/{position}/answer`.
struct APISave: Decodable {
    /// The answer; `null` clears it.
    var response: APIAnswer?
    var flagged: Bool?
    /// Client sequence number: strictly increasing per item, across devices.
    var seq: Int64
    var timeSpentMs: Int64?

    enum CodingKeys: String, CodingKey { case response, flagged, seq, timeSpentMs }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        response = try container.decodeIfPresent(APIAnswer.self, forKey: .response)
        flagged = try container.decodeIfPresent(Bool.self, forKey: .flagged)
        seq = try container.decode(Int64.self, forKey: .seq)
        timeSpentMs = try container.decodeIfPresent(Int64.self, forKey: .timeSpentMs)
        explicitNull = container.contains(.response) && response == nil
    }

    /// Whether `response` was sent as `null` (clear) rather than left out (keep).
    var explicitNull = false
}
