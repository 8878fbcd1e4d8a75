/// A computation as a graph of scalar operations, with its own small reverse-mode engine
/// (micrograd's idea): every node holds its operation, the nodes it reads, its forward value, its
/// local gradients `∂node/∂input` beside that value, and after ``backward()`` its gradient
/// `∂output/∂node`.
///
/// Nodes are kept in the order they were made, each reading only earlier ones, so that order is a
/// topological order and its reverse is the order of the backward pass. A node's gradient is the sum,
/// over the nodes that use it (in the order they were made), of their gradient times their local
/// gradient by it; where a value fans out to several nodes, those contributions add up.
///
/// A graph is built by ``Network/graph(sample:)`` for one sample's loss, or from an expression
/// (``ScalarExpression/graph(values:)``), through ``append(_:inputs:label:)``.
public struct ComputationGraph: Sendable, Equatable {
    /// The nodes, each reading only nodes before it; the last one is the output.
    public private(set) var nodes: [Node] = []

    /// An empty graph; nodes are added by ``leaf(_:label:differentiable:)`` and ``append(_:inputs:label:)``.
    public init() {}

    /// One value of the computation.
    public struct Node: Sendable, Equatable {
        /// What computes the value (``Operation/leaf`` for a given number).
        public let operation: Operation
        /// The ids (indices in ``ComputationGraph/nodes``) of the nodes the operation reads, in order.
        public let inputs: [Int]
        /// The forward value.
        public let value: Double
        /// `∂value/∂inputs[i]` at the forward values, one per input.
        public let locals: [Double]
        /// What the value stands for, for the explanation to name it.
        public internal(set) var label: Label
        /// Whether the backward pass asks for this leaf's gradient: a weight, a bias, an input or a
        /// name of an expression, not a target or a constant.
        public let differentiable: Bool
        /// `∂output/∂value`, set by ``ComputationGraph/backward()``; 0 before.
        public internal(set) var gradient: Double = 0
    }

    /// What a node stands for.
    public enum Label: Sendable, Equatable {
        /// A quantity of the network: `w_jk^l`, `z_j^l`, `a_j^l`, `C_0`, `x_k`, `y_j`, `b_j^l`.
        case quantity(Symbol)
        /// A name of an expression, `w`, `x`.
        case name(String)
        /// A number written in the expression or the loss's formula, `2`, `1`.
        case constant
        /// A step between named values (a product `w · a`, an exponential, a square), named by its id.
        case intermediate
    }

    /// Why a node cannot be computed: the operation, the id of the node it would have been, and
    /// what went wrong.
    public enum Failure: Error, Equatable, Sendable {
        /// `ln` of a number that is not positive.
        case logarithmOfNonPositive(node: Int, argument: Double)
        /// A division by zero.
        case divisionByZero(node: Int)
        /// A power of a negative number to an exponent that is not a whole number.
        case powerOfNegative(node: Int, base: Double, exponent: Double)
        /// A value or a local gradient beyond the largest double (or NaN).
        case notFinite(node: Int, operation: Operation)
    }

    /// The output, the last node.
    public var output: Int { nodes.count - 1 }

    /// Adds a given number: a weight, an input, a target, a name's value or a constant.
    /// - Parameters:
    ///   - value: the number.
    ///   - label: what it stands for.
    ///   - differentiable: whether its gradient is asked for (false for targets and constants).
    /// - Returns: the new node's id.
    @discardableResult
    public mutating func leaf(_ value: Double, label: Label, differentiable: Bool = true) -> Int {
        nodes.append(Node(operation: .leaf, inputs: [], value: value, locals: [], label: label, differentiable: differentiable))
        return nodes.count - 1
    }

    /// Adds the operation on earlier nodes, computing its value and local gradients
    /// (``Operation/evaluate(_:)``).
    /// - Parameters:
    ///   - operation: what to compute; not ``Operation/leaf``.
    ///   - inputs: ids of earlier nodes, as many as the operation reads.
    ///   - label: what the result stands for.
    /// - Returns: the new node's id.
    /// - Throws: ``Failure`` where the operation is undefined at its inputs or its result is not finite.
    @discardableResult
    public mutating func append(_ operation: Operation, inputs: [Int], label: Label = .intermediate) throws(Failure) -> Int {
        let id = nodes.count
        let (value, locals) = try operation.evaluate(inputs.map { nodes[$0].value }, node: id)
        guard value.isFinite, locals.allSatisfy({ $0.isFinite }) else { throw .notFinite(node: id, operation: operation) }
        nodes.append(Node(operation: operation, inputs: inputs, value: value, locals: locals, label: label, differentiable: true))
        return id
    }

    /// The sum of `terms` as a new node; a single term is itself, not a sum of one (the loss of one
    /// output is its one term).
    mutating func sum(_ terms: [Int]) throws(Failure) -> Int {
        terms.count == 1 ? terms[0] : try append(.add, inputs: terms)
    }

    /// Names node `id` after the fact: an expression's definition `c = a + b` names the node of `a + b`,
    /// and the loss names its last sum (or its one term) `C_s`.
    mutating func relabel(_ id: Int, as label: Label) { nodes[id].label = label }

    /// The uses of every node: `uses[n]` lists `(user, slot)` with `nodes[user].inputs[slot] == n`,
    /// in the order the users were made.
    public var uses: [[(user: Int, slot: Int)]] {
        var uses = [[(user: Int, slot: Int)]](repeating: [], count: nodes.count)
        for (user, node) in nodes.enumerated() {
            for (slot, input) in node.inputs.enumerated() { uses[input].append((user, slot)) }
        }
        return uses
    }

    /// The backward pass: the output's gradient is 1; then, from the last node to the first, each
    /// node's gradient is `Σ_(users) ∂output/∂user · ∂user/∂node`, summed in the order the users were made.
    public mutating func backward() {
        let uses = self.uses
        for n in nodes.indices.reversed() {
            guard n != output else { nodes[n].gradient = 1; continue }
            var gradient = 0.0
            for use in uses[n] { gradient += nodes[use.user].gradient * nodes[use.user].locals[use.slot] }
            nodes[n].gradient = gradient
        }
    }

    /// The ids of the nodes on the paths from `node` to the output, in order: `node` and every node
    /// that reads it, directly or through others, and is read on the way to the output (a node
    /// nothing uses, such as an output whose loss term is left out, is on no path).
    public func paths(from node: Int) -> [Int] {
        var reached = [Bool](repeating: false, count: nodes.count)
        reached[node] = true
        for n in (node + 1)..<nodes.count where nodes[n].inputs.contains(where: { reached[$0] }) { reached[n] = true }
        var needed = [Bool](repeating: false, count: nodes.count)
        needed[output] = true
        for n in nodes.indices.reversed() where needed[n] {
            for input in nodes[n].inputs { needed[input] = true }
        }
        return nodes.indices.filter { reached[$0] && needed[$0] }
    }
}
