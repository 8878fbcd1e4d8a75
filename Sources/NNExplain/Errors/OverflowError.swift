/// A number a command would show is not finite (an overflow to infinity, or a NaN), found before
/// the explanation is written, as a value a caller can switch on.
public enum OverflowError: Error, Equatable, Sendable {
    /// `bad`, a number of a network of `depth` layers, is not finite; `held` when its sample is a
    /// held-out one (``Network/testSamples``).
    case overflowed(NonFinite, depth: Int, held: Bool)
    /// A step of gradient descent at `learningRate` made a number that is not finite.
    case step(StepOverflow, learningRate: Double)
    /// A weight nudged by `by` made a quantity that is not finite.
    case nudged(by: Double)
    /// The network is not one the check can compute with (``Network/requireWellFormed()``).
    case network(NetworkError)

    /// What a step made that is not finite.
    public enum StepOverflow: Equatable, Sendable {
        /// A weight or bias after the step, `bad`, of a network of `depth` layers.
        case parameter(NonFinite, depth: Int)
        /// The loss after the step, `C`, or a batch step's `C_B` (`batch`).
        case loss(Double, batch: Bool)
        /// After a batch step, the loss over all samples, `C`.
        case fullLoss(Double)
    }
}

extension OverflowError {
    /// The one sentence: which number, of which sample, and the fix.
    public var message: String {
        message(setting: nil)
    }

    /// The sentence, naming the setting to make smaller as `setting` (an option such as
    /// `--learning-rate` or `--by`) instead of "learning rate" or "nudge".
    package func message(setting: String?) -> String {
        switch self {
        case .network(let error): return error.message
        case .step(let overflow, let η):
            let rate = "try a smaller \(setting ?? "learning rate") (this run used \(η.formatted))"
            switch overflow {
            case .parameter(let bad, let depth):
                return "the step overflowed: \(bad.name(depth: depth)) became \(bad.valueWord); \(rate)"
            case .loss(let value, let batch):
                return "the step overflowed: the loss after it, \(batch ? "the batch's loss C_B" : "C"), became \(NonFinite.word(value)); \(rate)"
            case .fullLoss(let value):
                return "the step overflowed: the loss over all samples after it, C, became \(NonFinite.word(value)); \(rate)"
            }
        case .nudged(let ε):
            return "the nudged network overflowed: a quantity became infinite or not a number; "
                + "give a smaller \(setting ?? "nudge") (this run used \(ε.formatted))"
        case .overflowed(let bad, let depth, let held):
            let naming = LayerNaming(depth: depth)
            return "the computation overflowed: \(bad.name(depth: depth))\(bad.sample.map { " of \(held ? "test sample" : "sample") \($0)" } ?? "") "
                + "(layer \(naming.fullName(bad.layer)), node \(bad.node)) is \(bad.valueWord); "
                + "scale down the weights or inputs that feed it"
        }
    }

}

extension NonFinite {
    /// The quantity as the text renderer writes it, `w_00^L`, in a network of `depth` layers.
    package func name(depth: Int) -> String { TextRenderer(naming: LayerNaming(depth: depth)).text(symbol) }

    /// "infinite" or "not a number (NaN)": what the number became.
    package var valueWord: String { NonFinite.word(value) }

    /// "infinite" or "not a number (NaN)": what a number that is not finite became.
    package static func word(_ value: Double) -> String { value.isNaN ? "not a number (NaN)" : "infinite" }
}
