import NNExplain

/// `nnexplain import MODEL.safetensors --activations LIST`: a PyTorch model's weights as a network file.
enum ImportCommand {
    static let command = Command(
        name: "import",
        abstract: "Turn a PyTorch model saved as safetensors into a network file.",
        discussion: """
            MODEL.safetensors is the state_dict of an nn.Sequential of nn.Linear layers, saved
            with safetensors.torch.save_file(model.state_dict(), "model.safetensors"). Its
            tensors N.weight (out × in, row j and column k being w_jk) and N.bias become the
            layers in increasing N; gaps are fine (the activation modules between the linear
            ones hold no tensors), and so is one common prefix (model.0.weight). F64, F32, F16
            and BF16 numbers are converted exactly to doubles. A state_dict names no activation,
            so --activations names one per linear layer, e.g. --activations relu,softmax.
            Anything else (a convolution, shapes that do not chain, a damaged file) is refused
            with a sentence naming the tensor.
            The samples come from CSV files as with 'nnexplain network': --data FILE.csv (and
            --test-data) with --target-columns or --label-column (see 'nnexplain network --help').
            Without --data the network file gets one sample of zeros (every input and target 0)
            so that it is valid, and a warning says so; replace "samples" with your own.
            """,
        synopsis: [.requiredPositional("MODEL.safetensors"), .required(activations), .optional(loss),
                   .optional(DataOptions.data), .optional(DataOptions.testData),
                   .alternatives([DataOptions.targetColumns, DataOptions.labelColumn]), .optional(DataOptions.classes),
                   .optional(output)],
        options: [activations, loss, output] + dataOptions,
        action: .parsed(run))

    /// The options that fill the samples from CSV files, as `network`'s do.
    static let dataOptions = DataOptions.all

    // MARK: Model options

    static let activations = ValueOption<Void, [Activation]>(
        name: "--activations", placeholder: "LIST",
        help: .summary("Each linear layer's activation, in order, separated by commas, e.g. sigmoid,softmax"),
        parser: ValueParser(describe: { $0.map(\.rawValue).joined(separator: ",") }) { text, name, _ throws(ValidationError) in
            var list: [Activation] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                list.append(try Options.activationName.parse(String(part).trimmed, name, ()))
            }
            return list
        },
        absent: .required { name, _ in "missing \(name); a state_dict names no activation: give one per linear layer, e.g. \(name) sigmoid,softmax" })

    static let loss = ValueOption<Void, Loss>(
        name: "--loss", placeholder: "NAME", help: .summary("The loss the network file names"),
        parser: Options.lossName, absent: .value(.squared))

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write the network file to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        guard let path = arguments.positional else {
            throw arguments.usage("missing MODEL.safetensors; give the model file, e.g. nnexplain import model.safetensors --activations sigmoid,softmax")
        }
        let file = try arguments.read(output)
        if let file, AtomicFile.sameFile(file, path) {
            throw arguments.usage("\(output.name) names the model file '\(path)' itself, which would be replaced by the network file; give another file name")
        }
        let activations = try arguments.read(Self.activations)
        let loss = try arguments.read(Self.loss)
        let bytes = try NetworkFileBytes.contents(of: path, environment: environment, expected: "a .safetensors file", kind: "model file",
                                                  unreadable: CLIError.unreadableModel)
        let model: Safetensors, linear: [Safetensors.LinearLayer]
        do throws(SafetensorsError) {
            model = try Safetensors.read(bytes)
            linear = try model.linearLayers()
        } catch {
            throw .badModelFile(path: path, error.message)
        }
        // A huge model is refused by its sizes before a number is decoded.
        let shape = NetworkShape(sizes: [linear[0].columns] + linear.map(\.rows), biases: linear.map { $0.bias != nil }, samples: 1)
        try usage(arguments) { try ResourceLimits.requireMemory(shape) }
        let imported: (inputs: Int, layers: [Layer])
        do throws(SafetensorsError) { imported = try model.layers(linear, activations: activations, in: bytes) } catch {
            if case .activationCount = error { throw arguments.usage("\(Self.activations.name): \(error.message)") }
            throw .badModelFile(path: path, error.message)
        }
        // The samples: the CSV files' rows where given, else one sample of zeros (a file needs one).
        let zero = Sample(x: Array(repeating: 0, count: imported.inputs), y: Array(repeating: 0, count: imported.layers[imported.layers.count - 1].size))
        let bare = Network(inputs: imported.inputs, layers: imported.layers, loss: loss, samples: [zero])
        if let problem = bare.pairingProblem {
            // A hidden softmax is wrong whatever the loss; only a loss against the output activation is a pair's problem.
            if case .softmaxInHiddenLayer(let l) = problem {
                throw arguments.usage("\(Self.activations.name): layer \(l) of \(linear.count) is a hidden layer: \(problem.rule)")
            }
            throw arguments.usage("\(Self.activations.name) and \(Self.loss.name) do not fit: \(problem.rule)")
        }
        let network = try DataOptions.apply(arguments, environment, to: bare, writing: file)
        let noData = arguments.isGiven(DataOptions.data) ? [] : [
            "model file '\(path)' holds no data and no --data was given: the network file has one sample of zeros (every x and y 0) "
                + "so that it is valid; give --data FILE.csv, or replace \"samples\" with your own",
        ]
        let text = network.fileText()
        if let file {
            try AtomicFile.write(text, to: file, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: noData)
        }
        return CommandResult(output: text, warnings: noData)
    }
}
