extension GraphExplanation {
    /// The explanation as a document: what the graph is, the given numbers, each computed node's
    /// forward value, then the backward pass node by node from the output down.
    public var document: Document {
        var blocks: [Document.Block] = [.title(title), .paragraph(introduction), .gap]
        blocks.append(.section(heading: ["Forward: each node's value"], blocks: forward))
        blocks.append(.gap)
        blocks.append(.section(heading: ["Backward: each node's gradient, from the output down"], blocks: backward))
        blocks.append(.gap)
        blocks.append(.paragraph(conclusion))
        return Document(blocks)
    }

    private var title: [Document.Inline] {
        let total = graph.nodes.count
        switch subject {
        case .network(let s, let samples, let weight?):
            return ["The part of the computational graph of ", m(outputName), " (sample \(s) of \(samples)) on the paths from ",
                    m(.of(.w(layer: weight.layer, .number(weight.j), .number(weight.k)))), ": \(walked.count) of its \(total) nodes"]
        case .network(let s, let samples, nil):
            return ["The computational graph of ", m(outputName), ", the loss of sample \(s) of \(samples): \(total) nodes"]
        case .expression(let text) where text.contains(";"):
            return ["The computational graph of ", .code(text), ": \(total) nodes, the result called ", m(outputName)]
        case .expression(let text):
            return ["The computational graph of ", m(outputName), " = ", .code(text), ": \(total) node\(total == 1 ? "" : "s")"]
        }
    }

    private var introduction: [Document.Inline] {
        var words: [Document.Inline] = [
            "Each node is one scalar operation, with its value from the forward pass. Backward, from the output down, ",
            "each node's gradient is the sum, over the gates that use it, of that gate's gradient times its local gradient: ",
            "the chain rule one gate at a time, as reverse-mode automatic differentiation (PyTorch's autograd) computes it.",
        ]
        if case .expression = subject, graph.nodes[graph.output].label == .intermediate {
            words += [" The last node, ", m(graph.name(graph.output)), ", is ", m(outputName), "."]
        }
        if case .network(_, _, let weight?) = subject {
            words += [" Shown are the gates that depend on ", m(graph.name(weight.node)),
                      ", and the nodes they read (whose own gradients this weight does not need)."]
        }
        return words
    }

    /// The given numbers in one paragraph, then each computed node: `n_3 = w · a = 0.12`.
    private var forward: [Document.Block] {
        let leaves = shown.filter { graph.nodes[$0].operation == .leaf && graph.nodes[$0].label != .constant }
        var blocks: [Document.Block] = []
        if !leaves.isEmpty {
            var given: [Document.Inline] = ["Given: "]
            for (n, id) in leaves.enumerated() {
                given += [m(graph.name(id) + [.op(.equals), .number(graph.nodes[id].value)]), n + 1 < leaves.count ? ", " : "."]
            }
            blocks.append(.paragraph(given))
        }
        let computed = shown.filter { graph.nodes[$0].operation != .leaf }
        blocks.append(.table(header: nil, rows: computed.map { [graph.name($0), graph.formula($0), [.number(graph.nodes[$0].value)]] },
                             operators: [.equals, .equals]))
        return blocks
    }

