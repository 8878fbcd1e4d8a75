import NNExplain

/// `nnexplain check`: every gradient against a central finite difference.
enum CheckCommand {
    static let command = Command(
        name: "check",
        abstract: "Check every gradient against a central finite difference (exit 1 if any disagrees).",
        discussion: """
            For every weight and bias, the backpropagated gradient beside
            (C(θ + ε) − C(θ − ε)) / 2ε computed from the loss alone, and their relative error.
            A gradient passes when its relative error is at most the threshold 1e-05, or, by the
            noise rule, when the two differ by at most 10 ulp of C / ε, the rounding of the two
            losses divided by the step; the table marks those "ok (noise)". The command exits
            with 1 when any gradient passes by neither rule.

            The noise allowance grows as ε shrinks, so an ε too small would pass anything: an ε
            whose allowance is above the threshold times the largest gradient is refused (exit 64),
            and the error names the least ε this network can use.
            """,
        synopsis: [.networkSource, .optional(epsilon), .optional(Presentation.format(Presentation.Format.allCases)), .optional(Presentation.precision)],
        options: Options.networkSource + [epsilon] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let epsilon = ValueOption<Void, Double>(
        name: "--epsilon", placeholder: "ε", help: .summary("The finite-difference step", showsBounds: true),
        parser: .positiveNumber(upTo: largestEpsilon), absent: .value(GradientCheck.defaultEpsilon))

    /// The largest finite-difference step --epsilon accepts.
    static let largestEpsilon = GradientCheck.largestEpsilon

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in try usage(arguments) { try ResourceLimits.requireCheckable(shape) } }
        let ε = try arguments.read(Self.epsilon)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        try runtime { try loaded.network.requireFinite() }
        let long = ResourceLimits.checkWork(NetworkShape(loaded.network)) > ResourceLimits.checkProgressMultiplyAdds
        let progress = ProgressBar(total: loaded.network.checkedParameters, unit: "gradients", worthShowing: long,
                                   draw: environment.progress)
        let check = try runtime { try loaded.network.gradientCheck(epsilon: ε, progress: progress.update) }
        progress.finish()
        do throws(CheckError) { try check.requireResolvesGradients() } catch {
            throw arguments.usage(error.message(option: Self.epsilon.name))
        }
        let naming = LayerNaming(depth: loaded.network.depth)
        let output = presentation.render(Explanation.check(check), naming: naming, json: check)
        let failure = check.failures == 0 ? nil
            : "\(check.failures) of \(check.entries.count) gradients \(check.failures == 1 ? "disagrees" : "disagree") with "
                + "\(check.failures == 1 ? "its finite difference" : "their finite differences") (relative error above "
                + "\(check.threshold.formatted) and difference above the noise allowance \(check.noise.formatted)); see the table above"
        return CommandResult(output: output, warnings: loaded.warnings, failure: failure, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
