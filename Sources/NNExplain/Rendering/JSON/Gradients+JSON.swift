/// `nnexplain gradients --format json`: `{"loss", "layers": [{"layer", "weights", "biases"}]}`, where
/// `weights[j][k]` is `∂C/∂w_jk^l` averaged over the samples and `biases[j]` is `∂C/∂b_j^l`.
extension Gradients: JSONRepresentable {
    public func json(naming: LayerNaming) -> JSONValue { .object(members) }

    /// The loss and the layers, in the order the output has them.
    fileprivate var members: [(key: String, value: JSONValue)] {
        [
            ("loss", .number(loss)),
            ("layers", .array(layers.enumerated().map { i, layer in
                [
                    "layer": .integer(i + 1),
                    "weights": .numbers(layer.weights),
                    "biases": .numbers(layer.biases),
                ]
            })),
        ]
    }
}

/// The gradients of one batch, `nnexplain gradients --batch … --format json`: `"batch"` lists its
/// samples, then the members of ``Gradients``'s JSON, which are the batch's: `C_B` and `∂C_B/∂w_jk^l`.
public struct BatchGradients: Sendable, JSONRepresentable {
    /// The gradients averaged over the batch's samples.
    public let gradients: Gradients
    /// The batch's samples, in the order they were given.
    public let batch: [Int]

    /// The gradients `gradients` of the samples `batch`.
    public init(_ gradients: Gradients, batch: [Int]) {
        (self.gradients, self.batch) = (gradients, batch)
    }

    public func json(naming: LayerNaming) -> JSONValue {
        .object([("batch", .array(batch.map(JSONValue.integer)))] + gradients.members)
    }
}