    /// The output's gradient 1, then every walked node's, each with the rules of the gates it feeds.
    private var backward: [Document.Block] {
        let uses = graph.uses, out = graph.output
        if walked.isEmpty, let weight = weightNode {
            return [.paragraph(["No path leads from ", m(graph.name(weight)), " to ", m(outputName), ": every gate that depends on it ends in a ",
                                "term of the loss that is left out (its factor ", m([.variable("y", sub: "j")]), " is 0), so ",
                                m(derivative(weight) + [.op(.equals), .integer(0)]), "."])]
        }
        var blocks: [Document.Block] = [
            .line(derivative(out), [.integer(1)]),
            .reason([["The output's gradient by itself is 1; every other gradient is built from it."]]),
        ]
        for id in walked.reversed() where id != out {
            let users = uses[id]
            guard !users.isEmpty else {
                blocks.append(.line(derivative(id), [.integer(0)]))
                let leftOut: Document.Inline = if case .network = subject { " (a term of the loss whose factor is 0 is left out)." } else { "." }
                blocks.append(.reason([["No gate uses ", m(graph.name(id)), ", so it does not change the output: its gradient is 0", leftOut]]))
                continue
            }
            let symbolic = Math.joined(users.map { derivative($0.user) + [.op(.times)] + Self.factor(graph.localFormula($0.user, slot: $0.slot)) }, by: .plus)
            let numbers = Math.joined(users.map { [.number(graph.nodes[$0.user].gradient), .op(.times), .operand(graph.nodes[$0.user].locals[$0.slot])] }, by: .plus)
            blocks.append(.equation(lhs: derivative(id), steps: [symbolic, numbers, [.number(graph.nodes[id].gradient)]], chain: users.count > 2))
            var reasons: [[Document.Inline]] = []
            for (operation, slot) in users.map({ (graph.nodes[$0.user].operation, $0.slot) }).uniquedRules() {
                reasons.append(ComputationGraph.rule(operation, slot: slot))
            }
            for user in users.map({ $0.user }).uniqued() { reasons += stableSlope(user) }
            if users.count > 1 { reasons.append(fanOut(id, users: users)) }
            blocks.append(.reason(reasons))
        }
        return blocks
    }

    /// Why a value used by several gates adds their gradients, and for a hidden node of a network
    /// that this addition is `step`'s sum over `i`.
    private func fanOut(_ id: Int, users: [(user: Int, slot: Int)]) -> [Document.Inline] {
        let gates = Set(users.map { $0.user }).count
        var words: [Document.Inline] = users.count == gates
            ? [m(graph.name(id)), " feeds \(gates) gates, so the gradients they pass down add up"]
            : [m(graph.name(id)), " is used \(users.count) times, by \(gates.counting("gate")), so the gradients passed down along each use add up"]
        let products = users.allSatisfy { graph.nodes[$0.user].operation == .multiply }
        if case .quantity(.a(let l, let k)) = graph.nodes[id].label, case .network(let sample, _, _) = subject, l > 0, products {
            words += [": this sum is the sum over ", v("i"), " in ", m(.of(.partial(.loss(.sample(sample)), .a(layer: l, k)))),
                      " that step writes for a hidden layer"]
        }
        return words + ["."]
    }

    private var conclusion: [Document.Inline] {
        switch subject {
        case .network(_, _, let weight?):
            let value = graph.nodes[weight.node].gradient, name = derivative(weight.node), step = weight.stepGradient
            if value == step {
                return ["So ", m(name + [.op(.equals), .number(value)]), ", bit for bit the number step computes for this weight from the trace."]
            }
            if !Self.apart(value, step) {
                let apart = ulps(value, step)
                return ["So ", m(name + [.op(.equals), .number(value)]), " by the graph; step computes ", m([.number(step)]),
                        ", \(apart) unit\(apart == "1" ? "" : "s") in the last place away: the same terms, rounded in another order",
                        " (step works the output layer's ", m([.partial([.variable("C")], [.variable("z")], slashed: true)]),
                        " in one combined form where the loss allows it, the graph gate by gate)."]
            }
            return ["So ", m(name + [.op(.equals), .number(value)]), " by the graph, but step computes ", m([.number(step)]),
                    ": more apart than rounding explains. Gate by gate, "] + lostDigits + [", and its number is the accurate one."]
        case .network(let s, _, nil) where inaccurateWeights == 0:
            return ["The leaves now hold the gradients of ", m(outputName), " by every weight, bias and input of sample \(s): ",
                    "the numbers step explains one weight at a time."]
        case .network(let s, _, nil):
            return ["The leaves now hold the gradients of ", m(outputName), " by every weight, bias and input of sample \(s), as the gates ",
                    "compute them; but for \(inaccurateWeights.counting("weight")) the graph's gradient\(inaccurateWeights == 1 ? " is" : "s are") ",
                    "further from step's than rounding explains: gate by gate, "] + lostDigits + [", and its numbers are the accurate ones."]
        case .expression:
            let names = givenNames
            var words: [Document.Inline] = names.isEmpty ? ["The expression has no names, so no gradients to report."] : ["So "]
            for (n, id) in names.enumerated() {
                words += [m(derivative(id) + [.op(.equals), .number(graph.nodes[id].gradient)]), n + 1 < names.count ? ", " : "."]
            }
            return words
        }
    }

