import NNExplain

// Each command: read its options into typed values, ask the engine, hand the result to a renderer.

func stepCommand(_ arguments: Arguments) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let network = loaded.network
    let (l, relative) = try layer(arguments, network: network)
    let j = try index(arguments, "--j", range: network.size(ofLayer: l),
                      what: "layer \(LayerNaming(depth: network.depth, relative: relative).label(l))")
    let k = try index(arguments, "--k", range: network.size(ofLayer: l - 1),
                      what: "layer \(LayerNaming(depth: network.depth, relative: relative).label(l - 1))")
    let average = arguments.flag("--average")
    if average && arguments.value("--sample") != nil {
        throw arguments.usage("--sample and --average cannot be used together; give one of them")
    }
    let derivation = average
        ? network.averagedDerivation(layer: l, j: j, k: k)
        : network.derivation(layer: l, j: j, k: k, sample: try sample(arguments, network: network))
    switch try format(arguments) {
    case .text:
        let renderer = TextRenderer(naming: LayerNaming(depth: network.depth, relative: relative),
                                    precision: try precision(arguments))
        return CommandResult(output: renderer.render(derivation.document), warnings: loaded.warnings)
    case .json:
        let renderer = JSONRenderer(naming: LayerNaming(depth: network.depth, relative: relative))
        return CommandResult(output: renderer.render(derivation).formatted() + "\n", warnings: loaded.warnings)
    }
}

func forwardCommand(_ arguments: Arguments) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let s = try sample(arguments, network: loaded.network)
    let renderer = TextRenderer(naming: LayerNaming(depth: loaded.network.depth), precision: try precision(arguments))
    return CommandResult(output: renderer.render(Explanation.forward(loaded.network, trace: loaded.network.trace(sample: s))),
                         warnings: loaded.warnings)
}

func gradientsCommand(_ arguments: Arguments) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let gradients = loaded.network.gradients()
    switch try format(arguments) {
    case .text:
        let renderer = TextRenderer(naming: LayerNaming(depth: loaded.network.depth), precision: try precision(arguments))
        return CommandResult(output: renderer.render(Explanation.gradients(gradients, of: loaded.network)), warnings: loaded.warnings)
    case .json:
        let renderer = JSONRenderer(naming: LayerNaming(depth: loaded.network.depth))
        return CommandResult(output: renderer.render(gradients).formatted() + "\n", warnings: loaded.warnings)
    }
}

func networkCommand(_ arguments: Arguments) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    return CommandResult(output: loaded.network.fileText(), warnings: loaded.warnings)
}
