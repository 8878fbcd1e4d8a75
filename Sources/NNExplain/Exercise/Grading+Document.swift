/// The graded sheet as a document.
extension Grading {
    /// Each question with the answer given, the key's answer rounded as asked, the verdict and the
    /// hint, then the score.
    public var document: Document {
        let n = results.count
        var blocks: [Document.Block] = [
            .title(["Graded: exercise sheet \(exercise.seed)"]),
            .paragraph(["An answer is right when it agrees with the key to the significant digits its question asks for."]),
            .gap,
        ]
        for result in results {
            let symbol = result.question.quantity.math(sample: 0)
            let rounded = result.question.rounding.rounded(result.expected)
            let given: [Document.Inline] = result.given.map { ["you wrote ", m([.number($0)])] } ?? ["no answer"]
            let verdict = result.correct ? "right" : result.slip.map { "wrong (\($0.rawValue))" } ?? "wrong"
            blocks.append(.paragraph(["\(result.question.id). ", m(symbol), ": "] + given + ["; the key has ", m([.number(rounded)]), .text(": \(verdict).")]))
            if !result.correct { blocks.append(.nested([.paragraph([.text("Hint: " + result.hint + ".")])])) }
        }
        blocks += [.gap, .paragraph(["Score: \(score) of \(n)."])]
        return Document(blocks)
    }
}
