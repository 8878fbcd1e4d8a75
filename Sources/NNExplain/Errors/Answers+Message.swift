extension Answers.FormatError: ExplainedError {
    /// The one sentence: where the file is wrong and what to write instead.
    public var message: String {
        switch self {
        case .notUTF8: return "it is not UTF-8 text; write one answer a line, as '1: 0.42'"
        case .answeredTwice(let id): return "question \(id) is answered twice; keep one answer"
        case .json(let error): return "it is not valid JSON (\(error.message))"
        case .notAnObject(let kind): return "it holds \(kind.described), not an object; write {\"1\": 0.42, \"2\": 0.6}"
        case .notANumber(let id, let kind): return "the answer to question \(id) is \(kind.described), not a number; write it as \"\(id)\": 0.42"
        case .unreadable(let n, let text):
            return "line \(n), '\(text.visiblePrefix)', is not an answer; write the question's number, a colon and the number, e.g. '1: 0.42'"
        case .noQuestion(let n): return "line \(n) names no question before its ':'; write e.g. '1: 0.42'"
        case .lineNotANumber(let n, let text, let id):
            return "line \(n): '\(text.visiblePrefix)' is not a number; write the answer as a decimal, e.g. '\(id.visiblePrefix): 0.42'"
        case .notOnSheet(let n, let id, let first, let last):
            let sheet = "its questions are \(first) to \(last)"
            guard let n else { return "question '\(id.visiblePrefix)' is answered, but this sheet does not have it; \(sheet)" }
            return "line \(n) answers question '\(id.visiblePrefix)', which this sheet does not have; \(sheet)"
        }
    }
}

extension Grading.Mismatch: ExplainedError {
    /// The one sentence: the stray question and the sheet's.
    public var message: String {
        switch self {
        case .noSuchQuestion(let id, let first, let last):
            return "there is no question '\(id.visiblePrefix)' on this sheet; its questions are \(first) to \(last)"
        }
    }
}
