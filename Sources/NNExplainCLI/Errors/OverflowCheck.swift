import NNExplain

/// Fails when the forward or backward pass of `network` overflows, naming the first number that did:
/// for the given samples, or for all of them (through the engine, or its results when given).
func requireFinite(_ network: Network, samples: [Int]? = nil, gradients: Gradients? = nil, batch: Bool = true) throws(CLIError) {
    let found: NonFinite?
    if let samples {
        found = network.firstNonFinite(samples: samples)
    } else if let gradients {
        found = network.firstNonFinite(gradients: gradients, allFinite: batch)
    } else {
        found = network.firstNonFinite()
    }
    guard let bad = found else { return }
    let naming = LayerNaming(depth: network.depth)
    let name = TextRenderer(naming: naming).text(bad.symbol)
    throw .runtime("the computation overflowed: \(name) of sample \(bad.sample) (layer \(naming.fullName(bad.layer)), "
        + "node \(bad.node)) is \(bad.value.isNaN ? "not a number (NaN)" : "infinite"); scale down the weights or "
        + "inputs that feed it")
}
