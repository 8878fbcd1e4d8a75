/// `nnexplain exercise --grade FILE --format json`.
extension Grading: JSONRepresentable {
    /// `{"results": [{"id", "verdict", "given", "expected", "correct", "slip", "followsFrom", "hint"}],
    /// "unread": [{"message"}], "answered": n, "score": n}`. `verdict` is `right`, `follow-through`,
    /// `wrong` or `not answered`; `given` and `hint` are left out for an unanswered question,
    /// `expected` unless the key is shown (`--show-key`), `slip` unless a wrong answer's slip is
    /// recognised, `followsFrom` (the earlier questions' ids) unless the verdict is follow-through.
    public func json(naming: LayerNaming) -> JSONValue {
        .object([
            ("results", .array(results.map { result in
                var members: [(key: String, value: JSONValue)] = [("id", .string(result.question.id)), ("verdict", .string(result.verdict.kind))]
                if let given = result.given { members.append(("given", .number(given))) }
                if showsKey { members.append(("expected", .number(result.expected))) }
                members.append(("correct", .bool(result.correct)))
                if let slip = result.slip { members.append(("slip", .string(slip.rawValue))) }
                if case .followThrough(let from) = result.verdict { members.append(("followsFrom", .array(from.map(JSONValue.string)))) }
                if result.given != nil { members.append(("hint", .string(result.hint))) }
                return .object(members)
            })),
            ("unread", .array(unread.map { .object([("message", .string($0.message))]) })),
            ("answered", .integer(answered)),
            ("score", .integer(score)),
        ])
    }
}

extension Grading.Verdict {
    /// The verdict's name in JSON.
    var kind: String {
        switch self {
        case .right: return "right"
        case .followThrough: return "follow-through"
        case .wrong: return "wrong"
        case .notAnswered: return "not answered"
        }
    }
}