    /// Why the graph's number can be further from step's than rounding: written once for one weight
    /// and for the whole graph, to follow "gate by gate, ".
    private var lostDigits: [Document.Inline] {
        ["the graph works with the rounded outputs, and here that loses digits (such as ", m([.integer(1), .op(.minus), .variable("a")]),
         " of an output that rounds close to 1); step computes the loss's derivative from ", m([.variable("z")]), " in a stable form"]
    }

    /// Where a sigmoid or tanh gate's output is so close to ±1 that `1 − c` or `1 − c²` in doubles
    /// would lose its digits, its slope comes from its input (as the network's activation takes it):
    /// a sentence saying so, or none.
    private func stableSlope(_ user: Int) -> [[Document.Inline]] {
        let node = graph.nodes[user], c = node.value
        guard case .activation(let g) = node.operation, let slope = node.locals.first else { return [] }
        let c1: Math = [.variable("o")]
        switch g {
        case .sigmoid where slope != c * (1 - c):
            return [["Here ", m(c1), " is so close to 1 that ", m([.integer(1), .op(.minus), .variable("o")]),
                     " in doubles loses its digits, so the slope is taken from the input, ",
                     m([.word("sigmoid"), .bracketed([.variable("u")], .plain), .op(.times), .word("sigmoid"),
                        .bracketed([.op(.negative), .variable("u")], .plain)]), ", as the network's sigmoid does."]]
        case .tanh where slope != 1 - c * c:
            return [["Here ", m(c1), " is so close to ±1 that ", m([.integer(1), .op(.minus), .squared(c1)]),
                     " in doubles loses its digits, so the slope is taken from the input, as the network's tanh does."]]
        default: return []
        }
    }


    /// `∂out/∂node`, slashed.
    func derivative(_ id: Int) -> Math { [.partial(outputName, graph.name(id), slashed: true)] }

    /// A local gradient as a factor after `·`: in parentheses when it is a sum or difference
    /// (`1 − n²`), a fraction (`1/b`), a power (`3 (a)^2`) or starts with a minus (`−a/b²`, `-1`),
    /// else as an operand.
    private static func factor(_ local: Math) -> Math {
        let compound = local.pieces.enumerated().contains { n, piece in
            if n == 0, case .integer(let k) = piece, k < 0 { return true }
            if case .fraction = piece { return true }
            return piece == .op(.minus) || piece == .op(.plus) || piece == .word("^") || (n == 0 && piece == .op(.negative))
        }
        return compound ? [.parenthesized(local)] : local.asOperand
    }

    /// The number of doubles between `a` and `b` (both finite, the same sign).
    private func ulps(_ a: Double, _ b: Double) -> String {
        guard a.sign == b.sign else { return "many" }
        let distance = a.bitPattern > b.bitPattern ? a.bitPattern - b.bitPattern : b.bitPattern - a.bitPattern
        return String(distance)
    }
}

extension Array {
    /// The gate rules in order, each (operation, slot) pair only once, and the two inputs of an
    /// operation whose rule is the same for both (all but subtract and divide) only once.
    fileprivate func uniquedRules() -> [(ComputationGraph.Operation, Int)] where Element == (ComputationGraph.Operation, Int) {
        var seen: [(ComputationGraph.Operation, Int)] = []
        for (operation, slot) in self {
            let perSlot = operation == .subtract || operation == .divide
            if !seen.contains(where: { $0.0 == operation && (!perSlot || $0.1 == slot) }) { seen.append((operation, slot)) }
        }
        return seen
    }
}

extension Array where Element: Equatable {
    /// The elements in order, each only at its first appearance.
    fileprivate func uniqued() -> [Element] {
        var seen: [Element] = []
        for element in self where !seen.contains(element) { seen.append(element) }
        return seen
    }
}
