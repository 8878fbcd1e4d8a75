extension MatrixForm: JSONRepresentable {
    /// `nnexplain matrix --format json`, every number at full precision:
    /// `{"sample": s, "layers": [{"layer": l, "delta": […], "weightGradient": [[…]], "biasGradient": […], …}]}`.
    /// With one sample, `delta`, `dCda`, `gPrime` and `previousActivations` are vectors; with
    /// `--average` (`"samples": N`) they are N×n matrices whose row s is sample s, and the gradients
    /// are the means. `weightGradient[j][k]` is `∂C/∂w_jk^l`; layers come output layer first.
    public func json(naming: LayerNaming) -> JSONValue {
        let batch: Bool, head: (key: String, value: JSONValue)
        switch scope {
        case .sample(let s): (batch, head) = (false, ("sample", .integer(s)))
        case .average(let n): (batch, head) = (true, ("samples", .integer(n)))
        }
        func array(_ rows: [[Double]]) -> JSONValue { batch ? .numbers(rows) : .numbers(rows[0]) }
        return .object([
            head,
            ("layers", .array(layers.map { f in
                var object: [(key: String, value: JSONValue)] = [
                    ("layer", .integer(f.layer)),
                    ("layerLabel", .string(naming.label(f.layer))),
                    ("deltaRule", .string(f.rule == .elementwise ? "elementwise" : "jacobian")),
                    ("dCda", array(f.dCda)),
                ]
                if f.rule == .elementwise { object.append(("gPrime", array(f.gPrime))) }
                object += [
                    ("delta", array(f.delta)),
                    ("previousActivations", array(f.previousActivations)),
                    ("weightGradient", .numbers(f.weightGradient)),
                    ("biasGradient", .numbers(f.biasGradient)),
                ]
                return .object(object)
            })),
        ])
    }
}
