import NNExplain

/// Fails when a number among the `checks` of the given samples' passes is not finite, naming the
/// first one: a command checks exactly the numbers it shows. `kind` names the samples in the
/// error ("test sample" when `network.samples` holds a file's held-out samples).
func requireFinite(_ network: Network, samples: [Int], checks: [FiniteCheck], kind: String = "sample") throws(CLIError) {
    if let bad = network.firstNonFinite(samples: samples, checks: checks) { throw overflow(bad, in: network, kind: kind) }
}

/// Fails when an output or a loss of a held-out sample (``Network/testSamples``) is not finite,
/// naming the first one as "test sample S": what `predict` shows of them and `train`'s test loss.
func requireFiniteTestSamples(_ network: Network) throws(CLIError) {
    guard !network.testSamples.isEmpty else { return }
    var held = network
    (held.samples, held.testSamples) = (network.testSamples, [])
    try requireFinite(held, samples: Array(held.samples.indices), checks: [.activations, .loss], kind: "test sample")
}

/// Fails when the mean loss or a mean gradient of `network` is not finite (for `gradients` of
/// another order, give them), naming the first sample's number to blame, or else the mean itself;
/// with a `batch`, the mean over its samples (``Network/batch(_:)``), a sample named by its own number.
func requireFinite(_ network: Network, gradients: Gradients? = nil, batch: [Int]? = nil) throws(CLIError) {
    let gradients = gradients ?? (batch.map(network.batch) ?? network).gradients()
    guard !gradients.allFinite else { return }
    let bad = network.firstNonFinite(samples: batch ?? Array(network.samples.indices)) ?? gradients.firstNonFinite
    if let bad { throw overflow(bad, in: network) }
}

/// The overflow error for `bad`: which number, of which sample, and the fix.
private func overflow(_ bad: NonFinite, in network: Network, kind: String = "sample") -> CLIError {
    let naming = LayerNaming(depth: network.depth)
    let name = TextRenderer(naming: naming).text(bad.symbol)
    return .runtime("the computation overflowed: \(name)\(bad.sample.map { " of \(kind) \($0)" } ?? "") "
        + "(layer \(naming.fullName(bad.layer)), node \(bad.node)) is \(nonFiniteWord(bad.value)); "
        + "scale down the weights or inputs that feed it")
}

/// "infinite" or "not a number (NaN)": what a number that is not finite became.
func nonFiniteWord(_ value: Double) -> String { value.isNaN ? "not a number (NaN)" : "infinite" }

/// Fails when `value`, the mean `∂C/∂(parameter)` an explanation shows, is not finite.
func requireFinite(mean value: Double, of parameter: Symbol, in network: Network) throws(CLIError) {
    guard !value.isFinite, case .w(let l, .number(let j), _) = parameter else { return }
    throw overflow(NonFinite(symbol: .partial(.loss(.mean), parameter), value: value, sample: nil, layer: l, node: j), in: network)
}

/// A weight or bias as the tool names it, `w_00^L`.
func parameterName(_ bad: NonFinite, in network: Network) -> String {
    TextRenderer(naming: LayerNaming(depth: network.depth)).text(bad.symbol)
}
