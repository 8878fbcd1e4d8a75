/// The graded sheet as a document.
extension Grading {
    /// The lines that could not be read, then each question with the answer given and its verdict
    /// (the key's answer only when ``showsKey``), the hint of an answer that is not plainly right,
    /// then the score over the questions answered.
    public var document: Document {
        var blocks: [Document.Block] = [.title(["Graded: exercise sheet \(exercise.owner?.code ?? String(exercise.seed))"])]
        if let owner = exercise.owner {
            // A roster's sheet is named by the student and its code, never by its seed.
            let name = owner.student.name.isEmpty ? "" : "Name: \(owner.student.name). "
            blocks.append(.paragraph(["\(name)Student id: \(owner.student.id). Sheet code: \(owner.code)."]))
        }
        blocks += [
            .paragraph([.text("Only the questions answered are graded. An answer is right when it agrees with the key to the significant "
                              + "digits its question asks for" + (followsThrough ? ", or when it follows correctly from your own wrong answer "
                              + "to an earlier question (follow-through)." : "; an answer worked out from your own wrong earlier answer "
                              + "earns no mark on this sheet."))]),
            .gap,
        ]
        for problem in unread {
            blocks.append(.paragraph([.text("Not read, so not graded: " + problem.message + ".")]))
        }
        if !unread.isEmpty { blocks.append(.gap) }
        for result in results {
            let head: [Document.Inline] = ["\(result.question.id). ", m(result.question.quantity.math(sample: 0)), ": "]
            let key: [Document.Inline] = showsKey ? ["; the key has ", m([.number(result.question.rounding.rounded(result.expected))])] : []
            guard let given = result.given else {
                blocks.append(.paragraph(head + ["not answered"] + key + ["."]))
                continue
            }
            blocks.append(.paragraph(head + ["you wrote ", m([.number(given)])] + key + [.text(": \(result.verdict.word).")]))
            if result.verdict != .right { blocks.append(.nested([.paragraph([.text("Hint: " + result.hint + ".")])])) }
        }
        let n = results.count, answered = self.answered
        blocks += [.gap, .paragraph([.text("Score: \(score) of \(answered)" + (answered == n ? "." : " answered (\(n - answered) of \(n) not answered)."))])]
        return Document(blocks)
    }
}

extension Grading.Verdict {
    /// `right`, `right (follow-through)`, `wrong (sign)`, `wrong`, `not answered`.
    public var word: String {
        switch self {
        case .right: return "right"
        case .followThrough: return "right (follow-through)"
        case .wrong(let slip): return slip.map { "wrong (\($0.rawValue))" } ?? "wrong"
        case .notAnswered: return "not answered"
        }
    }
}
