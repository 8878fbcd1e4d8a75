/// An exercise sheet: a small network with hand-friendly numbers drawn from a seed, and questions
/// that walk through one forward pass, one backward pass and one update of it, in the order a
/// student computes them. The same seed and settings give the same sheet on every machine.
public struct Exercise: Sendable, Equatable {
    public let seed: UInt64
    public let settings: Settings
    /// The network, with exactly one sample (sample 0), so that `C = C_0`.
    public let network: Network
    public let questions: [Question]
    /// Whose sheet this is, for a roster's sheet (``init(courseKey:student:settings:)``): the sheet
    /// shows the student's name, id and sheet code and never its seed; `nil` for a sheet of a seed.
    public let owner: Owner?

    /// What besides the seed decides the sheet; each has the default the command line shows.
    public struct Settings: Sendable, Equatable {
        public let sizes: [Int]
        public let activation: Activation
        public let loss: Loss

        public init(sizes: [Int] = Settings.defaultSizes, activation: Activation = .sigmoid, loss: Loss = .squared) {
            self.sizes = sizes
            self.activation = activation
            self.loss = loss
        }

        /// 2-2-2: inputs, one hidden layer, outputs.
        public static let defaultSizes = [2, 2, 2]
        /// Three or four layer sizes (one or two hidden layers), so there is a hidden-layer weight.
        public static let layerCounts = 3...4
        /// Nodes per layer a hand calculation stays short with.
        public static let nodesPerLayer = 1...4
    }

    /// One question: its number, the quantity, and the rounding it asks for.
    public struct Question: Sendable, Equatable {
        /// `"1"`, `"2"`, …: the key of the answers file.
        public let id: String
        public let quantity: Quantity
        public let rounding: Rounding
    }

    /// How near `z = 0` no node of a sheet lies.
    static let kinkMargin = 1e-9

    /// The learning rate of every sheet's update question: large enough that the weight visibly moves.
    package static let learningRate = 0.5

    /// The sheet of `seed`.
    ///
    /// - Parameters:
    ///   - seed: any number; the same seed and settings give the same sheet everywhere.
    ///   - settings: the network's sizes, activation and loss.
    /// - Throws: ``Problem/layerCount(_:)`` for sizes outside ``Settings/layerCounts``,
    ///   ``Problem/nodes(_:)`` for a size outside ``Settings/nodesPerLayer``, and
    ///   ``Problem/pairing(_:)`` when the activation (every layer's) and the loss do not fit.
    public init(seed: UInt64, settings: Settings = Settings()) throws(Problem) {
        try settings.validate()
        self.init(seed: seed, validated: settings, owner: nil)
    }

    /// The sheet of `seed`, held by `owner`, for `settings` already checked (``Settings/validate()``).
    init(seed: UInt64, validated settings: Settings, owner: Owner?) {
        var generator = SplitMix64(seed: seed)
        self.seed = seed
        self.settings = settings
        self.owner = owner
        (network, questions) = Exercise.draw(settings, &generator)
    }

    /// The network and its questions, drawn again (the generator going on) until every answer is
    /// worth computing (``isWorthComputing(_:_:)``).
    static func draw(_ settings: Settings, _ generator: inout SplitMix64) -> (Network, [Question]) {
        while true {
            let network = Exercise.network(settings, &generator)
            let questions = Exercise.questions(network, &generator)
            if isWorthComputing(network, questions) { return (network, questions) }
        }
    }

    /// The smallest size of an answer: a sheet whose answer is smaller is drawn again.
    static let smallestAnswer = 1e-6

    /// Whether every question of a drawn sheet is worth computing: no answer is 0 or smaller than
    /// ``smallestAnswer`` (so none rounds to 0), and the new weight, rounded, differs from the old one
    /// (the sheet's ``drawRule`` says so; ``network(_:_:)`` keeps every ReLU above 0).
    static func isWorthComputing(_ network: Network, _ questions: [Question]) -> Bool {
        let t = network.uncheckedTrace(sample: 0)
        return questions.allSatisfy { question in
            let answer = question.quantity.value(in: network, trace: t), rounded = question.rounding.rounded(answer)
            guard abs(answer) >= smallestAnswer else { return false }
            if case .updatedWeight(let l, let j, let k) = question.quantity {
                return rounded != question.rounding.rounded(network.layer(l).weights[j][k])
            }
            return true
        }
    }

