/// The sheet as JSON: `{"seed", "network", "questions": [{"id", "ask", "quantity", "answer"}]}`.
extension Exercise {
    /// `answer` only with `key`; `ask` is the question's words as text writes them; `quantity`
    /// holds `kind` and, where they apply, `layer`, `j`, `k` and `sample`.
    public func json(key: Bool) -> JSONValue {
        let words = TextRenderer(naming: LayerNaming(depth: network.depth, relative: false))
        let answers = key ? self.answers : []
        return .object([
            ("seed", .integer(Int(seed))),
            ("network", network.fileJSON),
            ("questions", .array(questions.enumerated().map { n, question in
                let q = question.quantity, (l, j, k) = q.indices
                var quantity: [(key: String, value: JSONValue)] = [("kind", .string(q.kind))]
                if let l { quantity.append(("layer", .integer(l))) }
                if let j { quantity.append(("j", .integer(j))) }
                if let k { quantity.append(("k", .integer(k))) }
                quantity.append(("sample", .integer(0)))
                var members: [(key: String, value: JSONValue)] = [
                    ("id", .string(question.id)),
                    ("ask", .string(words.render(Document([.paragraph(ask(question))])).trimmed)),
                    ("quantity", .object(quantity)),
                    ("digits", .integer(question.rounding.digits)),
                ]
                if key { members.append(("answer", .number(answers[n]))) }
                return .object(members)
            })),
        ])
    }
}
