/// A fully-connected feed-forward network with its training and held-out samples: everything a
/// network file holds.
///
/// Layers are numbered as in docs/notation.md: layer 0 is the input layer, `layers[i]` is layer
/// `l = i + 1`, and the output layer is `l = L = layers.count`. In `Layer.weights[j][k]` row `j` is a
/// node of this layer and column `k` a node of the previous one, so `weights[j][k]` is `w_jk^l`.
///
/// Its stored properties are public, so a network built in code may not fit together; every
/// computation checks ``requireWellFormed()`` first and throws its ``NetworkError`` instead of
/// trapping. A client reads the arrays (`layers[l - 1]`, `sizes[l]`); the index conveniences
/// `layer(_:)` and `size(ofLayer:)` are the package's own, so an index out of range is Swift's
/// array trap on the client's read.
public struct Network: Sendable, Equatable {
    /// The number of inputs, the size of layer 0.
    public var inputs: Int
    /// `layers[i]` is layer `l = i + 1`.
    public var layers: [Layer]
    public var loss: Loss
    public var learningRate: Double
    /// Whether a gradient-descent step also moves the biases (Mazur's network keeps them fixed).
    public var updateBiases: Bool
    public var samples: [Sample]
    /// Held-out samples (a network file's `"test"`): never trained on, only evaluated, so that a
    /// loss or accuracy on data the network has not seen can be set beside the training figures.
    /// Every command that writes a network keeps them.
    public var testSamples: [Sample]

    /// A network as given; nothing is checked here. The throwing entry points check it themselves;
    /// the others (``trace(sample:)``, ``gradients()``, ``updateStep(learningRate:order:)``, training)
    /// assume it is well formed, so check it with ``requireWellFormed()`` first (``decode(_:)``
    /// checks a file the same way).
    ///
    /// - Parameters:
    ///   - inputs: the number of inputs, the size of layer 0.
    ///   - layers: layers `1…L`, the output layer last.
    ///   - loss: the loss `C_s` of one sample.
    ///   - learningRate: `η` of a gradient-descent step.
    ///   - updateBiases: whether a step also moves the biases.
    ///   - samples: the training samples, at least one.
    ///   - testSamples: held-out samples, only evaluated.
    public init(
        inputs: Int, layers: [Layer], loss: Loss = .squared, learningRate: Double = Network.defaultLearningRate,
        updateBiases: Bool = true, samples: [Sample], testSamples: [Sample] = []
    ) {
        self.inputs = inputs
        self.layers = layers
        self.loss = loss
        self.learningRate = learningRate
        self.updateBiases = updateBiases
        self.samples = samples
        self.testSamples = testSamples
    }

    /// The learning rate `η` of a network that names none (a network file without `learningRate`).
    public static let defaultLearningRate = 0.1

    /// `L`, the number of layers with weights; also the index of the output layer.
    public var depth: Int { layers.count }

    /// The number of nodes in layer `l`, for `l = 0 … L`.
    package func size(ofLayer l: Int) -> Int { l == 0 ? inputs : layers[l - 1].size }

    /// The layer `l = 1 … L`.
    package func layer(_ l: Int) -> Layer { layers[l - 1] }

    /// The sizes of layers `0 … L`.
    public var sizes: [Int] { [inputs] + layers.map { $0.size } }

    /// Whether any layer has biases; when none has, formulas leave out `+ b`, as the article does.
    public var hasBiases: Bool { layers.contains { $0.biases != nil } }
}

/// One layer `l ≥ 1`: its activation, weights `w_jk^l` and optional biases `b_j^l`.
public struct Layer: Sendable, Equatable {
    public var activation: Activation
    /// `weights[j][k]` is `w_jk^l`: row `j` is a node of this layer, column `k` a node of layer `l-1`.
    public var weights: [[Double]]
    /// `biases[j]` is `b_j^l`; `nil` when the network file has none (they count as zeros).
    public var biases: [Double]?

    /// A layer of `weights.count` nodes.
    /// - Parameters:
    ///   - activation: `g_l`, applied to every node (softmax to the whole layer).
    ///   - weights: `weights[j][k]` is `w_jk^l`, one row per node of this layer, one column per node of the previous one.
    ///   - biases: `b_j^l` per node, or nil for a layer without biases.
    public init(activation: Activation, weights: [[Double]], biases: [Double]? = nil) {
        self.activation = activation
        self.weights = weights
        self.biases = biases
    }

    /// The number of nodes `n` of this layer.
    public var size: Int { weights.count }

    /// `b_j^l`, zero when the layer has no biases.
    @inlinable
    public func bias(_ j: Int) -> Double { biases?[j] ?? 0 }
}

/// One training sample: the input `x = a^0` and the target `y`.
public struct Sample: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]

    /// - Parameters:
    ///   - x: one number per input.
    ///   - y: the target, one number per output node.
    public init(x: [Double], y: [Double]) {
        self.x = x
        self.y = y
    }
}
