import NNExplainCore

/// A named test network, so parameterized tests print `deep-2-5-4-3-2` instead of a dump of weights.
public struct ReferenceNetwork: Sendable {
    public let name: String
    public let network: Network

    public init(name: String, network: Network) {
        self.name = name
        self.network = network
    }
}

// Only tests use this target, but `swift build` compiles every target of the package, and the
// static Swift runtime (`--static-swift-stdlib`) has no Testing module.
#if canImport(Testing)
import Testing

extension ReferenceNetwork: CustomTestStringConvertible {
    public var testDescription: String { name }
}
#endif

/// Hand-written networks that between them cover what the engine must handle:
///
/// | name                     | sizes      | depth | activations (l = 1 …)                | loss         | biases        | samples |
/// |--------------------------|------------|-------|--------------------------------------|--------------|---------------|---------|
/// | standard                 | 3-3-3-2    | 3     | sigmoid ×3                           | squared      | none          | 2       |
/// | mazur                    | 2-2-2      | 2     | sigmoid ×2                           | half-squared | every layer   | 1       |
/// | mazur-squared            | 2-2-2      | 2     | sigmoid ×2                           | squared      | every layer   | 1       |
/// | tanh-relu-identity       | 3-4-2-3    | 3     | tanh, relu, identity                 | half-squared | layers 1, 3   | 3       |
/// | deep-2-5-4-3-2           | 2-5-4-3-2  | 4     | leaky-relu, sigmoid, relu, tanh      | squared      | layers 1,3,4  | 4       |
/// | relu-identity-leaky      | 4-3-5-2-1  | 4     | relu, identity, tanh, leaky-relu     | half-squared | layers 1, 3   | 2       |
///
/// The relu and leaky-relu weights are chosen so that every pre-activation `z` of those nodes stays
/// well away from the kink at 0 for every sample (checked by a test), because a finite difference
/// across a kink measures neither side's slope. Some relu nodes are negative on purpose (a dead node,
/// gradient exactly 0) and the leaky-relu output is negative for one sample (slope 0.01).
public enum ReferenceNetworks {
    /// Mazur's worked example, built by hand rather than read from a file, so these tests depend on
    /// neither the file format nor `Tests/NNExplainTestSupport/Fixtures/`.
    public static let mazur = Network(
        inputs: 2,
        layers: [
            Layer(activation: .sigmoid, weights: [[0.15, 0.20], [0.25, 0.30]], biases: [0.35, 0.35]),
            Layer(activation: .sigmoid, weights: [[0.40, 0.45], [0.50, 0.55]], biases: [0.60, 0.60]),
        ],
        loss: .halfSquared,
        learningRate: 0.5,
        updateBiases: false,
        samples: [Sample(x: [0.05, 0.10], y: [0.01, 0.99])]
    )

    /// Mazur's network in the article's own loss, `(a − y)²` without the ½.
    public static let mazurSquared: Network = {
        var network = mazur
        network.loss = .squared
        return network
    }()

    /// 3-4-2-3: tanh with biases, relu without, identity output with biases.
    public static let tanhReluIdentity = Network(
        inputs: 3,
        layers: [
            Layer(
                activation: .tanh,
                weights: [[0.5, -0.3, 0.8], [-0.6, 0.2, 0.4], [0.3, 0.7, -0.5], [0.9, -0.4, 0.1]],
                biases: [0.1, -0.2, 0.05, 0.3]),
            Layer(
                activation: .relu,
                weights: [[0.6, -0.5, 0.4, 0.8], [-0.7, 0.3, 0.9, -0.2]]),
            Layer(
                activation: .identity,
                weights: [[1.2, -0.8], [0.5, 0.9], [-0.4, 0.6]],
                biases: [0.1, -0.1, 0.2]),
        ],
        loss: .halfSquared,
        samples: [
            Sample(x: [0.2, -0.5, 0.9], y: [0.3, 0.1, -0.2]),
            Sample(x: [-0.7, 0.4, 0.1], y: [-0.1, 0.5, 0.4]),
            Sample(x: [0.6, 0.8, -0.3], y: [0.2, -0.3, 0.6]),
        ]
    )

