import NNExplain

extension APIFuzz {
    /// One random network and a call of every public entry point on it, each with random indices
    /// and options.
    func round() {
        let network = network()
        let depth = network.depth, count = network.samples.count
        let text = TextRenderer(naming: LayerNaming(depth: max(1, depth)))
        func weight() -> (Int, Int, Int) {
            let l = layer(depth)
            let valid = l >= 1 && l <= depth
            let sizes = network.sizes
            return (l, index(valid ? sizes[l] : 2), index(valid ? sizes[l - 1] : 2))
        }
        call { try network.requireWellFormed() }
        let (l, j, k) = weight()
        call { try network.requireWeight(layer: l, j: j, k: k) }
        call { try network.requireSample(index(count)) }
        let someBatch = batch(count)
        call { try network.requireBatch(someBatch) }
        call { try rendered(network.derivation(layer: l, j: j, k: k, sample: index(count))) }
        call { try text.render(network.averagedDerivation(layer: l, j: j, k: k, batch: chance(0.5) ? someBatch : nil).document) }
        let ε = pick([1e-6, 0.1, -3, 0, .infinity, .nan, 1e300])
        call { try network.nudge(layer: l, j: j, k: k, by: ε, sample: chance(0.5) ? index(count) : nil).requireFinite() }
        let chosen = chance(0.5) ? nil : (0..<int(1...2)).map { _ in layer(depth) }
        call { try Explanation.matrix(network.matrixForm(sample: index(count), layers: chosen), of: network) }
        call { try network.averagedMatrixForm(layers: chosen).json(naming: LayerNaming(depth: max(1, depth))) }
        call { try Explanation.walk(network, sample: index(count)).map(text.render) }
        let selection = PageSelection(weights: [PageSelection.Weight(layer: l, j: j, k: k)], biases: [])
        call { try selection.requireFits(network, whole: chance(0.5)) }
        if chance(0.2) { call { try HTMLPage(network: network, title: "fuzz", selection: selection).html() } }
        call { try BoundaryPicture.range(nil, input: int(-1...2), of: network) }
        call {
            try BoundaryPicture(network: network, xRange: -1...1, yRange: -2...2, resolution: pick([-1, 0, 1, 3, 8]),
                                shading: pick(BoundaryPicture.Shading.allCases)).svg()
        }
        shapes()
        exercise()
        decode(network)
        computations(network, weight: (l, j, k), batch: someBatch)
    }

    /// `derivation` written by every renderer, at a random precision.
    func rendered(_ derivation: Derivation) -> [String] {
        let naming = LayerNaming(depth: derivation.depth, relative: chance(0.5))
        let precision = pick([-1, 0, 1, 3, 9, 17, 40])
        let document = derivation.document
        return [TextRenderer(naming: naming, precision: precision, ascii: chance(0.5), width: pick([nil, 0, 20, 80])).render(document),
                MarkdownRenderer(naming: naming, precision: precision).render(document),
                LatexRenderer(naming: naming, precision: precision).render(document),
                BeamerRenderer(naming: naming, precision: precision).render(document),
                MathMLRenderer(naming: naming, precision: precision).render(document),
                JSONRenderer(naming: naming).render(derivation)]
    }

