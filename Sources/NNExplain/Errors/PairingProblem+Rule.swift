extension PairingProblem: ExplainedError {
    /// The rule on its own, as a sentence: ``rule``.
    public var message: String { rule }

    /// Why it is wrong and what fits, one clause to end the caller's sentence.
    package var rule: String {
        switch self {
        case .softmaxInHiddenLayer:
            let hidden = Activation.allCases.filter { $0.isElementwise }.map { $0.rawValue }.joined(separator: ", ")
            return "softmax is for the output layer only (a hidden layer is explained node by node, each through its own slope g′(z_j), but every softmax output moves with every z); "
                + "use one of \(hidden) in hidden layers"
        case .lossDoesNotFit:
            return PairingProblem.validPairings
        case .target(.binaryCrossEntropy, _, _, _, _):
            return "binary cross-entropy needs every target in [0, 1]"
        case .target:
            return "cross-entropy needs targets of at least 0 (soft and unnormalised targets are fine)"
        }
    }

    /// The pairings of loss and output activation that work.
    package static let validPairings = "cross-entropy needs softmax or sigmoid outputs (ln a needs a > 0), "
        + "binary-cross-entropy needs sigmoid outputs (ln a and ln(1 − a) need 0 < a < 1); "
        + "squared and half-squared fit every output activation"
}
