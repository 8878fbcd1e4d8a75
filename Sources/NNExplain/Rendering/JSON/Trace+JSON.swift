/// `nnexplain forward --format json`: `{"sample", "inputs", "layers": [{"layer", "z", "a"}],
/// "targets", "lossTerms", "loss"}`, every layer's `z` and `a` and the loss of one sample.
extension Trace: JSONRepresentable {
    public func json(naming: LayerNaming) -> JSONValue {
        [
            "sample": .integer(sample),
            "inputs": .numbers(input),
            "layers": .array(layers.enumerated().map { i, layer in
                ["layer": .integer(i + 1), "z": .numbers(layer.z), "a": .numbers(layer.a)]
            }),
            "targets": .numbers(target),
            "lossTerms": .numbers(lossTerms),
            "loss": .number(loss),
        ]
    }
}
