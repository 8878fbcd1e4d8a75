import NNExplain

/// `nnexplain export`: a Python script that rebuilds the network and checks nnexplain's gradients.
enum ExportCommand {
    static let command = Command(
        name: "export",
        abstract: "Write a Python script (numpy or PyTorch) that recomputes every gradient and checks it against nnexplain's.",
        discussion: """
            The script rebuilds the network with its exact weights and training samples (every
            number written to read back to the same double), runs forward and backward (numpy:
            by hand, as in the notation nnexplain explains; pytorch: an nn.Sequential of
            nn.Linear in float64, PyTorch's loss with reduction="sum" over the number of
            samples, loss.backward()), prints the gradients as JSON in the shape of
            'nnexplain gradients --format json', and exits 1 if any differs from nnexplain's,
            which it holds, by more than 1e-12 relatively. A gradient near 0 that is the mean of
            larger per-sample gradients is compared at their mean size. Run it with python3
            (numpy, or torch, installed).
            """,
        synopsis: [.required(format), .networkSource, .optional(Options.output)],
        options: [format] + Options.networkSource + [Options.output],
        action: .parsed(run))

    static let format = ValueOption<Void, PythonScript.Framework>(
        name: "--format", placeholder: "FORMAT", help: .choices(),
        parser: .choice(of: PythonScript.Framework.allCases) { text, name, names in
            "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .required { name, _ in "export needs \(name) numpy or \(name) pytorch, the framework the script uses" })

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let framework = try arguments.read(format)
        let loaded = try loadNetwork(arguments, environment) { shape throws(CLIError) in
            try usage(arguments) { try ResourceLimits.requireMemory(shape, printing: shape.parameters + shape.samples * (shape.sizes.first! + shape.sizes.last!)) }
        }
        let network = loaded.network
        let gradients = try runtime { try network.gradients() }
        try runtime { try network.requireFinite(gradients: gradients, batch: nil) }
        let expected = JSONRenderer(naming: LayerNaming(depth: network.depth)).render(gradients)
        let text = PythonScript(framework, network: network, expected: expected).text
        if let output = try arguments.read(Options.output) {
            try AtomicFile.write(text, to: output, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: text, warnings: loaded.warnings, heading: loaded.heading)
    }
}
