import NNExplain

/// `nnexplain network`: the network as a network file, or its weights as a safetensors model.
enum NetworkCommand {
    static let command = Command(
        name: "network",
        abstract: "Print the network as a network file (JSON), the built-in one by default.",
        discussion: """
            The output is a valid network file: save it, change a number, and pass it back
            with --network FILE. --format safetensors --output FILE writes the weights instead,
            as PyTorch's state_dict of an nn.Sequential of nn.Linear layers (F64 tensors 0.weight,
            0.bias, 1.weight, …; load it with safetensors.torch.load_file), which
            'nnexplain import' reads back bit for bit. Activations, loss and samples are not
            part of that format.
            """,
        synopsis: [.networkSource, .optional(format, showing: .choices), .optional(output)],
        options: Options.networkSource + [format, output],
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

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely); safetensors needs it"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let format = try arguments.read(Self.format)
        let file = try arguments.read(output)
        if format == .safetensors, file == nil {
            throw arguments.usage("safetensors is a binary format, never written to a terminal or a pipe; "
                + "give \(output.name) FILE, e.g. \(output.name) model.safetensors")
        }
        // Every parameter, and every sample's inputs and targets.
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            let sample = NetworkShape.sum(shape.sizes[0], shape.sizes[shape.depth])
            let printed = NetworkShape.sum(shape.parameters, NetworkShape.product(shape.samples, sample))
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: printed) }
        }
        switch (format, file) {
        case (.json, nil):
            return CommandResult(output: NetworkFile(loaded.network).text, warnings: loaded.warnings, heading: loaded.heading)
        case (.json, let file?):
            try AtomicFile.write(NetworkFile(loaded.network).text, to: file, pause: environment.pauseWhileWriting)
        case (.safetensors, let file):
            try AtomicFile.write(bytes: loaded.network.safetensorsBytes(), to: file!, pause: environment.pauseWhileWriting)
        }
        return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
    }
}
