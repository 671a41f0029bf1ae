import Exams
import Foundation
import Web

/// The exam JSON API under `/api/v1/` (documented by `OpenAPIDocument`).
///
/// Authenticated by the session cookie (with `X-CSRF-Token` on unsafe methods) or a
/// bearer token; visitors may use free exams. Errors are `{"code", "message"}`.
enum ExamAPI {
    static func catalogue(_ context: inout Context) throws -> Response {
        let slug = context.request.query("track")
        let track = slug.flatMap(Track.init(rawValue:))
        if let slug, track == nil {
            return APIError(
                status: 400, code: "bad_request",
                message: "Filière inconnue « \(slug) » : attendu es, ass, ifsi ou as."
            ).response
        }
        let store = ExamStore(context.db)

        let exams = try store.activeExams(track: track).compactMap { try store.blueprint(id: $0.id) }
        return try json(["exams": exams.map(ExamJSON.init)])
    }

    static func start(_ context: inout Context) throws -> Response {
        let blueprint: Blueprint
        do {
            blueprint = try context.activeBlueprint(context.request.parameters["exam"] ?? "")
        } catch PortalError.notFound {
            throw AttemptError.examUnavailable
        }
        if let refusal = try context.premiumRefusal(for: blueprint) {
            return APIError(status: refusal == .loginRequired ? 401 : 403, code: refusal.code, message: refusal.message)
                .response
        }

        let owner = context.attemptOwner
        let (token, created) = try ExamStartAction.startOrResume(context, blueprint)
        let view = try context.attempts.resume(token: token, owner: owner, now: context.now)
        return try json(AttemptJSON(view), status: created ? 201 : 200)
    }

    static func attempt(_ context: inout Context) throws -> Response {
        let view = try context.attempts.resume(token: token(context), owner: context.attemptOwner, now: context.now)
        return try json(AttemptJSON(view))
    }

    static func item(_ context: inout Context) throws -> Response {
        let view = try context.attempts.resume(token: token(context), owner: context.attemptOwner, now: context.now)
        let position = try self.position(context)

        guard let item = view.items.first(where: { $0.position == position }) else {
            throw AttemptError.itemNotFound
        }
        guard let question = item.question else { throw AttemptError.wrongSection }
        return try json(ItemJSON(item, question: question))
    }

    static func save(_ context: inout Context) throws -> Response {
        let body: APISave
        do {
            body = try JSONDecoder().decode(APISave.self, from: Data(context.request.body))
        } catch let error as APIError {
            return error.response
        } catch {
            return APIError(
                status: 400, code: "bad_request",
                message: "Corps JSON invalide : attendu {\"response\": …, \"seq\": entier, \"flagged\": booléen}."
            ).response
        }
        let update: AttemptService.ResponseUpdate
        do {
            update = try body.response.map { .set(try $0.response()) } ?? (body.explicitNull ? .clear : .keep)
        } catch let error as APIError {
            return error.response
        }

        let receipt = try context.saveAnswer(
            token: token(context), position: try position(context), response: update, clientSeq: body.seq,
            flagged: body.flagged, timeSpentMs: body.timeSpentMs)
        return try json(
            SaveJSON(
                outcome: receipt.outcome.rawValue, seq: receipt.storedSeq, remainingMs: receipt.remainingMilliseconds))
    }

    static func nextSection(_ context: inout Context) throws -> Response {
        let view = try context.attempts.nextSection(
            token: token(context), owner: context.attemptOwner, now: context.now)
        return try json(AttemptJSON(view))
    }

    static func submit(_ context: inout Context) throws -> Response {
        let owner = context.attemptOwner
        let token = try token(context)

        _ = try context.attempts.submit(token: token, owner: owner, now: context.now)
        return try json(ResultJSON(try context.attempts.result(token: token, owner: owner)))
    }

    static func result(_ context: inout Context) throws -> Response {
        try json(ResultJSON(try context.attempts.result(token: token(context), owner: context.attemptOwner)))
    }

    // MARK: - Helpers

    private static func token(_ context: Context) throws -> String {
        context.request.parameters["token"] ?? ""
    }

    private static func position(_ context: Context) throws -> Int {
        guard let position = context.request.parameters["position"].flatMap(Int.init) else {
            throw AttemptError.itemNotFound
        }
        return position
    }

    static func json<Value: Encodable>(_ value: Value, status: Int = 200) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var response = Response.json(bytes: Array(try encoder.encode(value)), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
