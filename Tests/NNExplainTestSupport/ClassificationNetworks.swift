import NNExplainCore

/// Reference networks for classification: softmax outputs and the two cross-entropies.
///
/// | name                         | sizes     | activations (l = 1 …)       | loss                 | targets                      |
/// |------------------------------|-----------|-----------------------------|----------------------|------------------------------|
/// | softmax-ce-one-hot           | 2-3-3     | sigmoid, softmax            | cross-entropy        | one-hot                      |
/// | softmax-ce-soft              | 2-3-3     | tanh, softmax               | cross-entropy        | soft (sum 1), unnormalised   |
/// | softmax-squared-deep         | 3-4-3-3   | tanh, sigmoid, softmax      | squared              | one-hot, soft                |
/// | softmax-ce-deep              | 2-4-3-3-3 | sigmoid, tanh, sigmoid, softmax | cross-entropy    | unnormalised, zero           |
/// | sigmoid-bce-saturated        | 2-2-2     | tanh, sigmoid               | binary-cross-entropy | 0/1 and soft; z ≈ 40 and −40 |
/// | sigmoid-ce                   | 2-2-2     | sigmoid, sigmoid            | cross-entropy        | soft                         |
extension ReferenceNetworks {
    public static let softmaxOneHot = Network(
        inputs: 2,
        layers: [
            Layer(activation: .sigmoid, weights: [[0.5, -0.4], [0.3, 0.8], [-0.7, 0.2]], biases: [0.1, -0.2, 0.05]),
            Layer(activation: .softmax, weights: [[1.2, -0.6, 0.4], [-0.8, 0.9, 0.3], [0.2, 0.5, -1.1]], biases: [0.1, 0, -0.1]),
        ],
        loss: .crossEntropy,
        samples: [
            Sample(x: [0.6, -0.3], y: [1, 0, 0]),
            Sample(x: [-0.2, 0.9], y: [0, 0, 1]),
        ])

    public static let softmaxSoft = Network(
        inputs: 2,
        layers: [
            Layer(activation: .tanh, weights: [[0.9, -0.3], [-0.5, 0.6], [0.4, 0.7]], biases: [0.05, 0.1, -0.15]),
            Layer(activation: .softmax, weights: [[0.7, -1.0, 0.5], [0.3, 0.8, -0.6], [-0.9, 0.2, 1.1]]),
        ],
        loss: .crossEntropy,
        samples: [
            Sample(x: [0.4, 0.8], y: [0.7, 0.2, 0.1]),
            Sample(x: [-0.7, 0.3], y: [0.5, 1.0, 0.25]),
            Sample(x: [0.9, -0.5], y: [0, 0.3, 0.2]),
        ])

    public static let softmaxSquaredDeep = Network(
        inputs: 3,
        layers: [
            Layer(activation: .tanh, weights: [[0.4, -0.6, 0.3], [0.8, 0.2, -0.5], [-0.3, 0.7, 0.6], [0.5, 0.1, -0.9]],
                  biases: [0.1, -0.1, 0.2, 0]),
            Layer(activation: .sigmoid, weights: [[0.6, -0.4, 0.3, 0.7], [-0.5, 0.9, 0.2, -0.3], [0.1, -0.7, 0.8, 0.4]]),
            Layer(activation: .softmax, weights: [[1.1, -0.5, 0.6], [-0.4, 0.8, -0.9], [0.3, 0.6, 0.5]], biases: [0.2, -0.1, 0]),
        ],
        loss: .squared,
        samples: [
            Sample(x: [0.5, -0.2, 0.8], y: [0, 1, 0]),
            Sample(x: [-0.6, 0.4, 0.1], y: [0.2, 0.3, 0.5]),
        ])

    public static let softmaxDeep = Network(
        inputs: 2,
        layers: [
            Layer(activation: .sigmoid, weights: [[0.7, -0.4], [-0.6, 0.5], [0.3, 0.9], [-0.8, -0.2]], biases: [0, 0.1, -0.1, 0.2]),
            Layer(activation: .tanh, weights: [[0.5, -0.3, 0.8, 0.1], [-0.6, 0.4, 0.2, 0.7], [0.3, 0.9, -0.5, -0.4]],
                  biases: [0.05, -0.05, 0.1]),
            Layer(activation: .sigmoid, weights: [[0.9, -0.7, 0.4], [-0.2, 0.6, 0.8], [0.5, 0.3, -0.9]]),
            Layer(activation: .softmax, weights: [[1.3, -0.8, 0.5], [-0.6, 1.0, -0.4], [0.2, -0.3, 0.9]], biases: [0.1, 0.2, -0.3]),
        ],
        loss: .crossEntropy,
        samples: [
            Sample(x: [0.3, -0.9], y: [2, 0.5, 0]),
            Sample(x: [-0.8, 0.4], y: [0, 0, 0]),
            Sample(x: [0.6, 0.6], y: [0, 1, 0]),
        ])

    /// Output node 0 sits at z ≈ 40 (sample 0) and z ≈ −40 (sample 1): σ(40) rounds to 1, so a
    /// naive ln(1 − a) would be −∞; the stable forms keep loss and gradient finite and exact.
    public static let sigmoidSaturated = Network(
        inputs: 2,
        layers: [
            Layer(activation: .tanh, weights: [[0.8, -0.5], [0.4, 0.6]], biases: [0.1, -0.1]),
            Layer(activation: .sigmoid, weights: [[2.0, -1.5], [0.7, 0.9]], biases: [39.0, -0.2]),
        ],
        loss: .binaryCrossEntropy,
        samples: [
            Sample(x: [0.9, -0.4], y: [0, 1]),
            Sample(x: [-0.5, 0.7], y: [1, 0.3]),
            Sample(x: [0.2, 0.1], y: [0.6, 0]),
        ])

    public static let sigmoidCrossEntropy = Network(
        inputs: 2,
        layers: [
            Layer(activation: .sigmoid, weights: [[0.6, -0.2], [-0.4, 0.7]], biases: [0.1, 0]),
            Layer(activation: .sigmoid, weights: [[0.9, -0.8], [0.5, 0.4]], biases: [-0.1, 0.2]),
        ],
        loss: .crossEntropy,
        samples: [Sample(x: [0.3, 0.8], y: [0.6, 0.4]), Sample(x: [-0.5, 0.2], y: [0, 1])])

    public static let classification: [ReferenceNetwork] = [
        ReferenceNetwork(name: "softmax-ce-one-hot-2-3-3", network: softmaxOneHot),
        ReferenceNetwork(name: "softmax-ce-soft-2-3-3", network: softmaxSoft),
        ReferenceNetwork(name: "softmax-squared-3-4-3-3", network: softmaxSquaredDeep),
        ReferenceNetwork(name: "softmax-ce-deep-2-4-3-3-3", network: softmaxDeep),
        ReferenceNetwork(name: "sigmoid-bce-saturated-2-2-2", network: sigmoidSaturated),
        ReferenceNetwork(name: "sigmoid-ce-2-2-2", network: sigmoidCrossEntropy),
    ]
}
