/// `nnexplain exercise --grade FILE --format json`.
extension Grading: JSONRepresentable {
    /// `{"results": [{"id", "given", "expected", "correct", "slip", "hint"}], "score": n}`; `given`
    /// is left out for an unanswered question, `slip` for a right answer or an unrecognised one.
    public func json(naming: LayerNaming) -> JSONValue {
        .object([
            ("results", .array(results.map { result in
                var members: [(key: String, value: JSONValue)] = [("id", .string(result.question.id))]
                if let given = result.given { members.append(("given", .number(given))) }
                members += [("expected", .number(result.expected)), ("correct", .bool(result.correct))]
                if let slip = result.slip { members.append(("slip", .string(slip.rawValue))) }
                members.append(("hint", .string(result.hint)))
                return .object(members)
            })),
            ("score", .integer(score)),
        ])
    }
}
