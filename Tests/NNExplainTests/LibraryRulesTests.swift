import NNExplain
import Testing

/// The rules the command line used to hold, as the library's throwing API: each refusal is a case
/// a caller can switch on, said in the sentence the command line prints.
@Suite struct LibraryRulesTests {
    /// Three samples, one weight: small enough that every rule shows.
    static let line = Network(inputs: 1, layers: [Layer(activation: .sigmoid, weights: [[0.5]], biases: [0])],
                              samples: [Sample(x: [1], y: [0]), Sample(x: [2], y: [1]), Sample(x: [3], y: [0])])

    @Test func batchesAreCheckedByTheLibrary() {
        #expect(throws: BatchError.empty) { try Self.line.batch([]) }
        #expect(throws: NetworkError.batch(.noSuchSample(3, samples: 3))) { try Self.line.updateStep(batch: [0, 3]) }
        #expect(throws: BatchError.noSuchSample(-1, samples: 3)) { try Self.line.batch([-1]) }
        #expect(throws: BatchError.repeated(1)) { try Self.line.batch([1, 2, 1]) }
        #expect(throws: NetworkError.batch(.outputFirst)) { try Self.line.updateStep(order: .outputFirst, batch: [0]) }
        #expect(throws: NetworkError.batch(.outputFirst)) { try Self.line.trained(epochs: 1, order: .outputFirst, batchSize: 2) }
        #expect(throws: NetworkError.batch(.size(0))) { try Self.line.trained(epochs: 1, batchSize: 0) }
        // A batch size of every sample is the full batch, which output-first may take.
        #expect(throws: Never.self) { try Self.line.trained(epochs: 1, order: .outputFirst, batchSize: 3) }
        #expect(BatchError.noSuchSample(9, samples: 6).message(in: "--batch 0,9")
            == "there is no sample 9 (in --batch 0,9): the network has 6 samples, so each must be 0…5")
        #expect(BatchError.repeated(2).message(in: "--batch 2,2") == "sample 2 is in --batch 2,2 twice; a batch holds each sample once")
    }

    /// A network built in code with a sample one input short: every whole-network computation
    /// throws the structural error instead of trapping, and so does a finiteness check.
    @Test func computationsRefuseAMalformedNetwork() {
        var short = Self.line
        short.samples[1].x = []
        let error = NetworkError.sampleInputs(sample: 1, held: false, count: 0, expected: 1)
        #expect(throws: error) { try short.gradients() }
        #expect(throws: error) { try short.traces() }
        #expect(throws: error) { try short.trace(sample: 0) }
        #expect(throws: error) { try short.meanLoss() }
        #expect(throws: error) { try short.updateStep() }
        #expect(throws: error) { try short.updateStep(batch: [0]) }
        #expect(throws: error) { try short.trained(epochs: 1) }
        #expect(throws: error) { try short.predictions() }
        #expect(throws: error) { try short.gradientCheck() }
        #expect(throws: error) { try short.outputs(at: [1]) }
        #expect(throws: OverflowError.network(error)) { try short.requireFinite() }
        #expect(throws: OverflowError.network(error)) { try short.requireFiniteTestSamples() }
        #expect(throws: OverflowError.network(error)) { try short.requireFinite(samples: [0], checks: [.everything]) }
        #expect(throws: NetworkError.inputLength(2, expected: 1)) { try Self.line.outputs(at: [1, 2]) }
        #expect(NetworkError.inputLength(2, expected: 1).message == "the input has 2 numbers, but the network has 1 input")
        #expect(throws: NetworkError.sampleInputs(sample: 0, held: false, count: 2, expected: 1)) {
            try Self.line.predictions(of: [Sample(x: [1, 2], y: [0])])
        }
    }

    @Test func indicesAreCheckedByTheLibrary() {
        #expect(throws: NetworkError.noSuchLayer(0, depth: 1)) { try Self.line.derivation(layer: 0, j: 0, k: 0, sample: 0) }
        #expect(throws: NetworkError.noSuchNode(1, layer: 1, size: 1)) { try Self.line.averagedDerivation(layer: 1, j: 1, k: 0) }
        #expect(throws: NetworkError.noSuchNode(-1, layer: 0, size: 1)) { try Self.line.nudge(layer: 1, j: 0, k: -1, by: 0.1, sample: nil) }
        #expect(throws: NetworkError.noSuchSample(3, samples: 3)) { try Self.line.matrixForm(sample: 3) }
        #expect(throws: NetworkError.noSuchLayer(2, depth: 1)) { try Self.line.averagedMatrixForm(layers: [2]) }
        #expect(throws: NetworkError.batch(.repeated(0))) { try Self.line.averagedDerivation(layer: 1, j: 0, k: 0, batch: [0, 0]) }
        #expect(throws: NetworkError.noSuchSample(-2, samples: 3)) { try Explanation.walk(Self.line, sample: -2) }
        var broken = Self.line
        broken.layers[0].weights[0].append(1)
        #expect(throws: NetworkError.rowLength(layer: 1, row: 0, count: 2, expected: 1)) { try broken.derivation(layer: 1, j: 0, k: 0, sample: 0) }
        broken.layers = []
        #expect(throws: NetworkError.noLayers) { try broken.requireWellFormed() }
        #expect(broken.pairingProblem == nil)
    }

    @Test func finitenessIsCheckedByTheLibrary() throws {
        var huge = Self.line
        huge.layers[0].weights[0][0] = .infinity
        #expect(throws: OverflowError.self) { try huge.requireFinite(samples: [0], checks: [.activations]) }
        do {
            try huge.requireFinite(samples: [0], checks: [.activations])
        } catch {
            guard case .overflowed(let bad, let depth, let held) = error else { Issue.record("\(error)"); return }
            #expect(bad.sample == 0 && depth == 1 && !held)
            #expect(error.message == "the computation overflowed: z_0^L of sample 0 (layer L (l = 1), node 0) is infinite; "
                + "scale down the weights or inputs that feed it")
        }
        // Indices that are no sample are passed over, not trapped on.
        #expect(throws: Never.self) { try Self.line.requireFinite(samples: [7, -1], checks: [.everything]) }
        let step = try Self.line.updateStep(learningRate: .infinity)
        #expect(throws: OverflowError.self) { try step.requireFinite() }
        #expect((try? step.requireFinite()) == nil)
        do { try step.requireFinite() } catch {
            #expect(error.message(setting: "--learning-rate").hasSuffix("; try a smaller --learning-rate (this run used inf)"))
        }
    }

    @Test func boundsAreCheckedByTheLibrary() {
        let big = NetworkShape(sizes: [100_000, 100_000, 10], biases: [true, true], samples: 1000)
        #expect(throws: ResourceError.self) { try ResourceLimits.requireMemory(big) }
        #expect(throws: ResourceError.self) { try ResourceLimits.requireCheckable(NetworkShape(sizes: [1000, 1000, 10], biases: [true, true], samples: 100)) }
        #expect(throws: ResourceError.data(samples: 1_000_000, nodes: 1000)) { try ResourceLimits.requireData(samples: 1_000_000, sizes: [500, 500]) }
        // A shape far past every bound is refused, not overflowed.
        #expect(throws: ResourceError.self) { try ResourceLimits.requireMemory(NetworkShape(sizes: [Int.max, Int.max], biases: [], samples: Int.max)) }
    }

    @Test func theBoundaryPicturesConstraintsAreTheLibrarys() {
        let shape = NetworkShape(sizes: [3, 4, 2], biases: [true, true], samples: 5)
        #expect(throws: BoundaryPicture.Problem.inputs(3)) { try BoundaryPicture.require(shape, resolution: 10, shading: .classes) }
        let two = NetworkShape(sizes: [2, 4, 2], biases: [true, true], samples: 5)
        #expect(throws: BoundaryPicture.Problem.valueShading(outputs: 2)) { try BoundaryPicture.require(two, resolution: 10, shading: .value) }
        let many = NetworkShape(sizes: [2, 4, 9], biases: [true, true], samples: 5)
        #expect(throws: BoundaryPicture.Problem.classes(outputs: 9)) { try BoundaryPicture.require(many, resolution: 10, shading: .classes) }
        #expect(throws: BoundaryPicture.Problem.resolution(0)) { try BoundaryPicture.require(two, resolution: 0, shading: .classes) }
        #expect(BoundaryPicture.Problem.inputs(3).message(network: "this network")
            == "boundary draws the plane of a network's 2 inputs, and this network has 3 inputs")
    }

    @Test func exerciseSettingsAreCheckedByTheLibrary() {
        #expect(throws: Exercise.Problem.layerCount(2)) { try Exercise(seed: 1, settings: .init(sizes: [2, 2])) }
        #expect(throws: Exercise.Problem.nodes(0)) { try Exercise(seed: 1, settings: .init(sizes: [2, 0, 2])) }
        #expect(throws: Exercise.Problem.pairing(.softmaxInHiddenLayer(layer: 1))) {
            try Exercise(seed: 1, settings: .init(activation: .softmax, loss: .crossEntropy))
        }
    }

    @Test func networkFileErrorsAreValues() throws {
        func error(_ text: String) -> NetworkFileError? {
            do { _ = try Network.decode(Array(text.utf8)); return nil } catch { return error }
        }
        #expect(error(#"{"inputs": 1, "layers": [], "samples": []}"#) == .noLayers)
        #expect(error(#"{"inputs": 0}"#) == .inputs(found: 0))
        #expect(error("[1,") == .syntax(JSONParseError(line: 1, column: 4, problem: .truncated)))
        #expect(error("[1,")?.message == "line 1, column 4: unexpected end of file (the file looks truncated)")
        let text = #"{"inputs": 1, "x": 1, "layers": [{"activation": "sigmoid", "weights": [[1]]}], "samples": [{"x": [1], "y": [0]}]}"#
        #expect(try Network.decode(Array(text.utf8)).warnings == [.unknownKey("x", path: "")])
    }
}
