/// How a graph's nodes and operations are written: one place for every format (the explanation,
/// the pictures, JSON), so a node is called the same everywhere.
extension ComputationGraph {
    /// The name of node `id`: its quantity (`w_12^2`, `z_1^2`, `C_0`), its name in an expression
    /// (`w`), its value for a constant (`2`), or `n_id` for a step between named values.
    package func name(_ id: Int) -> Math {
        switch nodes[id].label {
        case .quantity(let symbol): return .of(symbol)
        case .name(let name): return [.variable(name)]
        case .constant: return [.number(nodes[id].value)]
        case .intermediate: return [.variable("n", sub: "\(id)")]
        }
    }

    /// What node `id` computes from its inputs' names: `n_3 · w`, `z_1^2 + b`, `e^(z_1)`, `ln n_4`,
    /// `σ(z_1^1)`, `max(a, b)`; a leaf is its own name.
    package func formula(_ id: Int) -> Math {
        let node = nodes[id], x = node.inputs.map { name($0) }
        switch node.operation {
        case .leaf: return name(id)
        case .add: return Math.joined(x, by: .plus)
        case .subtract: return Math.joined(x, by: .minus)
        case .multiply: return Math.joined(x, by: .times)
        case .divide: return Math.joined(x, by: .divided)
        case .negate: return [.op(.negative)] + x[0].asOperand
        case .power(let p): return p == 2 ? [.squared(x[0])] : Self.power(x[0], p)
        case .exp: return [.exponential(x[0])]
        case .log: return [.function("ln", x[0])]
        case .activation(let g): return [.word(g.rawValue), .bracketed(x[0], .plain)]
        case .max, .min:
            return [.function(node.operation == .max ? "max" : "min", [.bracketed(Math.joined(x, by: .comma), .plain)])]
        }
    }

    /// `n_3^p`: a node's name (a letter with scripts, or a number) to the power `p`, the exponent
    /// as a superscript of the letter; a negative number in parentheses.
    static func power(_ base: Math, _ p: Double) -> Math {
        if base.pieces.count == 1, case .variable(let letter, let sub, "") = base.pieces[0] {
            return [.variable(letter, sub: sub, sup: NumberText.prose(p))]
        }
        return base.asOperand + [.word("^"), .number(p)]
    }

    /// The operation's short name, as JSON and the pictures write it: `+`, `-`, `*`, `/`, `neg`,
    /// `^2`, `exp`, `log`, `sigmoid`, `max`; `leaf` for a given number.
    package static func operationName(_ operation: Operation) -> String {
        switch operation {
        case .leaf: return "leaf"
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .negate: return "neg"
        case .power(let p): return "^" + NumberText.prose(p)
        case .exp: return "exp"
        case .log: return "log"
        case .activation(let g): return g.rawValue
        case .max: return "max"
        case .min: return "min"
        }
    }

    /// The gate's rule for passing the gradient down to its input `slot`, as a sentence: the same
    /// for every input but of subtract and divide, whose two inputs get different shares.
    package static func rule(_ operation: Operation, slot: Int) -> [Document.Inline] {
        let a: Math.Piece = .variable("u"), b: Math.Piece = .variable("v"), c: Math.Piece = .variable("o")
        let quotient = m([c, .op(.equals), a, .op(.divided), b])
        switch (operation, slot) {
        case (.subtract, 0): return ["Subtract copies the upstream gradient to its first input."]
        case (.subtract, _): return ["Subtract passes the negative of the upstream gradient to its second input."]
        case (.divide, 0):
            return ["Divide ", quotient, " gives its numerator ", m([a]), " the upstream gradient times ", m([.fraction([.integer(1)], [b])]), "."]
        case (.divide, _):
            return ["Divide ", quotient, " gives its denominator ", m([b]), " the upstream gradient times ",
                    m([.op(.negative), .fraction([a], [.squared([b])])]), "."]
        default: return rule(operation)
        }
    }

