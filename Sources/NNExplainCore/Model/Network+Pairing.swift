/// A combination of activation, loss and targets that makes no sense, found before any number is
/// computed. A network file and `--random` report it in their own words for where it is (a path
/// such as `layers[0]`, or an option), followed by the same ``rule``.
public enum PairingProblem: Sendable, Equatable {
    /// Layer `l < L` uses softmax, which is for the output layer only.
    case softmaxInHiddenLayer(layer: Int)
    /// The loss cannot be taken of outputs of this activation.
    case lossDoesNotFit(Loss, output: Activation)
    /// A target the loss cannot have: `samples[sample].y[node]`, or `test[sample].y[node]` when
    /// `held` (a held-out sample).
    case target(Loss, sample: Int, node: Int, value: Double, held: Bool)

    /// Why it is wrong and what fits, one clause to end the caller's sentence.
    public var rule: String {
        switch self {
        case .softmaxInHiddenLayer:
            let hidden = Activation.allCases.filter(\.isElementwise).map(\.rawValue).joined(separator: ", ")
            return "softmax is for the output layer only (it turns the outputs into probabilities); "
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
    public static let validPairings = "cross-entropy needs softmax or sigmoid outputs (ln a needs a > 0), "
        + "binary-cross-entropy needs sigmoid outputs (ln a and ln(1 − a) need 0 < a < 1); "
        + "squared and half-squared fit every output activation"
}

extension Network {
    /// The first pairing problem: softmax in a hidden layer (from `l = 1`), then the loss against
    /// the output activation, then the targets sample by sample, training samples before held-out
    /// ones; `nil` when everything fits.
    public var pairingProblem: PairingProblem? {
        if let hidden = layers.dropLast().firstIndex(where: { $0.activation == .softmax }) {
            return .softmaxInHiddenLayer(layer: hidden + 1)
        }
        let output = layers[depth - 1].activation
        switch (loss, output) {
        case (.crossEntropy, .softmax), (.crossEntropy, .sigmoid), (.binaryCrossEntropy, .sigmoid),
             (.squared, _), (.halfSquared, _): break
        default: return .lossDoesNotFit(loss, output: output)
        }
        for (held, set) in [(false, samples), (true, testSamples)] {
            for (s, sample) in set.enumerated() {
                for (j, y) in sample.y.enumerated() {
                    let fits = switch loss {
                    case .crossEntropy: y >= 0
                    case .binaryCrossEntropy: y >= 0 && y <= 1
                    case .squared, .halfSquared: true
                    }
                    if !fits { return .target(loss, sample: s, node: j, value: y, held: held) }
                }
            }
        }
        return nil
    }
}
