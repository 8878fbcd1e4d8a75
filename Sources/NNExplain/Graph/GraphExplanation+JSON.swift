/// `nnexplain graph --format json` (and `expr`'s nodes): every shown node with its operation, value,
/// gradient and inputs.
extension GraphExplanation: JSONRepresentable {
    /// `{"nodes": [{"id", "onPath", "name", "op", "value", "grad", "inputs", "local"}, …], "output": id}`,
    /// and for one weight's part `"weight": {"symbol", "grad", "stepGrad"}`; an expression's adds
    /// `"value"` and `"gradients": {NAME: …}` first. `onPath` is false for a node shown only because
    /// a node on the weight's paths reads it (its inputs may then not be listed; its `grad` is the
    /// whole graph's, from every path); everything is on the path of a whole graph.
    public func json(naming: LayerNaming) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        let text = TextRenderer(naming: naming)
        if case .expression = subject {
            members.append(("value", .number(graph.nodes[graph.output].value)))
            members.append(("gradients", .object(givenNames.compactMap { id in
                guard case .name(let name) = graph.nodes[id].label else { return nil }
                return (name, .number(graph.nodes[id].gradient))
            })))
        }
        let onPath = Set(walked)
        members.append(("nodes", .array(shown.map { id in
            let node = graph.nodes[id]
            return .object([
                ("id", .integer(id)), ("onPath", .bool(onPath.contains(id))), ("name", .string(text.text(graph.name(id)))), ("op", .string(ComputationGraph.operationName(node.operation))),
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
