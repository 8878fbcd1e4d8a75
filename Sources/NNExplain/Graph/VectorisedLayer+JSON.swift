/// `nnexplain graph --vectorised --format json`.
extension VectorisedLayer: JSONRepresentable {
    /// `{"layer", "sample", "nodes": [{"id", "name", "op", "shape", "value", "grad", "inputs"}, …], "output"}`:
    /// `W^l`, `a^(l-1)`, `b^l` (when the layer has biases), `z^l` and `a^l`, each value and
    /// gradient as a matrix (a vector as one column).
    public func json(naming: LayerNaming) -> JSONValue {
        let text = TextRenderer(naming: naming), l = layer
        func column(_ x: [Double]) -> [[Double]] { x.map { [$0] } }
        var nodes: [(name: Symbol, op: String, value: [[Double]], grad: [[Double]], inputs: [Int])] = [
            (.array(.weights, layer: l), "leaf", weights, weightGradients, []),
            (.array(.activations, layer: l - 1), "leaf", column(previous), column(previousGradients), []),
        ]
        if let biases { nodes.append((.array(.biases, layer: l), "leaf", column(biases), column(delta), [])) }
        nodes.append((.array(.sums, layer: l), biases == nil ? "matmul" : "matmul+add", column(z), column(delta), Array(nodes.indices)))
        nodes.append((.array(.activations, layer: l), activation.rawValue, column(a), column(activationGradients), [nodes.count - 1]))
        return .object([
            ("layer", .integer(l)), ("layerLabel", .string(naming.label(l))), ("sample", .integer(sample)),
            ("nodes", .array(nodes.enumerated().map { id, node in
                .object([("id", .integer(id)), ("name", .string(text.text(node.name))), ("op", .string(node.op)),
                         ("shape", .array([.integer(node.value.count), .integer(node.value.first?.count ?? 0)])),
                         ("value", .numbers(node.value)), ("grad", .numbers(node.grad)), ("inputs", .array(node.inputs.map { .integer($0) }))])
            })),
            ("output", .integer(nodes.count - 1)),
        ])
    }
}
