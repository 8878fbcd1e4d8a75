/// `nnexplain graph --format json` (and `expr`'s nodes): every shown node with its operation, value,
/// gradient and inputs.
extension GraphExplanation: JSONRepresentable {
    /// `{"nodes": [{"id", "name", "op", "value", "grad", "inputs", "local"}, …], "output": id}`, and
    /// for one weight's part `"weight": {"symbol", "grad", "stepGrad"}`; an expression's adds
    /// `"value"` and `"gradients": {NAME: …}` first.
    public func json(naming: LayerNaming) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        let text = TextRenderer(naming: naming)
        if case .expression = subject {
            members.append(("value", .number(graph.nodes[graph.output].value)))
            members.append(("gradients", .object(graph.nodes.compactMap { node in
                guard case .name(let name) = node.label else { return nil }
                return (name, .number(node.gradient))
            })))
        }
        members.append(("nodes", .array(shown.map { id in
            let node = graph.nodes[id]
            return .object([
                ("id", .integer(id)), ("name", .string(text.text(graph.name(id)))), ("op", .string(ComputationGraph.operationName(node.operation))),
                ("value", .number(node.value)), ("grad", .number(node.gradient)),
                ("inputs", .array(node.inputs.map { .integer($0) })), ("local", .array(node.locals.map { .number($0) })),
            ])
        })))
        members.append(("output", .integer(graph.output)))
        if case .network(_, _, let weight?) = subject {
            members.append(("weight", .object([
                ("symbol", .string(text.text(.w(layer: weight.layer, .number(weight.j), .number(weight.k))))),
                ("grad", .number(graph.nodes[weight.node].gradient)), ("stepGrad", .number(weight.stepGradient)),
            ])))
        }
        return .object(members)
    }
}