    /// 2-5-4-3-2, depth 4: leaky-relu with biases, sigmoid without, relu and tanh with biases.
    public static let deep25432 = Network(
        inputs: 2,
        layers: [
            Layer(
                activation: .leakyRelu,
                weights: [[0.8, -0.6], [-0.5, 0.9], [0.7, 0.4], [-0.9, -0.3], [0.3, 0.6]],
                biases: [0.1, -0.3, 0.2, 0.05, -0.1]),
            Layer(
                activation: .sigmoid,
                weights: [
                    [0.2, -0.4, 0.6, 0.1, -0.3], [-0.5, 0.3, 0.2, 0.7, 0.4],
                    [0.6, 0.1, -0.2, -0.4, 0.5], [-0.1, 0.8, 0.3, -0.6, 0.2],
                ]),
            Layer(
                activation: .relu,
                weights: [[0.9, -0.7, 0.5, 0.3], [-0.4, 0.6, 0.8, -0.5], [0.3, 0.2, -0.6, 0.7]],
                biases: [0.1, -0.05, 0.2]),
            Layer(
                activation: .tanh,
                weights: [[0.7, -0.5, 0.6], [-0.4, 0.8, 0.3]],
                biases: [0.05, -0.1]),
        ],
        loss: .squared,
        samples: [
            Sample(x: [0.5, -0.8], y: [0.2, -0.1]),
            Sample(x: [-0.6, 0.3], y: [-0.3, 0.4]),
            Sample(x: [0.9, 0.7], y: [0.5, 0.1]),
            Sample(x: [-0.2, -0.9], y: [0.0, 0.3]),
        ]
    )

    /// 4-3-5-2-1, depth 4: relu with biases, identity without, tanh with biases, leaky-relu output
    /// without.
    public static let reluIdentityLeaky = Network(
        inputs: 4,
        layers: [
            Layer(
                activation: .relu,
                weights: [[0.4, -0.3, 0.6, 0.2], [-0.5, 0.7, 0.1, -0.4], [0.3, 0.5, -0.2, 0.8]],
                biases: [0.2, 0.1, -0.1]),
            Layer(
                activation: .identity,
                weights: [[0.6, -0.4, 0.3], [-0.2, 0.8, 0.5], [0.7, 0.1, -0.6], [0.4, -0.5, 0.9], [-0.3, 0.6, 0.2]]),
            Layer(
                activation: .tanh,
                weights: [[0.5, -0.3, 0.4, 0.2, -0.6], [-0.4, 0.6, 0.3, -0.5, 0.7]],
                biases: [0.1, -0.2]),
            Layer(
                activation: .leakyRelu,
                weights: [[1.1, -0.9]]),
        ],
        loss: .halfSquared,
        samples: [
            Sample(x: [0.7, -0.2, 0.5, 0.3], y: [0.4]),
            Sample(x: [-0.4, 0.9, 0.2, -0.6], y: [-0.2]),
        ]
    )

    /// Every reference network, the library's `Network.standard` first, then the classification ones
    /// (`ClassificationNetworks.swift`).
    public static let all: [ReferenceNetwork] = [
        ReferenceNetwork(name: "standard-3-3-3-2", network: .standard),
        ReferenceNetwork(name: "mazur-2-2-2", network: mazur),
        ReferenceNetwork(name: "mazur-squared-2-2-2", network: mazurSquared),
        ReferenceNetwork(name: "tanh-relu-identity-3-4-2-3", network: tanhReluIdentity),
        ReferenceNetwork(name: "deep-2-5-4-3-2", network: deep25432),
        ReferenceNetwork(name: "relu-identity-leaky-4-3-5-2-1", network: reluIdentityLeaky),
    ] + classification
}
