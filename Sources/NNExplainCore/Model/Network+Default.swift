extension Network {
    /// The network every command uses when no `--network` is given.
    ///
    /// Sizes 3-3-3-2 (so the article's examples `--layer L --j 1 --k 2` and `--layer L-1 --j 2 --k 2`
    /// both exist), sigmoid everywhere, the article's squared loss and no biases, two samples so that
    /// averaging means something, and one-digit numbers a class can follow by hand.
    public static let standard = Network(
        inputs: 3,
        layers: [
            Layer(activation: .sigmoid, weights: [[0.1, 0.4, -0.2], [0.3, -0.1, 0.5], [-0.4, 0.2, 0.3]]),
            Layer(activation: .sigmoid, weights: [[0.2, -0.3, 0.6], [0.5, 0.1, -0.2], [-0.1, 0.4, 0.3]]),
            Layer(activation: .sigmoid, weights: [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6]]),
        ],
        loss: .squared,
        learningRate: 0.5,
        samples: [
            Sample(x: [0.5, 1.0, 0.2], y: [1, 0]),
            Sample(x: [0.9, 0.1, 0.6], y: [0, 1]),
        ]
    )
}