    /// The gate's rule for passing the gradient down, as a sentence (docs/notation.md), with `o` for
    /// the gate's output and `u` (and `v`) for its inputs: letters an expression's names rarely take.
    package static func rule(_ operation: Operation) -> [Document.Inline] {
        let a: Math.Piece = .variable("u"), b: Math.Piece = .variable("v"), c: Math.Piece = .variable("o")
        switch operation {
        case .leaf: return ["A given number has no inputs to pass its gradient to."]
        case .add: return ["Add copies the upstream gradient to every input (each local gradient is 1)."]
        case .subtract: return ["Subtract copies the upstream gradient to its first input and its negative to the second."]
        case .multiply: return ["Multiply gives each input the upstream gradient times the other input."]
        case .divide:
            return ["Divide ", m([c, .op(.equals), a, .op(.divided), b]), " gives ", m([a]), " the upstream gradient times ",
                    m([.fraction([.integer(1)], [b])]), ", and ", m([b]), " the upstream gradient times ",
                    m([.op(.negative), .fraction([a], [.squared([b])])]), "."]
        case .negate: return ["Negate passes the upstream gradient on with its sign flipped."]
        case .power(let p):
            if p == 2 { return ["Square multiplies the upstream gradient by twice its input, ", m([.integer(2), .op(.juxtaposed), a]), "."] }
            return ["The power ", m(power([a], p)), " multiplies the upstream gradient by ",
                    m([.number(p), .op(.juxtaposed)] + power([a], p - 1)), "."]
        case .exp: return ["Exp multiplies the upstream gradient by its own output, ", m([c, .op(.equals), .exponential([a])]), "."]
        case .log: return ["Ln multiplies the upstream gradient by ", m([.fraction([.integer(1)], [a])]), ", one over its input."]
        case .activation(let g):
            switch g {
            case .sigmoid:
                return ["Sigmoid multiplies the upstream gradient by ", m([c, .op(.juxtaposed), .bracketed([.integer(1), .op(.minus), c], .plain)]),
                        ", from its own output ", m([c]), "."]
            case .tanh:
                return ["Tanh multiplies the upstream gradient by ", m([.integer(1), .op(.minus), .squared([c])]), ", from its own output ", m([c]), "."]
            case .relu: return ["Relu routes the upstream gradient through where its input is positive and blocks it elsewhere (slope 0 at 0, as the network's relu)."]
            case .leakyRelu:
                return ["Leaky relu passes the upstream gradient through where its input is positive, and ", m([.number(Activation.leakySlope)]), " of it elsewhere."]
            case .identity: return ["Identity passes the upstream gradient on unchanged."]
            case .softmax: return ["Softmax's gates are its exponentials, their sum and a division each."]
            }
        case .max: return ["Max routes the upstream gradient to the larger input (half to each at a tie)."]
        case .min: return ["Min routes the upstream gradient to the smaller input (half to each at a tie)."]
        }
    }
}

extension ComputationGraph {
    /// The local gradient `∂user/∂input` of input `slot` of node `user`, as a formula of names:
    /// `1` for add, the other input for multiply, `n(1 − n)` for the sigmoid from its own output,
    /// `1/a` for ln, `2a` for a square; routing gates (relu, max, min, leaky relu) as the number
    /// they chose.
    package func localFormula(_ user: Int, slot: Int) -> Math {
        let node = nodes[user], x = node.inputs.map { name($0) }, out = name(user)
        switch node.operation {
        case .leaf: return [.integer(0)]
        case .add: return [.integer(1)]
        case .subtract: return [.number(slot == 0 ? 1 : -1)]
        case .multiply: return x[1 - slot]
        case .divide:
            return slot == 0 ? [.fraction([.integer(1)], x[1])]
                : [.op(.negative), .fraction(x[0], [.squared(x[1])])]
        case .negate: return [.number(-1)]
        case .power(let p):
            return p == 2 ? [.integer(2), .op(.juxtaposed)] + x[0]
                : [.number(p), .op(.juxtaposed)] + (p - 1 == 1 ? x[0] : Self.power(x[0], p - 1))
        case .exp: return out
        case .log: return [.fraction([.integer(1)], x[0])]
        case .activation(let g):
            switch g {
            case .sigmoid: return out + [.op(.juxtaposed), .bracketed([.integer(1), .op(.minus)] + out, .plain)]
            case .tanh: return [.integer(1), .op(.minus), .squared(out)]
            case .identity: return [.integer(1)]
            case .relu, .leakyRelu, .softmax: return [.number(node.locals[slot])]
            }
        case .max, .min: return [.number(node.locals[slot])]
        }
    }
}
