import NNExplain

/// `nnexplain network`: the network as a network file.
enum NetworkCommand {
    static let command = Command(
        name: "network",
        abstract: "Print the network as a network file (JSON), the built-in one by default.",
        discussion: """
            The output is a valid network file: save it, change a number, and pass it back
            with --network FILE.
            """,
        synopsis: [.networkSource],
        options: Options.networkSource,
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        // Every parameter, and every sample's inputs and targets.
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            let sample = NetworkShape.sum(shape.sizes[0], shape.sizes[shape.depth])
            let printed = NetworkShape.sum(shape.parameters, NetworkShape.product(shape.samples, sample))
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: printed) }
        }
        return CommandResult(output: NetworkFile(loaded.network).text, warnings: loaded.warnings, heading: loaded.heading)
    }
}
