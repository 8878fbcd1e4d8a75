import NNExplain

/// `nnexplain network`: the network as a network file (its samples optionally from CSV files), or
/// its weights as a safetensors model.
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
            --format safetensors --output FILE writes the weights instead,
            as PyTorch's state_dict of an nn.Sequential of nn.Linear layers (F64 tensors 0.weight,
            0.bias, 1.weight, …; load it with safetensors.torch.load_file), which
            'nnexplain import' reads back bit for bit. Activations, loss and samples are not
            part of that format.
            """,
        synopsis: [.networkSource, .optional(DataOptions.data), .optional(DataOptions.testData),
                   .alternatives([DataOptions.targetColumns, DataOptions.labelColumn]), .optional(DataOptions.classes),
                   .optional(format, showing: .choices), .optional(Options.output)],
        options: Options.networkSource + DataOptions.all + [format, Options.output],
        action: .parsed(run))

    enum Format: String, CaseIterable {
        case json, safetensors
    }

    static let format = ValueOption<Void, Format>(
        name: "--format", placeholder: "FORMAT", help: .choices(),
        parser: .choice(of: Format.allCases) { text, name, names in
            "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.json))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let format = try arguments.read(Self.format)
        let file = try arguments.read(Options.output)
        if format == .safetensors, file == nil {
            throw arguments.usage("safetensors is a binary format, never written to a terminal or a pipe; "
                + "give \(Options.output.name) FILE, e.g. \(Options.output.name) model.safetensors")
        }
        if format == .safetensors, let file, let source = try arguments.read(Options.network), AtomicFile.sameFile(file, source) {
            throw arguments.usage("\(Options.output.name) names the network file '\(source)' itself, which the weights alone (no activations, "
                + "loss or samples) would replace; give another file name, e.g. model.safetensors")
        }
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in try requirePrintable(shape, arguments) }
        let network = try DataOptions.apply(arguments, environment, to: loaded.network, writing: file)
        try requirePrintable(NetworkShape(network), arguments)
        switch (format, file) {
        case (.json, nil):
            return CommandResult(output: NetworkFile(network).text, warnings: loaded.warnings, heading: loaded.heading)
        case (.json, let file?):
            try AtomicFile.write(NetworkFile(network).text, to: file, pause: environment.pauseWhileWriting)
        case (.safetensors, let file):
            // import reads a model whose layers all have biases or none; write no file it would refuse.
            if let biased = network.layers.firstIndex(where: { $0.biases != nil }), let bare = network.layers.firstIndex(where: { $0.biases == nil }) {
                throw arguments.usage("layer \(bare + 1) has no biases but layer \(biased + 1) has, and 'nnexplain import' reads a model "
                    + "whose layers all have biases or none; give every layer biases (0 where it has none) or none")
            }
            try AtomicFile.write(bytes: network.safetensorsBytes(), to: file!, pause: environment.pauseWhileWriting)
        }
        return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
    }

    /// The memory bound for printing every parameter, and every sample's inputs and targets.
    private static func requirePrintable(_ shape: NetworkShape, _ arguments: Arguments) throws(CLIError) {
        let sample = NetworkShape.sum(shape.sizes[0], shape.sizes[shape.depth])
        let printed = NetworkShape.sum(shape.parameters, NetworkShape.product(shape.samples, sample))
        try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: printed) }
    }
}
