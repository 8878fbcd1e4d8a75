import NNExplain

/// `nnexplain update`: one step of gradient descent, explained for one weight or listed for all.
enum UpdateCommand {
    static let command = Command(
        name: "update",
        abstract: "Take one step of gradient descent: new weight = old weight − (learning rate × gradient).",
        discussion: """
            With --layer, --j and --k, explains that weight's update with every number; without
            them, prints every weight and bias old → new. --format json prints the updated
            network as a network file, so steps chain:
              nnexplain update --format json > next.json
              nnexplain update --network next.json --format json > after.json
            --in-place rewrites the network file itself (safely: on any failure it is untouched).
            --batch steps with the gradient of a mini-batch B, ∂C_B/∂w, instead of the full one:
              nnexplain update --random 2,3,2 --samples 6 --batch 0,3,5 --format json > next.json
            """,
        synopsis: [.networkSource, .weight, .optional(Options.batch), .optional(Options.learningRate), .optional(Options.updateOrder),
                   .optional(inPlace), .optional(Presentation.format(Presentation.Format.allCases))],
        options: Options.networkSource + Options.weight + [Options.batch, Options.learningRate, Options.updateOrder, inPlace]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let inPlace = Flag(name: "--in-place", help: "Write the updated network back to the --network FILE.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        // --in-place locks the file before reading it and keeps the lock until the new file is in place.
        let locked = arguments.flag(Self.inPlace) ? try LockedFile(inPlaceTarget(arguments)) : nil
        defer { withExtendedLifetime(locked) {} }
        // Without a weight, every parameter's old value, gradient and new value.
        let listsAll = !arguments.isGiven(Options.layer)
        let loaded = try loadNetwork(arguments, environment, locked: locked) { shape throws(CLIError) in
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: listsAll ? NetworkShape.product(shape.parameters, 3) : 0) }
        }
        let network = loaded.network
        let weight = try WeightIndices.readIfGiven(arguments, network: network)
        let η = try arguments.read(Options.learningRate)
        let order = try arguments.read(Options.updateOrder)
        let batch = try arguments.read(Options.batch, in: network.samples.count)
        do throws(BatchError) { try network.requireBatches(order: order, miniBatch: batch != nil) } catch {
            guard error == .outputFirst else { throw arguments.usage(error.message) }
            throw arguments.usage("--batch and --update-order output-first cannot be used together; \(error.reason)")
        }
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let step: UpdateStep
        do throws(NetworkError) {
            step = if let batch { try network.updateStep(learningRate: η, order: order, batch: batch) }
                else { try network.updateStep(learningRate: η, order: order) }
        } catch { throw .runtime(error.message) }
        try runtime { try network.requireFinite(gradients: step.gradients, batch: batch) }
        if let weight, order == .simultaneous {
            try runtime { try network.requireFinite(samples: batch ?? Array(network.samples.indices), checks: [.product(layer: weight.l, j: weight.j, k: weight.k)]) }
        }
        if let losses = step.batch, !losses.lossBefore.isFinite {
            try runtime { try network.requireFinite(samples: Array(network.samples.indices), checks: [.loss]) }
        }
        do throws(OverflowError) { try step.requireFinite() } catch {
            throw .runtime(error.message(setting: Options.learningRate.option.name))
        }
        let naming = weight?.naming ?? LayerNaming(depth: network.depth)
        let document: Document
        if let weight {
            document = try runtime { try Explanation.update(step, layer: weight.l, j: weight.j, k: weight.k) }
        } else {
            document = Explanation.update(step)
        }
        var output = presentation.render(document, naming: naming, json: loaded.file(of: step.after))
        if let locked {
            try AtomicFile.write(loaded.file(of: step.after).text, to: locked.path, pause: environment.pauseWhileWriting)
            if presentation.format == .json { output = "" }
        }
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }

    /// The file `--in-place` rewrites: the `--network FILE`, which must be given and not be standard input.
    private static func inPlaceTarget(_ arguments: Arguments) throws(CLIError) -> String {
        guard let path = try arguments.read(Options.network) else {
            throw arguments.usage("--in-place rewrites the --network FILE, so it needs one; the built-in network cannot be changed")
        }
        if NetworkFileBytes.isStandardInput(path) {
            throw arguments.usage("--in-place cannot rewrite standard input (--network \(path)); "
                + "give a file, or write the result with --format json > FILE")
        }
        return path
    }
}
