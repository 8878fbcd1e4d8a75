import NNExplain

/// `nnexplain train`: full-batch gradient descent, with the loss and a loss curve.
enum TrainCommand {
    static let command = Command(
        name: "train",
        abstract: "Train with full-batch gradient descent, printing the loss and a loss curve.",
        discussion: """
            Each epoch computes the gradient averaged over all samples and takes one step.
            --format json prints {"losses": [...], "network": {...}}, where losses[i] is the mean
            loss after i epochs (losses[0] before training) and network is the trained network file.
            """,
        synopsis: "--epochs N [--network FILE | --random SIZES] [--learning-rate η] [--every K] [--update-order ORDER] [--save FILE] [--format text|json]",
        options: [
            Command.Option(name: "--epochs", value: "N", help: "How many steps of gradient descent, 1…10000000."),
        ] + Command.networkSource + [
            Command.learningRate,
            Command.Option(name: "--every", value: "K", help: "Print the loss every K epochs (default: about ten lines in all)."),
            Command.updateOrder,
            Command.Option(name: "--save", value: "FILE", help: "Write the trained network to FILE (safely: on failure FILE is untouched)."),
        ] + Presentation.options(formats: [.text, .json]),
        action: run)

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
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
}
