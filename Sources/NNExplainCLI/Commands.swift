import NNExplain

// Each command: read its options into typed values, ask the engine, hand the result to a renderer.

func stepCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let network = loaded.network
    let weight = try requiredWeight(arguments, network: network)
    let average = arguments.flag("--average")
    if average && arguments.value("--sample") != nil {
        throw arguments.usage("--sample and --average cannot be used together; give one of them")
    }
    let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
    let s = average ? nil : try sample(arguments, network: network)
    try requireFinite(network, samples: s.map { [$0] } ?? Array(network.samples.indices))
    let derivation = average
        ? network.averagedDerivation(layer: weight.l, j: weight.j, k: weight.k)
        : network.derivation(layer: weight.l, j: weight.j, k: weight.k, sample: s ?? 0)
    let output = presentation.render(derivation.document, naming: weight.naming) {
        JSONRenderer(naming: weight.naming).render(derivation)
    }
    return CommandResult(output: output, warnings: loaded.warnings)
}

func forwardCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let s = try sample(arguments, network: loaded.network)
    let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
    try requireFinite(loaded.network, samples: [s])
    let trace = loaded.network.trace(sample: s)
    let naming = LayerNaming(depth: loaded.network.depth)
    let output = presentation.render(Explanation.forward(loaded.network, trace: trace), naming: naming) {
        JSONRenderer(naming: naming).render(trace)
    }
    return CommandResult(output: output, warnings: loaded.warnings)
}

func gradientsCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
    let result = Engine().run(loaded.network)
    let gradients = result.gradients
    try requireFinite(loaded.network, gradients: gradients, batch: result.allFinite)
    let naming = LayerNaming(depth: loaded.network.depth)
    let output = presentation.render(Explanation.gradients(gradients, of: loaded.network), naming: naming) {
        JSONRenderer(naming: naming).render(gradients)
    }
    return CommandResult(output: output, warnings: loaded.warnings)
}

func updateCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let network = loaded.network
    let weight = try weightIndices(arguments, network: network)
    let η = try learningRate(arguments)
    let order = try updateOrder(arguments)
    let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
    let target = arguments.flag("--in-place") ? try inPlaceTarget(arguments) : nil
    try requireFinite(network)
    let step = network.updateStep(learningRate: η, order: order)
    if let bad = step.after.layers.flatMap({ $0.weights.flatMap { $0 } + ($0.biases ?? []) }).first(where: { !$0.isFinite }) {
        throw .runtime("the step overflowed: a new weight is \(bad); try a smaller --learning-rate")
    }
    let naming = weight?.naming ?? LayerNaming(depth: network.depth)
    let document: Document
    if let weight {
        document = Explanation.update(step, layer: weight.l, j: weight.j, k: weight.k)
    } else {
        document = Explanation.update(step)
    }
    var output = presentation.render(document, naming: naming) { step.after.fileJSON }
    if let target {
        try AtomicFile.write(step.after.fileText(), to: target)
        if presentation.format == .json { output = "" }
    }
    return CommandResult(output: output, warnings: loaded.warnings)
}

func trainCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let network = loaded.network
    let epochs = try count(arguments, "--epochs", range: 1...10_000_000, required: true)!
    let every = try count(arguments, "--every", range: 1...10_000_000, required: false) ?? max(1, epochs / 10)
    let η = try learningRate(arguments)
    let order = try updateOrder(arguments)
    let presentation = try Presentation(arguments, environment: environment, formats: [.text, .json])
    let save = arguments.value("--save")
    try requireFinite(network)
    let progress = ProgressBar(total: epochs, draw: environment.progress)
    let (trained, losses) = network.trained(epochs: epochs, learningRate: η, order: order, progress: progress.update)
    progress.finish()
    if let epoch = losses.firstIndex(where: { !$0.isFinite }) {
        throw .runtime("training diverged: the loss became \(losses[epoch].isNaN ? "NaN" : "infinite") after \(epoch) epochs; "
            + "try a smaller --learning-rate (this run used \((η ?? network.learningRate).formatted))")
    }
    if let save { try AtomicFile.write(trained.fileText(), to: save) }
    let document = Explanation.training(losses: losses, every: every, learningRate: η ?? network.learningRate,
                                        order: order, curve: Sparkline.text(losses))
    let output = presentation.render(document, naming: LayerNaming(depth: network.depth)) {
        ["losses": .array(losses.map(JSONValue.number)), "network": trained.fileJSON]
    }
    return CommandResult(output: output, warnings: loaded.warnings)
}

func checkCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let ε = try positiveNumber(arguments, "--epsilon", upTo: 0.1) ?? 1e-6
    let parameters = loaded.network.checkedParameters
    guard parameters <= 20_000 else {
        throw arguments.usage("check runs two forward passes for each of the \(parameters) weights and biases of this "
            + "network, too many to wait for (at most 20000); check a smaller network")
    }
    let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
    try requireFinite(loaded.network)
    let check = loaded.network.gradientCheck(epsilon: ε)
    let naming = LayerNaming(depth: loaded.network.depth)
    let output = presentation.render(Explanation.check(check), naming: naming) { JSONRenderer(naming: naming).render(check) }
    let failure = check.failures == 0 ? nil
        : "\(check.failures) of \(check.entries.count) gradients disagree with their finite differences "
            + "(relative error above \(check.threshold)); see the table above"
    return CommandResult(output: output, warnings: loaded.warnings, failure: failure)
}

func walkCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let s = try sample(arguments, network: loaded.network)
    let presentation = try Presentation(arguments, environment: environment, formats: [.text])
    try requireFinite(loaded.network, samples: [s])
    let naming = LayerNaming(depth: loaded.network.depth)
    let pages = Explanation.walk(loaded.network, sample: s).enumerated().map { n, document in
        (n == 0 ? "" : "\n") + presentation.render(document, naming: naming) { .null }
    }
    return CommandResult(output: "", warnings: loaded.warnings, pages: pages)
}

func networkCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    return CommandResult(output: loaded.network.fileText(), warnings: loaded.warnings)
}
