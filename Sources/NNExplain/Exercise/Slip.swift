/// The common slips of a hand calculation of backpropagation, each recognised by the value it gives.
public enum Slip: String, CaseIterable, Sendable {
    /// The negative of the right value.
    case sign
    /// The squared loss where the sheet has the half-squared one, or the other way round.
    case factorOfTwo = "factor-of-two"
    /// `w_kj` for `w_jk`, or a neighbouring node's value.
    case wrongIndex = "wrong-index"
    /// One summand of the hidden-layer sum instead of all of them.
    case partialSum = "partial-sum"
    /// One factor of the chain rule (or one term of a sum) left out.
    case missingTerm = "missing-term"
    /// The backward pass through weights that were already updated.
    case newWeights = "new-weights"
    /// Right working, rounded too early.
    case rounding
}

/// The value one slip would give for a question, and what a tutor would say about it.
package struct SlipCandidate: Sendable, Equatable {
    package let slip: Slip
    package let value: Double
    package let hint: String
}

extension Exercise {
    /// The digits a student may have rounded intermediate values to, for the ``Slip/rounding`` slip.
    static let earlyDigits = [2, 3]

    /// Every slip value for `question`, tried in this order: rounding first (the nearest to right),
    /// then the order of ``Slip``. A slip whose value agrees with the answer itself is left out, as
    /// it could not be told from a right answer.
    package func slipCandidates(_ question: Question) -> [SlipCandidate] {
        let t = network.uncheckedTrace(sample: 0)
        let key = question.quantity.value(in: network, trace: t)
        let all = SlipFinder(network: network, trace: t, quantity: question.quantity, key: key).candidates
        let ordered = all.filter { $0.slip == .rounding } + all.filter { $0.slip != .rounding }
        return ordered.filter { $0.value.isFinite && !question.rounding.agrees($0.value, with: key) }
    }
}
