import NNExplain

/// `nnexplain check`: every gradient against a central finite difference.
enum CheckCommand {
    static let command = Command(
        name: "check",
        abstract: "Check every gradient against a central finite difference (exit 1 if any disagrees).",
        discussion: """
            For every weight and bias, the backpropagated gradient beside
            (C(θ + ε) − C(θ − ε)) / 2ε computed from the loss alone, and their relative error.
            The command exits with 1 when any relative error is above the threshold.
            """,
        synopsis: "[--network FILE | --random SIZES] [--epsilon ε] [--format FORMAT] [--precision N]",
        options: Options.networkSource + [epsilon] + Presentation.options(formats: Presentation.Format.allCases),
        action: run)

    static let epsilon = ValueOption<Void, Double>(
        name: "--epsilon", placeholder: "ε", help: .summary("The finite-difference step", showsBounds: true),
        parser: .positiveNumber(upTo: 0.1), absent: .value(GradientCheck.defaultEpsilon))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments) { shape throws(CLIError) in try ResourceLimits.requireCheckable(shape, arguments) }
        let ε = try arguments.read(Self.epsilon)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        try requireFinite(loaded.network)
        let long = ResourceLimits.checkWork(NetworkShape(loaded.network)) > ResourceLimits.checkProgressMultiplyAdds
        let progress = ProgressBar(total: loaded.network.checkedParameters, unit: "gradients", worthShowing: long,
                                   draw: environment.progress)
        let check = loaded.network.gradientCheck(epsilon: ε, progress: progress.update)
        progress.finish()
        let naming = LayerNaming(depth: loaded.network.depth)
        let output = presentation.render(Explanation.check(check), naming: naming) { JSONRenderer(naming: naming).render(check) }
        let failure = check.failures == 0 ? nil
            : "\(check.failures) of \(check.entries.count) gradients disagree with their finite differences "
                + "(relative error above \(check.threshold)); see the table above"
        return CommandResult(output: output, warnings: loaded.warnings, failure: failure)
    }
}
