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
        case .activation(let g): return [.function(g.rawValue, [.bracketed(x[0], .plain)])]
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

    /// The gate's rule for passing the gradient down to its input `slot`, in words (docs/notation.md):
    /// the same for every input but of subtract and divide, whose two inputs get different shares.
    package static func rule(_ operation: Operation, slot: Int) -> String {
        switch (operation, slot) {
        case (.subtract, 0): return "subtract copies the upstream gradient to its first input"
        case (.subtract, _): return "subtract passes the negative of the upstream gradient to its second input"
        case (.divide, 0): return "divide gives its numerator the upstream gradient over the denominator"
        case (.divide, _): return "divide gives its denominator minus the upstream gradient times the numerator over the denominator's square"
        default: return rule(operation)
        }
    }

    /// The gate's rule for passing the gradient down, in words (docs/notation.md).
    package static func rule(_ operation: Operation) -> String {
        switch operation {
        case .leaf: return "a given number: nothing to pass on"
        case .add: return "add copies the upstream gradient to every input (each local gradient is 1)"
        case .subtract: return "subtract copies the upstream gradient to its first input and its negative to the second"
        case .multiply: return "multiply gives each input the upstream gradient times the other input"
        case .divide: return "divide gives the numerator the upstream gradient over the denominator, and the denominator minus the upstream gradient times the numerator over its square"
        case .negate: return "negate passes the upstream gradient on with its sign flipped"
        case .power(let p):
            return p == 2 ? "square multiplies the upstream gradient by twice its input"
                : "a power p multiplies the upstream gradient by p times the input to the power p − 1"
        case .exp: return "exp multiplies the upstream gradient by its own output, e^a"
        case .log: return "ln multiplies the upstream gradient by 1 over its input"
        case .activation(let g):
            switch g {
            case .sigmoid: return "sigmoid multiplies the upstream gradient by σ(1 − σ), from its own output"
            case .tanh: return "tanh multiplies the upstream gradient by 1 − tanh², from its own output"
            case .relu: return "relu routes the upstream gradient through where its input is positive and blocks it elsewhere (slope 0 at 0)"
            case .leakyRelu: return "leaky relu passes the upstream gradient through where its input is positive, and \(NumberText.prose(Activation.leakySlope)) of it elsewhere"
            case .identity: return "identity passes the upstream gradient on unchanged"
            case .softmax: return "softmax"
            }
        case .max: return "max routes the upstream gradient to the larger input (half to each at a tie)"
        case .min: return "min routes the upstream gradient to the smaller input (half to each at a tie)"
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
        case .subtract: return [.integer(slot == 0 ? 1 : -1)]
        case .multiply: return x[1 - slot]
        case .divide:
            return slot == 0 ? [.fraction([.integer(1)], x[1])]
                : [.op(.negative), .fraction(x[0], [.squared(x[1])])]
        case .negate: return [.integer(-1)]
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
