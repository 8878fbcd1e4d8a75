/// Follow-through marking: an answer worked out correctly from the student's own wrong earlier
/// answers earns its mark, and the rounding slip, recognised before any conceptual one.
extension Exercise {
    /// The earlier questions answered wrong from which `given` follows correctly, or `nil` when no
    /// earlier answer it depends on is wrong or `given` does not follow from them.
    ///
    /// The answer is worked out again (``Quantity/value(in:trace:given:)``) once with the wrong
    /// earlier answers in place of the right ones and once with every earlier answer the student
    /// gave (the right ones as rounded), and follows when it agrees with either to its rounding.
    ///
    /// - Parameters:
    ///   - question: the question graded.
    ///   - given: the student's answer to it, which disagrees with the key.
    ///   - answers: every answer of the file, by question id.
    func followThrough(_ question: Question, given: Double, answers: [String: Double]) -> [Question]? {
        let t = network.uncheckedTrace(sample: 0)
        let answered = dependencies(of: question).filter { answers[$0.id] != nil }
        let wrong = answered.filter { !$0.rounding.agrees(answers[$0.id]!, with: $0.quantity.value(in: network, trace: t)) }
        guard !wrong.isEmpty else { return nil }
        for using in [wrong, answered] {
            var values: [Quantity: Double] = [:]
            for entry in using { values[entry.quantity] = answers[entry.id]! }
            if question.rounding.agrees(given, with: question.quantity.value(in: network, trace: t, given: values)) { return wrong }
        }
        return nil
    }
}

extension Grading {
    /// What a follow-through answer is told: which of the student's own answers it follows from,
    /// and for the new weight the arithmetic, whose every number is given or the student's.
    static func followThroughHint(_ from: [Exercise.Question], answers: [String: Double], in exercise: Exercise,
                                  question: Exercise.Question) -> String {
        let names = TextRenderer(naming: LayerNaming(depth: exercise.network.depth, relative: false))
        let yours = from.map { "question \($0.id) (\(names.number(answers[$0.id]!)))" }
        var hint = "right by follow-through: your " + (from.count == 1 ? "answer to " : "answers to ") + yours.joined(separator: " and ") + (from.count == 1 ? " is" : " are")
            + " wrong, but you worked this one out correctly from " + (from.count == 1 ? "it" : "them") + ", so it earns its mark"
        if case .updatedWeight(let l, let j, let k) = question.quantity, from.count == 1, let gradient = answers[from[0].id] {
            let w = exercise.network.layer(l).weights[j][k], η = exercise.network.learningRate, g = names.number(gradient)
            hint += ": \(names.number(w)) − \(names.number(η)) · \(gradient < 0 ? "(\(g))" : g) = "
                + names.number(question.rounding.rounded(w - η * gradient))
        }
        return hint
    }
}

extension Rounding {
    /// Whether `given` is one unit off the key in the last asked digit, and no more: `|given − key|
    /// ≤ 1.5 u` (the key rounded, `r`, is within `u/2` of `key`, so `r ± u` is within `1.5 u`), with
    /// the same slack as ``agrees(_:with:)``. Right working rounded a step too early lands here.
    package func isOneUnitOff(_ given: Double, from key: Double) -> Bool {
        guard given.isFinite, let u = unit(of: key) else { return false }
        return abs(given - key) <= 1.5 * u * (1 + Rounding.slack)
    }
}