    /// The answer to each question, in order.
    public var answers: [Double] {
        let t = network.uncheckedTrace(sample: 0)
        return questions.map { $0.quantity.value(in: network, trace: t) }
    }

    /// A whole number in `range`, from the generator.
    static func draw(_ range: ClosedRange<Int>, _ generator: inout SplitMix64) -> Int {
        range.lowerBound + Int(generator.nextUnit() * Double(range.count))
    }

    /// `n` hundredths, `n` a multiple of 5 drawn from `range` (in hundredths): at most two decimals.
    static func hundredths(_ range: ClosedRange<Int>, nonzero: Bool = false, _ generator: inout SplitMix64) -> Double {
        while true {
            let n = 5 * draw((range.lowerBound / 5)...(range.upperBound / 5), &generator)
            if !nonzero || n != 0 { return Double(n) / 100 }
        }
    }

    /// Weights in ±0.95 (never 0), biases in ±0.5, inputs in 0.05…1 and targets in 0…1, all in
    /// steps of 0.05, drawn layer by layer and row by row; drawn again while any node sits at
    /// `z = 0` or within ``kinkMargin`` of it (a sum that is 0 but for rounding), where a relu has
    /// no slope to ask for, and on a ReLU sheet while any node's `z` is below 0.
    static func network(_ settings: Settings, _ generator: inout SplitMix64) -> Network {
        let sizes = settings.sizes
        while true {
            let layers = (1..<sizes.count).map { l in
                Layer(activation: settings.activation,
                      weights: (0..<sizes[l]).map { _ in (0..<sizes[l - 1]).map { _ in hundredths(-95...95, nonzero: true, &generator) } },
                      biases: (0..<sizes[l]).map { _ in hundredths(-50...50, &generator) })
            }
            let sample = Sample(x: (0..<sizes[0]).map { _ in hundredths(5...100, &generator) },
                                y: (0..<sizes[sizes.count - 1]).map { _ in hundredths(0...100, &generator) })
            let network = Network(inputs: sizes[0], layers: layers, loss: settings.loss, learningRate: learningRate,
                                  samples: [sample])
            // On a ReLU sheet every weighted sum is positive: a ReLU below 0 has output 0 and slope 0,
            // which makes every answer through it 0.
            let lowest = settings.activation == .relu ? Exercise.kinkMargin : -Double.infinity
            if !network.uncheckedTrace(sample: 0).layers.contains(where: { $0.z.contains { abs($0) < Exercise.kinkMargin || $0 < lowest } }) {
                return network
            }
        }
    }

    /// In order: `z` and `a` of a node of layer 1; the loss; the three terms of an output-layer
    /// weight's gradient and the gradient; a hidden-layer weight's gradient (layer L-1); the output
    /// weight after one step. The nodes are drawn; the output weight's `k` differs from the first
    /// node when both are in layer 1, so no question repeats another.
    static func questions(_ network: Network, _ generator: inout SplitMix64) -> [Question] {
        let L = network.depth
        let node = draw(0...(network.size(ofLayer: 1) - 1), &generator)
        let j = draw(0...(network.size(ofLayer: L) - 1), &generator)
        var k = draw(0...(network.size(ofLayer: L - 1) - 1), &generator)
        if L == 2, k == node, network.size(ofLayer: 1) > 1 { k = (k + 1) % network.size(ofLayer: 1) }
        let hiddenJ = draw(0...(network.size(ofLayer: L - 1) - 1), &generator)
        let hiddenK = draw(0...(network.size(ofLayer: L - 2) - 1), &generator)
        let quantities: [Quantity] = [
            .z(layer: 1, j: node), .a(layer: 1, j: node), .loss,
            .dCda(layer: L, j: j), .gPrime(layer: L, j: j), .a(layer: L - 1, j: k), .weightGradient(layer: L, j: j, k: k),
            .weightGradient(layer: L - 1, j: hiddenJ, k: hiddenK), .updatedWeight(layer: L, j: j, k: k),
        ]
        return quantities.enumerated().map { Question(id: String($0 + 1), quantity: $1, rounding: .standard) }
    }
}
