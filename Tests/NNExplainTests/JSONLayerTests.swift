@testable import NNExplain
@testable import NNExplainCore
import NNExplainTestSupport
import Testing

/// The JSON layer: every value `--format json` prints is a ``JSONRepresentable`` written by
/// ``JSONRenderer`` through the one writer, and `train`'s report, curve and stop sentences are
/// the library's.
struct JSONLayerTests {
    static let mazur = ReferenceNetworks.mazur
    static let naming = LayerNaming(depth: 2)

    /// One value of every kind `--format json` prints, from Mazur's network.
    /// (`try!`: Mazur's network and these indices are valid, so nothing here throws.)
    static let outputs: [(name: String, value: any JSONRepresentable)] = {
        let network = mazur, exercise = try! Exercise(seed: 7)
        return [
            ("forward", try! network.trace(sample: 0)),
            ("gradients", try! network.gradients()),
            ("gradients --batch", BatchGradients(try! network.gradients(), batch: [0])),
            ("check", try! network.gradientCheck()),
            ("step", try! network.derivation(layer: 1, j: 0, k: 1, sample: 0)),
            ("matrix", try! network.matrixForm(sample: 0)),
            ("nudge", try! network.nudge(layer: 2, j: 0, k: 0, by: 0.01, sample: 0)),
            ("predict", PredictionResults(training: try! network.predictions(), test: nil)),
            ("exercise", exercise.sheet(key: false)),
            ("exercise --key", exercise.sheet(key: true)),
            ("update", NetworkFile(network)),
            ("train", TrainingReport(try! network.trained(epochs: 2), of: network)),
        ]
    }()

    @Test func everyOutputIsItsValueWrittenByTheOneWriter() throws {
        let renderer = JSONRenderer(naming: Self.naming)
        for (name, value) in Self.outputs {
            let json = value.json(naming: Self.naming)
            let text = renderer.render(value)
            #expect(renderer.value(value) == json, "\(name)")
            #expect(text == json.formatted() + "\n", "\(name)")
            #expect(try JSONValue.parse(Array(text.utf8)) == json, "\(name) does not read back as written")
        }
    }

    @Test func trainingJSONHasTheLossesAndTheTrainedNetworkFile() throws {
        var network = Self.mazur
        network.testSamples = [Sample(x: [0.2, 0.3], y: [0.5, 0.5])]
        let training = try network.trained(epochs: 3)
        let file: JSONValue = ["inputs": 2, "comment": "kept", "layers": []]
        let report = TrainingReport(training, of: network, file: file)
        let json = report.json(naming: Self.naming)
        #expect(json.objectMembers?.map(\.key) == ["losses", "testLosses", "network"])
        #expect(json["losses"] == .numbers(training.losses))
        #expect(json["testLosses"] == .numbers(training.testLosses))
        #expect(json["network"] == training.network.fileJSON(updating: file))
        #expect(json["network"]?["comment"] == "kept")
        // Without held-out samples there is no "testLosses"; without a file the network is fresh.
        let plain = TrainingReport(try Self.mazur.trained(epochs: 1), of: Self.mazur).json(naming: Self.naming)
        #expect(plain.objectMembers?.map(\.key) == ["losses", "network"])
        #expect(try plain["network"] == Self.mazur.trained(epochs: 1).network.fileJSON)
    }

    /// The sentence `train` prints for each way a run can stop, from a made-up run.
    @Test(arguments: [
        (Training.Divergence.loss(afterEpochs: 3, value: .nan),
         "training diverged: the loss became NaN after 3 epochs; try a smaller --learning-rate (this run used 50)"),
        (.loss(afterEpochs: 1, value: .infinity),
         "training diverged: the loss became infinite after 1 epoch; try a smaller --learning-rate (this run used 50)"),
        (.batchLoss(epoch: 2, value: .infinity),
         "training diverged: the loss of a batch became infinite in epoch 2; try a smaller --learning-rate (this run used 50)"),
        (.parameter(NonFinite(symbol: .w(layer: 1, .number(0), .number(1)), value: .nan, sample: nil, layer: 1, node: 0), epoch: 4),
         "training diverged: w_01^(L-1) became not a number (NaN) in epoch 4; try a smaller --learning-rate (this run used 50)"),
        (.testLoss(afterEpochs: 2, value: .infinity),
         "training stopped: the test loss, over the held-out samples, became infinite after 2 epochs, while the training loss "
            + "stayed finite; scale down the test samples' inputs, or try a smaller --learning-rate (this run used 50)"),
    ])
    func aStoppedRunIsOneSentence(_ divergence: Training.Divergence, _ sentence: String) {
        let training = Training(network: Self.mazur, losses: [1, 2], testLosses: [], divergence: divergence)
        let report = TrainingReport(training, of: Self.mazur, learningRate: 50)
        #expect(report.stopped?.description == sentence)
        // (Compared as text: a NaN in the divergence is never equal to itself.)
        #expect(report.stopped.map { String(describing: $0.divergence) } == String(describing: divergence))
    }

