import NNExplain

/// `nnexplain network`: the network as a network file, its samples optionally from CSV files.
enum NetworkCommand {
    static let command = Command(
        name: "network",
        abstract: "Print the network as a network file (JSON), the built-in one by default.",
        discussion: """
            The output is a valid network file: save it, change a number, and pass it back
            with --network FILE. With --data FILE.csv its samples are the CSV file's rows and
            with --test-data its held-out samples ("test"): the CSV file has a header naming
            its columns; --target-columns names the targets (the other columns are inputs, in
            the file's order), or --label-column names a column of classes, one output each
            (y = 1 for the row's class, 0 for the others), in the order first seen down the
            training file unless --classes lists them. The inputs must be as many as the
            network's and the targets as its output nodes.
            """,
        synopsis: [.networkSource, .optional(DataOptions.data), .optional(DataOptions.testData),
                   .alternatives([DataOptions.targetColumns, DataOptions.labelColumn]), .optional(DataOptions.classes),
                   .optional(Options.output)],
        options: Options.networkSource + DataOptions.all + [Options.output],
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in try requirePrintable(shape, arguments) }
        let network = try DataOptions.apply(arguments, environment, to: loaded.network)
        try requirePrintable(NetworkShape(network), arguments)
        let text = NetworkFile(network).text
        if let output = try arguments.read(Options.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading)
    }

    /// The memory bound for printing every parameter, and every sample's inputs and targets.
    private static func requirePrintable(_ shape: NetworkShape, _ arguments: Arguments) throws(CLIError) {
        let sample = NetworkShape.sum(shape.sizes[0], shape.sizes[shape.depth])
        let printed = NetworkShape.sum(shape.parameters, NetworkShape.product(shape.samples, sample))
        try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: printed) }
    }
}
