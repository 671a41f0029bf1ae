import Exams
import Foundation
import Web

/// The question form posted without JavaScript: saves the answer, then opens the requested question.
enum AnswerFormAction {
    static func save(_ context: inout Context) throws -> Response {
        let token = context.request.parameters["token"] ?? ""
        guard let position = context.request.parameters["position"].flatMap(Int.init) else {
            throw PortalError.notFound
        }
        let owner = context.attemptOwner
        let attempt = try context.attempts.resume(token: token, owner: owner, now: context.now)
        guard attempt.attempt.isOpen else { return context.redirect(to: "/epreuves/\(token)/resultats") }
        guard let item = attempt.items.first(where: { $0.position == position }), let question = item.question else {
            return context.redirect(to: "/epreuves/\(token)")
        }

        let update = AnswerForm.update(from: context.request.form, kind: question.kind)
        do {
            _ = try context.saveAnswer(
                token: token, position: position, response: update, clientSeq: item.clientSeq + 1,
                flagged: context.request.form.value("marquer") == "1")
        } catch let error as AttemptError {
            if error == .deadlinePassed || error == .attemptClosed {
                return context.redirect(to: "/epreuves/\(token)")
            }
            let fresh = try context.attempts.resume(token: token, owner: owner, now: context.now)
            return try AttemptPage.render(
                &context, fresh, position: position, error: error.message, status: 422,
                typed: context.request.form.value("reponse"))
        }

        let target = context.request.form.value("aller").flatMap(Int.init) ?? position
        return context.redirect(to: "/epreuves/\(token)?q=\(target)")
    }
}

/// Reads an answer from the question form's fields.
enum AnswerForm {
    static func update(from form: FormData, kind: QuestionKind) -> AttemptService.ResponseUpdate {
        switch kind {
        case .singleChoice:
            guard let index = form.value("reponse").flatMap(Int.init) else { return .keep }
            return .set(.choice(index))
        case .multipleChoice:
            let chosen = Set(form.values("reponse").compactMap(Int.init))
            return chosen.isEmpty ? .clear : .set(.choices(chosen))
        case .trueFalse:
            switch form.value("reponse") {
            case "vrai": return .set(.trueFalse(true))
            case "faux": return .set(.trueFalse(false))
            default: return .keep
            }
        case .shortAnswer, .numerical, .essay:
            let text = (form.value("reponse") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? .clear : .set(.text(text))
        case .matching:
            var pairs: [Int: String] = [:]
            for (name, value) in form.fields where name.hasPrefix("association-") && !value.isEmpty {
                if let index = Int(name.dropFirst("association-".count)) { pairs[index] = value }
            }
            return pairs.isEmpty ? .clear : .set(.matching(pairs))
        case .description:
            return .keep
        }
    }
}