    /// The whole-network computations, on every network: each returns or throws a typed error,
    /// and on a network that is not well formed (``Network/requireWellFormed()`` throws) each must
    /// throw, its error the ``NetworkError`` (an ``OverflowError/network(_:)`` from a check).
    func computations(_ network: Network, weight w: (Int, Int, Int), batch: [Int]) {
        let count = network.samples.count
        let s = index(count)
        let naming = LayerNaming(depth: max(1, network.depth))
        let malformed = (try? network.requireWellFormed()) == nil
        func compute<T>(_ body: () throws -> T) { call(mustThrow: malformed, body) }
        let checks: [FiniteCheck] = [pick([.activations, .loss, .everything, .product(layer: w.0, j: w.1, k: w.2),
                                           .chainRule(layer: w.0, j: w.1, k: w.2)])]
        compute { try network.requireFinite(samples: [s, index(count)], checks: checks) }
        compute { try network.requireFinite(gradients: nil, batch: chance(0.5) ? batch : nil) }
        compute { try network.requireFiniteTestSamples() }
        call { try network.requireFinite(mean: number(), ofWeight: w.0, j: w.1, k: w.2) }
        // The batch is a network of its own: a fault in a sample it leaves out is not its fault.
        call { try network.batch(batch).gradients() }
        compute {
            let trace = try network.trace(sample: 0)
            return [TextRenderer(naming: naming).render(Explanation.forward(network, trace: trace)), JSONRenderer(naming: naming).render(trace)]
        }
        compute { try TextRenderer(naming: naming).render(Explanation.gradients(network.gradients(), of: network, batch: chance(0.5) ? nil : batch)) }
        compute { try chance(0.5) ? JSONRenderer(naming: naming).render(network.gradients()) : JSONRenderer(naming: naming).render(BatchGradients(network.gradients(), batch: batch)) }
        calls += 1
        _ = Explanation.batchOption(batch)
        compute { try network.traces().count }
        compute { try network.meanLoss() }
        let length = chance(0.8) ? network.inputs : int(0...4)
        compute { try network.outputs(at: (0..<length).map { _ in number() }) }
        let order = pick(UpdateOrder.allCases)
        compute { try network.updateStep(learningRate: number(), order: order, batch: batch).requireFinite() }
        compute { try network.updateStep(learningRate: number(), order: order).requireFinite() }
        call { try network.requireBatches(order: order, batchSize: chance(0.5) ? nil : int(-1...6), miniBatch: chance(0.3)) }
        compute { try network.trained(epochs: int(-2...3), learningRate: chance(0.5) ? nil : number(), order: order,
                                      batchSize: chance(0.5) ? nil : int(-1...6), shuffleSeed: generator.next()) }
        compute { try Explanation.update(network.updateStep(), layer: w.0, j: w.1, k: w.2) }
        if (0..<count).contains(s) {
            compute {
                let trace = try network.trace(sample: s)
                return try Diagram(network: network, trace: trace, naming: naming, precision: int(1...12),
                                   weight: chance(0.5) ? nil : (layer: w.0, j: w.1, k: w.2)).svg()
            }
        } else {
            compute { try network.trace(sample: s) }
        }
        let other = chance(0.8) ? network.testSamples : [Sample(x: [number()], y: [number(), number()])]
        compute {
            try TextRenderer(naming: naming).render(Explanation.predictions(
                training: network.predictions(of: chance(0.9) ? nil : []),
                test: other.isEmpty && chance(0.5) ? nil : network.predictions(of: other),
                listing: .init(test: chance(0.3), rows: int(-2...5)), depth: network.depth))
        }
        if chance(malformed ? 0.5 : 0.1) {
            compute {
                let check = try network.gradientCheck(epsilon: pick([1e-12, 1e-6, 0.1, 0, -1, .nan]))
                _ = JSONRenderer(naming: naming).render(check)
                call { try check.requireResolvesGradients() }
            }
        }
    }

    /// The resource bounds of random shapes, some far past every bound.
    func shapes() {
        let sizes = (0..<int(0...4)).map { _ in chance(0.8) ? int(-1...50) : pick([100_000, 1 << 40, Int.max]) }
        let shape = NetworkShape(sizes: sizes, biases: (0..<int(0...4)).map { _ in chance(0.5) },
                                 samples: chance(0.8) ? int(-1...100) : pick([1 << 40, Int.max]))
        call { try ResourceLimits.requireMemory(shape, printing: int(-1...1000)) }
        call { try ResourceLimits.requireCheckable(shape) }
        call { try ResourceLimits.requireData(samples: shape.samples, sizes: sizes) }
        call { try ResourceLimits.requireExplainable(shape, layer: layer(shape.depth), averaging: chance(0.5),
                                                     naming: LayerNaming(depth: shape.depth)) }
        call { try BoundaryPicture.require(shape, resolution: pick([0, 2, 100, 500, Int.max]), shading: pick(BoundaryPicture.Shading.allCases)) }
        calls += 2
        _ = generator.nextIndex(below: int(-2...2)) + generator.permutation(of: int(-2...5)).count
        _ = Network.random(sizes: sizes.map { min($0, 6) }, samples: int(-1...3), seed: generator.next())
    }

    /// A sheet of random settings, with its key.
    func exercise() {
        let settings = Exercise.Settings(sizes: (0..<int(1...5)).map { _ in int(-1...5) }, activation: pick(Activation.allCases),
                                         loss: pick(Loss.allCases))
        call { try Exercise(seed: generator.next(), settings: settings).document(key: chance(0.5)) }
        let rounding = Rounding(digits: pick([Int.min, -1, 0, 1, 3, 17, 400]))
        calls += 1
        _ = (rounding.rounded(number()), rounding.agrees(number(), with: number()), rounding.unit(of: number()))
        let text = (0..<int(0...24)).map { _ in pick(Array("0123456789:#{}\",. -e\n\u{FF}x")) }
        call {
            let answers = try Answers.parse(Array(String(text).utf8))
            return try Grading(Exercise(seed: generator.next()), answers: answers).document
        }
    }

    /// The network's file, mutated a little, read back.
    func decode(_ network: Network) {
        var bytes = Array(network.fileText().utf8)
        for _ in 0..<int(0...3) where !bytes.isEmpty {
            let at = index(bytes.count)
            guard (0..<bytes.count).contains(at) else { continue }
            if chance(0.5) { bytes[at] = pick(Array("{}[],:\"0-e.x ".utf8)) } else { bytes.remove(at: at) }
        }
        call { try Network.decode(bytes).warnings.map(\.message) }
    }
}
