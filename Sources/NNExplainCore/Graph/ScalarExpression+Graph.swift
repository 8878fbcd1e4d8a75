extension ScalarExpression {
    /// The expression as a computational graph at `values`, after its backward pass: first one
    /// ``ComputationGraph/Label/name(_:)`` leaf per distinct name, in the order the names first
    /// appear (a name used twice is one leaf read by two gates: a fan-out, whose gradients add
    /// up); then one ``ComputationGraph/Label/constant`` leaf per distinct number (not
    /// differentiable; a minus written right before a number is part of it); then one node per
    /// operation, in the order they are computed. A run of `+` (`a + b + c`) is one ``ComputationGraph/Operation/add``
    /// of all its terms, summed in order, as left-associative additions would be.
    /// - Parameter values: a value for every name the expression uses, and for no other.
    /// - Throws: ``ExpressionError/missingValues(_:)``, ``ExpressionError/unusedValues(_:)``, or
    ///   ``ExpressionError/undefined(column:operation:inputs:failure:)`` for the first operation that is
    ///   undefined or not finite at these values.
    public func graph(values: [String: Double]) throws(ExpressionError) -> ComputationGraph {
        let names = self.names
        let missing = names.filter { values[$0] == nil }
        guard missing.isEmpty else { throw .missingValues(missing) }
        let unused = values.keys.filter { !names.contains($0) }.sorted()
        guard unused.isEmpty else { throw .unusedValues(unused) }
        var builder = Builder()
        for name in names {
            // Every name has a value: `missing` is empty.
            builder.leaves[name] = builder.graph.leaf(values[name] ?? 0, label: .name(name))
            builder.versions[name] = 1
        }
        for number in constants where builder.constants[number] == nil {
            builder.constants[number] = builder.graph.leaf(number, label: .constant, differentiable: false)
        }
        _ = try builder.node(self)
        builder.graph.backward()
        return builder.graph
    }

    /// The value of a number written here, with a minus right before it folded in (`-2`); nil for
    /// anything else.
    var constant: Double? {
        switch kind {
        case .number(let value): return value
        case .negate(let inner): if case .number(let value) = inner.kind { return -value } else { return nil }
        default: return nil
        }
    }

    /// The numbers the expression writes, in order, each as its constant leaf holds it.
    private var constants: [Double] {
        if let constant { return [constant] }
        switch kind {
        case .number, .name: return []
        case .negate(let a), .power(let a, _): return a.constants
        case .binary(_, let a, let b): return a.constants + b.constants
        case .call(_, let arguments): return arguments.flatMap { $0.constants }
        case .define(_, let value, let body): return value.constants + body.constants
        }
    }

    /// The terms of a run of `+`: `a + b + c` (left-associated) gives `[a, b, c]`.
    private var terms: [ScalarExpression] {
        guard case .binary(.add, let a, let b) = kind else { return [self] }
        return a.terms + [b]
    }

    /// The graph being built, with the leaves already made for names and numbers.
    private struct Builder {
        var graph = ComputationGraph()
        var leaves: [String: Int] = [:]
        var constants: [Double: Int] = [:]
        /// How many values each name has stood for so far: a name defined again is written with a
        /// prime for each earlier one, `c`, `c′`, `c″`.
        var versions: [String: Int] = [:]

        /// The id of the node computing `e`, adding the nodes it needs.
        mutating func node(_ e: ScalarExpression) throws(ExpressionError) -> Int {
            if let constant = e.constant, let id = constants[constant] { return id }
            switch e.kind {
            case .number: preconditionFailure("every number has its constant leaf")
            case .name(let name):
                guard let id = leaves[name] else { preconditionFailure("every name has its leaf") }
                return id
            case .negate(let a): return try apply(.negate, [a], at: e)
            case .power(let a, let p): return try apply(.power(p), [a], at: e)
            case .binary(.add, _, _): return try apply(.add, e.terms, at: e)
            case .binary(.subtract, let a, let b): return try apply(.subtract, [a, b], at: e)
            case .binary(.multiply, let a, let b): return try apply(.multiply, [a, b], at: e)
            case .binary(.divide, let a, let b): return try apply(.divide, [a, b], at: e)
            case .call(let function, let arguments): return try apply(function.operation, arguments, at: e)
            case .define(let name, let value, let body):
                let id = try node(value)
                let version = versions[name, default: 0] + 1
                versions[name] = version
                if graph.nodes[id].label == .intermediate { graph.relabel(id, as: .name(name + ScalarExpression.primes(version - 1))) }
                leaves[name] = id
                return try node(body)
            }
        }

        /// Adds `operation` on the nodes of `operands`; a failure names `e`'s column and the inputs.
        private mutating func apply(_ operation: ComputationGraph.Operation, _ operands: [ScalarExpression], at e: ScalarExpression) throws(ExpressionError) -> Int {
            var inputs: [Int] = []
            for operand in operands { inputs.append(try node(operand)) }
            do throws(ComputationGraph.Failure) {
                return try graph.append(operation, inputs: inputs)
            } catch {
                throw .undefined(column: e.column, operation: operation, inputs: inputs.map { graph.nodes[$0].value }, failure: error)
            }
        }
    }
}

extension ScalarExpression {
    /// `′`, `″`, `‴` for a name's second, third and fourth values, then `‴′` and on.
    static func primes(_ count: Int) -> String {
        String(repeating: "‴", count: count / 3) + ["", "′", "″"][count % 3]
    }
}

extension ScalarExpression.Function {
    /// The graph's operation computing the function.
    public var operation: ComputationGraph.Operation {
        switch self {
        case .exp: return .exp
        case .log: return .log
        case .tanh: return .activation(.tanh)
        case .sigmoid: return .activation(.sigmoid)
        case .relu: return .activation(.relu)
        case .max: return .max
        case .min: return .min
        }
    }
}
