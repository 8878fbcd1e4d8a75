extension ClientPackageTests {
    /// A client's `main.swift` that goes through the rest of the public API, as a client package sees
    /// it (no `@testable`, no `package` access): a network file read and written, every command's
    /// computation and document, every renderer and picture, training, practice, the checks and
    /// limits a caller runs, and switches over the typed errors. It prints `tour: ok` when every
    /// expectation held.
    static let apiTour = #"""
    import NNExplain

    var failed: [String] = []
    @MainActor func expect(_ ok: Bool, _ what: String) { if !ok { failed.append(what) } }

    do {
        // A network file, read and written back.
        let bytes = Array(Network.standard.fileText().utf8)
        let (network, warnings) = try Network.decode(bytes)
        expect(network == Network.standard && warnings.isEmpty, "decode(fileText()) is the network")
        let original = try Network.parseFile(bytes)
        expect(NetworkFile(network, original: original).text == Network.standard.fileText(), "NetworkFile")
        try network.requireWellFormed()
        try ResourceLimits.requireMemory(NetworkShape(network))
        try ResourceLimits.requireCheckable(NetworkShape(network))

        let naming = LayerNaming(depth: network.depth)
        let text = TextRenderer(naming: naming, precision: 6)
        let documents: [Document] = [
            Explanation.forward(network, trace: try network.trace(sample: 0)),
            Explanation.gradients(try network.gradients(), of: network),
            try network.derivation(layer: 2, j: 0, k: 0, sample: 0).document,
            try network.averagedDerivation(layer: 1, j: 0, k: 1).document,
            Explanation.matrix(try network.matrixForm(sample: 0), of: network),
            try network.nudge(layer: 2, j: 0, k: 0, by: 1e-3, sample: nil).document,
            Explanation.update(try network.updateStep()),
            try Explanation.update(network.updateStep(), layer: 1, j: 0, k: 0),
            Explanation.check(try network.gradientCheck()),
            Explanation.predictions(training: try network.predictions(), test: nil,
                                    listing: .init(test: false, rows: 5), depth: network.depth),
        ] + (try Explanation.walk(network, sample: 0))
        for document in documents {
            expect(!text.render(document).isEmpty, "text")
            expect(!MarkdownRenderer(naming: naming).render(document).isEmpty, "markdown")
            expect(LatexRenderer(naming: naming, standalone: true).render(document).contains("\\begin{document}"), "latex")
            expect(BeamerRenderer(naming: naming, aspect: .wide).render(document).contains("\\begin{frame}"), "beamer")
            expect(MathMLRenderer(naming: naming).render(document).contains("<math"), "mathml")
        }

        // The checks a caller runs before showing numbers.
        let step = try network.updateStep(learningRate: 0.5)
        try step.requireFinite()
        try network.requireFinite(gradients: try network.gradients())
        let check = try network.gradientCheck()
        try check.requireResolvesGradients()
        expect(check.failures == 0, "the gradient check passes")

        // Training, its report and the JSON layer.
        let training = try network.trained(epochs: 20, batchSize: 1, engine: Engine(threads: 1))
        expect(training.divergence == nil && training.losses.count == 21, "training")
        let report = TrainingReport(training, of: network, batchSize: 1)
        expect(report.stopped == nil && report.plot().contains("<svg"), "report")
        let json = JSONRenderer(naming: naming)
        let parsed = try JSONValue.parse(Array(json.render(report).utf8))
        expect(parsed["losses"]?.arrayValue?.count == 21, "the report's JSON")
        expect(!json.render(try network.derivation(layer: 2, j: 0, k: 0, sample: 0)).isEmpty, "derivation JSON")
        expect(!json.render(BatchGradients(try network.batch([0]).gradients(), batch: [0])).isEmpty, "batch JSON")

        // Pictures.
        let diagram = try Diagram(network: network, trace: try network.trace(sample: 0), naming: naming, precision: 4,
                                  weight: (layer: 2, j: 0, k: 0))
        expect(diagram.svg().contains("<svg") && diagram.dot().contains("digraph"), "diagram")
        expect(try HTMLPage(network: network, title: "tour", selection: .all(network)).html().contains("<html"), "page")
        let plane = Network.random(sizes: [2, 3, 2], samples: 12, seed: 3, outputActivation: .softmax, loss: .crossEntropy)
        try plane.requireWellFormed()
        let picture = try BoundaryPicture(network: plane, xRange: try BoundaryPicture.range(nil, input: 0, of: plane),
                                          yRange: try BoundaryPicture.range(nil, input: 1, of: plane),
                                          resolution: 40, shading: .classes)
        expect(picture.svg().contains("<svg"), "boundary")

        // Practice.
        let exercise = try Exercise(seed: 7)
        expect(!text.render(exercise.document(key: false)).isEmpty, "sheet")
        let lines = zip(exercise.questions, exercise.answers).map { "\($0.0.id): \($0.1)" }
        let grading = try Grading(exercise, answers: try Answers.parse(Array(lines.joined(separator: "\n").utf8)))
        expect(grading.score == exercise.questions.count, "every key answer is right")
        expect(!text.render(grading.document).isEmpty, "grading")
    } catch {
        failed.append("threw \(error)")
    }

    // Bad input: typed errors a client switches on, each with its message.
    do {
        _ = try Network.decode(Array("{".utf8))
        failed.append("a broken file was read")
    } catch {
        switch error {
        case .syntax(let problem): expect(problem.line == 1 && !error.message.isEmpty, "the syntax error's place")
        default: failed.append("not a syntax error: \(error)")
        }
    }
    do {
        _ = try Network.standard.derivation(layer: 9, j: 0, k: 0, sample: 0)
        failed.append("layer 9 was explained")
    } catch {
        switch error {
        case .noSuchLayer(9, let depth): expect(depth == Network.standard.depth && !error.message.isEmpty, "a message")
        default: failed.append("not noSuchLayer: \(error)")
        }
    }
    do {
        _ = try Network.standard.trained(epochs: 1, batchSize: 0)
        failed.append("a batch size of 0 trained")
    } catch {
        expect(error == .batch(.size(0)), "NetworkError.batch(.size)")
    }
    do {
        var ragged = Network.standard
        ragged.samples[0].x.removeLast()
        _ = try ragged.gradients()
        failed.append("a sample one input short had gradients")
    } catch {
        switch error {
        case .sampleInputs(0, false, _, let expected): expect(expected == Network.standard.inputs && !error.message.isEmpty, "a message")
        default: failed.append("not sampleInputs: \(error)")
        }
    }
    do {
        _ = try Exercise(seed: 1, settings: .init(sizes: [2]))
        failed.append("a sheet of one layer")
    } catch {
        if case .layerCount = error {} else { failed.append("not layerCount: \(error)") }
    }
    let errors: [any ExplainedError] = [NetworkError.noLayers, BatchError.empty, ResourceError.data(samples: 1, nodes: 1)]
    expect(errors.allSatisfy { !$0.message.isEmpty }, "every error explains itself")

    print(failed.isEmpty ? "tour: ok" : "tour failed:\n" + failed.joined(separator: "\n"))
    """#
}
