import NNExplain

/// `nnexplain predict`: every sample's outputs, its predicted and target class, and the accuracy.
enum PredictCommand {
    static let command = Command(
        name: "predict",
        abstract: "Show what the network predicts for each sample, whether it is right, and the accuracy.",
        discussion: """
            The predicted class of one output node is 1 when a_0^L ≥ 0.5, else 0; of several, the j
            of the largest a_j^L, the lowest such j on a tie. The target class is found from y the
            same way (y_0 ≥ 0.5; the j of the largest y_j). The table lists the first samples
            (--rows); the confusion matrix (row: target class, column: predicted class), the counts
            and the accuracy take all of them. When the network file holds test samples ("test"),
            their accuracy and mean loss are shown too, and --test lists them instead of the
            training samples. --format json holds every sample: {"accuracy", "correct", "loss",
            "samples": [{"output", "predicted", "target", "correct"}], "confusion"}, and the same
            under "test" when there are test samples.
            """,
        synopsis: [.networkSource, .optional(test), .optional(rows), .optional(Presentation.format(formats)), .optional(Presentation.precision)],
        options: Options.networkSource + [test, rows] + Presentation.options(formats: formats),
        action: .parsed(run))

    static let formats: [Presentation.Format] = [.text, .json, .markdown]

    static let test = Flag(name: "--test", help: "List the test samples (the network file's \"test\") instead of the training samples.")

    static let rows = ValueOption<Void, Int>(
        name: "--rows", placeholder: "N", help: .summary("How many samples the table lists, the first ones (the accuracy counts all)", showsBounds: true),
        parser: .wholeNumber(in: 0...10_000_000), absent: .value(20))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let listTest = arguments.flag(test)
        let listing = Explanation.PredictionListing(test: listTest, rows: try arguments.read(rows))
        if listTest && network.testSamples.isEmpty {
            throw arguments.usage("--test lists the test samples, but this network has none; add \"test\": [{\"x\": […], \"y\": […]}, …] "
                + "to the network file, or leave out --test")
        }
        let listed = min(listing.rows, listTest ? network.testSamples.count : network.samples.count)
        try usage(arguments) { try ResourceLimits.requirePredictable(outputs: network.size(ofLayer: network.depth), listed: listed) }
        let presentation = try Presentation(arguments, environment: environment, formats: formats)
        try runtime { try network.requireFinite(samples: Array(network.samples.indices), checks: [.activations, .loss]) }
        try runtime { try network.requireFiniteTestSamples() }
        let training = try runtime { try network.predictions() }
        let test = network.testSamples.isEmpty ? nil : try runtime { try network.predictions(of: network.testSamples) }
        let naming = LayerNaming(depth: network.depth)
        let document = Explanation.predictions(training: training, test: test, listing: listing, depth: network.depth)
        let output = presentation.render(document, naming: naming, json: PredictionResults(training: training, test: test))
        return CommandResult(output: output, warnings: loaded.warnings, heading: loaded.heading, headingFits: presentation.fitsHeading)
    }
}
