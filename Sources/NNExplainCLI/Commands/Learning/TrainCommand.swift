import NNExplain

/// `nnexplain train`: full-batch or mini-batch gradient descent, with the loss (and the test loss)
/// and a loss curve.
enum TrainCommand {
    static let command = Command(
        name: "train",
        abstract: "Train with gradient descent, printing the loss and a loss curve.",
        discussion: """
            Each epoch computes the gradient averaged over all samples and takes one step. With
            --batch-size B below the number of samples N, each epoch shuffles the samples and takes
            one step per batch of B (the last one smaller when B does not divide N), by the gradient
            averaged over that batch; B of N or more is full batch. The loss printed is always the
            mean over all samples. When the network file has held-out samples ("test"), their loss
            is printed beside it; no step trains on them.
            --format json prints {"losses": [...], "network": {...}}, where losses[i] is the mean
            loss after i epochs (losses[0] before training) and network is the trained network file;
            with held-out samples also "testLosses": [...], their loss after i epochs.
            """,
        synopsis: [.required(epochs), .networkSource, .optional(Options.learningRate), .optional(batchSize), .optional(shuffleSeed),
                   .optional(every), .optional(Options.updateOrder),
                   .optional(save), .optional(plot), .optional(log), .optional(from), .optional(Presentation.format(formats), showing: .choices)],
        options: [epochs] + Options.networkSource + [Options.learningRate, batchSize, shuffleSeed, every, Options.updateOrder, save, plot, log, from]
            + Presentation.options(formats: formats),
        action: .parsed(run))

    static let formats: [Presentation.Format] = [.text, .json]
    /// How many epochs a run may take, and how many apart its printed losses may be.
    static let epochRange = 1...10_000_000

    static let epochs = ValueOption<Void, Int>(
        name: "--epochs", placeholder: "N", help: .summary("How many epochs: passes over the samples, each one step, or one per batch with --batch-size", showsBounds: true),
        parser: .wholeNumber(in: epochRange),
        absent: .required { name, _ in "missing \(name); give a whole number \(epochRange.lowerBound)…\(epochRange.upperBound), e.g. \(name) 100" })

    /// How many losses a run prints when `--every` is not given, about: read by ``defaultEvery(epochs:)``
    /// and by the help of ``every``.
    static let printedLines = 10

    /// `nil` when not given: about ``printedLines`` lines in all, ``defaultEvery(epochs:)``.
    static let every = ValueOption<Void, Int?>(
        name: "--every", placeholder: "K", help: .summary("Print the loss every K epochs"),
        parser: ValueParser.wholeNumber(in: epochRange).optional, absent: .explained(nil, "about \(printedLines.inWords) lines in all"))

    static let save = ValueOption<Void, String?>(
        name: "--save", placeholder: "FILE", help: .summary("Write the trained network to FILE (safely: on failure FILE is untouched)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static let plot = ValueOption<Void, String?>(
        name: "--plot", placeholder: "FILE", help: .summary("Write the loss curve to FILE as an SVG picture (safely, like --save)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static let log = Flag(name: "--log", help: "With --plot: a logarithmic loss axis, for a loss that falls over decades, instead of a linear one from 0.")

    static let from = ValueOption<Void, Int>(
        name: "--from", placeholder: "EPOCH",
        help: .summary("With --plot: draw the epochs from EPOCH on, the loss axis fitted to them, to see a late rise of the test loss"),
        parser: .wholeNumber(in: 0...epochRange.upperBound), absent: .value(0))

    /// `nil` when not given: full batch.
    static let batchSize = ValueOption<Void, Int?>(
        name: "--batch-size", placeholder: "B", help: .summary("Samples per step: each epoch shuffles the samples and steps once per batch of B", showsBounds: true),
        parser: ValueParser.wholeNumber(in: 1...Int(Int32.max)).optional, absent: .explained(nil, "all samples, full batch"))

    static let shuffleSeed = ValueOption<Void, UInt64>(
        name: "--shuffle-seed", placeholder: "S",
        help: .summary("With --batch-size: the seed of the epochs' Fisher-Yates shuffles; the same seed gives the same batches everywhere", showsBounds: true),
        parser: .unsignedWholeNumber, absent: .value(Network.defaultShuffleSeed))

    /// Print the loss about ``printedLines`` times in all, and at least every epoch.
    static func defaultEvery(epochs: Int) -> Int { max(1, epochs / printedLines) }

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        // --save over the --network FILE locks it before reading it and keeps the lock until the
        // trained network is in place, as update --in-place does: two such runs take turns.
        let save = try arguments.read(Self.save)
        let locked = try LockedFile.rewriting(arguments, to: save)
        defer { withExtendedLifetime(locked) {} }
        let loaded = try loadNetwork(arguments, environment, locked: locked)
        let network = loaded.network
        let epochs = try arguments.read(Self.epochs)
        let every = try arguments.read(Self.every) ?? Self.defaultEvery(epochs: epochs)
        let η = try arguments.read(Options.learningRate)
        let order = try arguments.read(Options.updateOrder)
        let batchSize = try arguments.read(Self.batchSize)
        let shuffleSeed = try arguments.read(Self.shuffleSeed)
        if batchSize == nil, arguments.isGiven(Self.shuffleSeed) {
            throw arguments.usage("--shuffle-seed only matters with --batch-size (it orders the samples into batches); "
                + "add --batch-size B, or leave out --shuffle-seed")
        }
        do throws(BatchError) { try network.requireBatches(order: order, batchSize: batchSize) } catch {
            guard error == .outputFirst, let batchSize else { throw arguments.usage(error.message) }
            throw arguments.usage("--batch-size \(batchSize) and --update-order output-first cannot be used together; \(error.reason)")
        }
        let presentation = try Presentation(arguments, environment: environment, formats: Self.formats)
        let plot = try arguments.read(Self.plot)
        let log = arguments.flag(Self.log), from = try arguments.read(Self.from)
        if plot == nil, log || arguments.isGiven(Self.from) {
            throw arguments.usage("\(log ? Self.log.name : Self.from.name) shapes the picture --plot draws; add --plot FILE or drop it")
        }
        if from >= epochs { throw arguments.usage("--from \(from) is past the last epoch but one; give an epoch below --epochs \(epochs)") }
        if let save, let plot, AtomicFile.sameFile(save, plot) { throw arguments.usage("--save and --plot name the same file '\(save)'; give each its own") }
        try runtime { try network.requireFinite() }
        try runtime { try network.requireFiniteTestSamples() }
        let progress = ProgressBar(total: epochs, draw: environment.progress)
        let training: Training
        do throws(NetworkError) {
            training = try network.trained(epochs: epochs, learningRate: η, order: order, batchSize: batchSize, shuffleSeed: shuffleSeed,
                                       progress: progress.update)
        } catch { throw .runtime(error.message) }
        progress.finish()
        let report = TrainingReport(training, of: network, learningRate: η, order: order, batchSize: batchSize,
                                    shuffleSeed: shuffleSeed, every: every, file: loaded.file)
        if let stopped = report.stopped { throw .runtime(stopped.description) }
        if let save { try AtomicFile.write(report.trainedFile.text, to: save, pause: environment.pauseWhileWriting) }
        if let plot { try AtomicFile.write(report.plot(log: log, from: from), to: plot, pause: environment.pauseWhileWriting) }
        let output = presentation.render(report.document, naming: LayerNaming(depth: network.depth), json: report)
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
