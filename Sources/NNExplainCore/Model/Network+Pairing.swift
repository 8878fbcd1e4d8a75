/// A combination of activation, loss and targets that makes no sense, found before any number is
/// computed. A network file and `--random` report it in their own words for where it is (a path
/// such as `layers[0]`, or an option), followed by the same rule (`rule`, in the NNExplain library).
public enum PairingProblem: Sendable, Equatable {
    /// Layer `l < L` uses softmax, which is for the output layer only.
    case softmaxInHiddenLayer(layer: Int)
    /// The loss cannot be taken of outputs of this activation.
    case lossDoesNotFit(Loss, output: Activation)
    /// A target the loss cannot have: `samples[sample].y[node]`, or `test[sample].y[node]` when
    /// `held` (a held-out sample).
    case target(Loss, sample: Int, node: Int, value: Double, held: Bool)
}

extension Network {
    /// The first pairing problem: softmax in a hidden layer (from `l = 1`), then the loss against
    /// the output activation, then the targets sample by sample, training samples before held-out
    /// ones; `nil` when everything fits.
    package var pairingProblem: PairingProblem? {
        if let hidden = layers.dropLast().firstIndex(where: { $0.activation == .softmax }) {
            return .softmaxInHiddenLayer(layer: hidden + 1)
        }
        guard let output = layers.last?.activation else { return nil }
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
