extension Exercise {
    /// The sheet as `nnexplain exercise --format json` writes it: with its answers when `key`.
    ///
    /// - Parameter key: whether each question's answer is given.
    /// - Returns: the sheet, for ``JSONRenderer``.
    public func sheet(key: Bool) -> Sheet { Sheet(exercise: self, key: key) }

    /// The sheet as JSON: `{"seed", "network", "questions": [{"id", "ask", "quantity", "digits", "answer"}]}`;
    /// a roster's sheet has `"student": {"id", "name", "code"}` in place of `"seed"`.
    public struct Sheet: Sendable, JSONRepresentable {
        /// The exercise whose questions are asked.
        public let exercise: Exercise
        /// Whether each question's `answer` is given: the key.
        public let key: Bool

        /// `answer` only with `key`; `ask` is the question's words as text writes them; `quantity`
        /// holds `kind` and, where they apply, `layer`, `j`, `k` and `sample`. `seed` is an integer,
        /// or, beyond the largest `Int`, its decimal digits as a string. Layers are named by
        /// number whatever `naming` says, as the sheet's words name them.
        public func json(naming: LayerNaming) -> JSONValue {
            exercise.json(key: key)
        }
    }

    /// A roster's sheets as JSON: `{"sheets": [sheet, …]}`, each as ``Sheet`` writes it.
    public struct Sheets: Sendable, JSONRepresentable {
        public let sheets: [Exercise]
        public let key: Bool

        public init(_ sheets: [Exercise], key: Bool) { (self.sheets, self.key) = (sheets, key) }

        public func json(naming: LayerNaming) -> JSONValue {
            .object([("sheets", .array(sheets.map { $0.json(key: key) }))])
        }
    }

    private func json(key: Bool) -> JSONValue {
        let words = TextRenderer(naming: LayerNaming(depth: network.depth, relative: false))
        let answers = key ? self.answers : []
        let whose: (key: String, value: JSONValue) = owner.map { owner in
            ("student", .object([("id", .string(owner.student.id)), ("name", .string(owner.student.name)), ("code", .string(owner.code))]))
        } ?? ("seed", Int(exactly: seed).map(JSONValue.integer) ?? .string(String(seed)))
        return .object([
            whose,
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
