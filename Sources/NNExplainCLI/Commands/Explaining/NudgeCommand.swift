import NNExplain

/// `nnexplain nudge`: one weight moved by ε, and every quantity that moves, beside the chain rule's prediction.
enum NudgeCommand {
    static let command = Command(
        name: "nudge",
        abstract: "Nudge one weight by ε and show every z, a and the loss move, beside the change the gradient predicts.",
        discussion: """
            Adds ε to w_jk^l, runs the network again, and lists z_j^l, a_j^l (every a of a
            softmax layer), every z and a of the layers above, and the loss: before, after, the
            change, and the change predicted by the chain rule, ∂quantity/∂w · ε. The derivatives
            are exact (the loss's is the gradient step explains, the others by forward mode through
            the network), so the prediction differs from the change only by what a first-order
            rule leaves out; try a large ε to see it. With --average only the mean loss C is shown.
            """,
        synopsis: [.required(Options.layer), .required(Options.j), .required(Options.k), .optional(by), .networkSource,
                   .alternatives([Options.sample, StepCommand.average]), .optional(Presentation.format(formats)), .optional(Presentation.precision)],
        options: Options.weight + [by] + Options.networkSource + [Options.sample, StepCommand.average] + Presentation.options(formats: formats),
        action: .parsed(run))

    static let formats: [Presentation.Format] = [.text, .json]

    /// The largest nudge: beyond it the first-order comparison says nothing, and sums may overflow.
    static let largest = 10.0

    static let by = ValueOption<Void, Double>(
        name: "--by", placeholder: "ε", help: .summary("The amount added to the weight, nonzero", showsBounds: true),
        parser: ValueParser(bounds: "-\(largest.formatted)…\(largest.formatted)", describe: \.shortFormatted) { text, name, _ throws(ValidationError) in
            let value = try readNumber(text, name, example: "0.01")
            guard value != 0, abs(value) <= largest else {
                throw ValidationError("\(name) \(text) is out of range; give a nonzero number from -\(largest.formatted) to \(largest.formatted)")
            }
            return value
        },
        absent: .value(0.01))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let weight = try WeightIndices.read(arguments, network: network)
        let ε = try arguments.read(by)
        let average = arguments.flag(StepCommand.average)
        if average && arguments.isGiven(Options.sample) {
            throw arguments.usage("--sample and --average cannot be used together; give one of them")
        }
        let s = average ? nil : try arguments.read(Options.sample, in: network.samples.count)
        let presentation = try Presentation(arguments, environment: environment, formats: formats)
        // What the nudge uses: every z and a, the loss, and the gradient it predicts with (a stable
        // output layer's by δ, so a saturated output is explained as every other command explains it).
        let uses: [FiniteCheck] = [.activations, .loss, .product(layer: weight.l, j: weight.j, k: weight.k)]
        try runtime { try network.requireFinite(samples: s.map { [$0] } ?? Array(network.samples.indices), checks: uses) }
        let nudge = try runtime { try network.nudge(layer: weight.l, j: weight.j, k: weight.k, by: ε, sample: s) }
        do throws(OverflowError) { try nudge.requireFinite() } catch { throw .runtime(error.message(setting: by.name)) }
        do throws(NudgeError) { try nudge.requireMoved() } catch { throw arguments.usage(error.message(setting: by.name)) }
        let output = presentation.render(nudge.document, naming: weight.naming, json: nudge)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
