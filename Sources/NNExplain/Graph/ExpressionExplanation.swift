/// `nnexplain expr`: an expression's computational graph explained as ``GraphExplanation`` does
/// (forward values, the backward pass gate by gate), with, when asked, central finite differences
/// beside each name's gradient.
public struct ExpressionExplanation: Sendable {
    /// The graph's explanation.
    public let graph: GraphExplanation
    /// The central difference by every name, in the order the names first appear; nil unless asked.
    public let check: [ScalarExpression.CentralDifference]?

    /// The expression `text` at `values`, parsed, built and backpropagated.
    /// - Parameters:
    ///   - text: the expression as typed.
    ///   - values: a value for every name it uses, and for no other.
    ///   - check: whether to add central finite differences.
    /// - Throws: ``ExpressionError``: the text's mistakes, names and values that do not match, or an
    ///   operation undefined at `values` (``ExpressionError/isAtValues``).
    public init(_ text: String, values: [String: Double], check: Bool) throws(ExpressionError) {
        let expression = try ScalarExpression.parse(text)
        graph = GraphExplanation(graph: try expression.graph(values: values), subject: .expression(text))
        self.check = check ? try expression.centralDifferences(values: values) : nil
    }

    /// The graph's document, with the check's section before its conclusion.
    public var document: Document {
        var blocks = graph.document.blocks
        guard let check else { return Document(blocks) }
        let conclusion = blocks.removeLast()
        blocks.append(.section(heading: ["Check: central finite differences"], blocks: Self.checkBlocks(check, graph: graph)))
        blocks += [.gap, conclusion]
        return Document(blocks)
    }

    /// The table of names with their value, gradient, finite difference and difference, and how it was taken.
    private static func checkBlocks(_ check: [ScalarExpression.CentralDifference], graph: GraphExplanation) -> [Document.Block] {
        let h: Math = [.variable("h")], f = graph.outputName
        let rows: [[Math]] = check.map { entry in
            let node = graph.graph.nodes.firstIndex { $0.label == .name(entry.name) } ?? 0
            let gradient = graph.graph.nodes[node].gradient
            return [[.variable(entry.name)], [.number(graph.graph.nodes[node].value)], [.number(gradient)],
                    entry.slope.map { [.number($0)] } ?? [.word("undefined")],
                    entry.slope.map { [.number(gradient - $0)] } ?? [.word("—")]]
        }
        var blocks: [Document.Block] = [
            .paragraph([
                "Each gradient beside a slope estimated from two evaluations of ", m(f), " alone, with no chain rule: ",
                m([.fraction(f + [.bracketed([.variable("x"), .op(.plus)] + h, .plain), .op(.minus)]
                              + f + [.bracketed([.variable("x"), .op(.minus)] + h, .plain)], [.integer(2)] + h)]),
                ", with ", m(h + [.op(.equals), .number(ScalarExpression.relativeStep), .op(.times),
                                 .function("max", [.bracketed([.integer(1), .op(.comma), .bracketed([.variable("x")], .bars)], .plain)])]),
                ". Where ", m(f), " is smooth they agree to many digits, fewer where it bends sharply within ",
                m(h), " (near a division by a small number); at a kink (relu at 0, max or min at a tie) they need not.",
            ]),
            .nested([.table(header: [[.word("name")], [.word("value")], [.partial(f, [.word("name")], slashed: true)],
                                     [.word("central difference")], [.word("their difference")]],
                            rows: rows, operators: [nil, nil, nil, nil])]),
        ]
        let undefined = check.filter { $0.slope == nil }.map { $0.name }
        if !undefined.isEmpty {
            blocks.append(.paragraph([m(f), .text(" is undefined at x + h or x − h for " + undefined.joined(separator: ", ")
                + ", so no central difference is shown there.")]))
        }
        return blocks
    }
}

extension ExpressionExplanation: JSONRepresentable {
    /// The graph's JSON, and with the check `"check": {NAME: {"finiteDifference", "h", "difference"}}`
    /// (`finiteDifference` and `difference` null where `f` is undefined at a point).
    public func json(naming: LayerNaming) -> JSONValue {
        guard let check, case .object(var members) = graph.json(naming: naming) else { return graph.json(naming: naming) }
        let nodes = graph.graph.nodes
        members.append(("check", .object(check.map { entry in
            let gradient = nodes.first { $0.label == .name(entry.name) }?.gradient ?? 0
            return (entry.name, .object([
                ("finiteDifference", entry.slope.map(JSONValue.number) ?? .null), ("h", .number(entry.step)),
                ("difference", entry.slope.map { .number(gradient - $0) } ?? .null),
            ]))
        })))
        return .object(members)
    }
}