    @Test func aFinishedRunDidNotStopAndItsRateIsTheNetworksUnlessGiven() throws {
        let report = TrainingReport(try Self.mazur.trained(epochs: 2), of: Self.mazur)
        #expect(report.stopped == nil)
        #expect(report.learningRate == 0.5)
        #expect(try TrainingReport(Self.mazur.trained(epochs: 2), of: Self.mazur, learningRate: 1e-5).learningRate == 1e-5)
        let stopped = TrainingStopped(divergence: .loss(afterEpochs: 1, value: .nan), depth: 2, learningRate: 1e-5)
        #expect(stopped.description.hasSuffix("(this run used 1e-05)"))
    }

    @Test func theSparklineIsAValueEachRendererDraws() {
        let curve = Sparkline([1, 0.1, 0.01, 0.001])
        #expect(curve.heights == [7, 5, 2, 0])
        #expect(curve.logScale)
        #expect(Sparkline([2, 2, 2]).heights == [0, 0, 0])
        #expect(Sparkline([1, .nan]).heights == [0, 0])
        #expect(Sparkline([]).heights.isEmpty)
        #expect(Sparkline(Array(stride(from: 100.0, to: 0, by: -1)), width: 60).heights.count == 60)
        let document = Document([.paragraph(["curve: ", .sparkline(curve)])])
        #expect(TextRenderer(naming: Self.naming).render(document) == "curve: █▆▃▁\n")
        #expect(TextRenderer(naming: Self.naming, ascii: true).render(document) == "curve: #+-_\n")
        #expect(MarkdownRenderer(naming: Self.naming).render(document).contains("curve: █▆▃▁"))
        // In LaTeX a rule per point, one 0.2ex step a height (heights 7, 5, 2, 0 are 8, 6, 3 and 1 steps).
        #expect(LatexRenderer(naming: Self.naming).render(document).contains(
            "curve: \\mbox{\\rule{0.4em}{\\dimexpr 0.2ex*8\\relax}\\hspace{0.1em}\\rule{0.4em}{\\dimexpr 0.2ex*6\\relax}"
                + "\\hspace{0.1em}\\rule{0.4em}{\\dimexpr 0.2ex*3\\relax}\\hspace{0.1em}\\rule{0.4em}{\\dimexpr 0.2ex*1\\relax}}"))
    }

    @Test func theTrainingDocumentDrawsItsCurvesFromTheLosses() throws {
        let report = TrainingReport(try Self.mazur.trained(epochs: 3), of: Self.mazur)
        #expect(report.curve == Sparkline(report.training.losses))
        #expect(report.testCurve == nil)
        let text = TextRenderer(naming: Self.naming).render(report.document)
        // Mazur's loss falls a little each epoch: from the top level to the bottom one, on a linear scale.
        #expect(report.curve.heights.first == 7 && report.curve.heights.last == 0 && !report.curve.logScale)
        #expect(text.contains("Loss curve, epoch 0 to 3: " + report.curve.text() + "\n"), "\(text)")
    }

    @Test func aSeedBeyondTheLargestIntIsWrittenExactlyAsText() throws {
        let sheet = try Exercise(seed: .max).sheet(key: false).json(naming: Self.naming)
        #expect(sheet["seed"] == "18446744073709551615")
        #expect(try Exercise(seed: 7).sheet(key: false).json(naming: Self.naming)["seed"] == 7)
    }
}
