#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How each quantity is computed from others in one step of a hand calculation, so that a
/// question's answer can be worked out again from a student's own earlier answers (follow-through
/// marking) and the questions a question depends on can be read off the sheet.
extension Quantity {
    /// The quantities this one is computed from in one step: `z` from the activations below it
    /// (layer 1's from the inputs, which are given), `a` from its `z`, the loss and an output's
    /// `∂C/∂a` from the outputs, a hidden `∂C/∂a` from the `∂C/∂a` and slopes of the layer above,
    /// a slope from its `z` and `a`, a weight's gradient from its three terms, the new weight from
    /// the gradient. Weights, biases, inputs and targets are given, not computed.
    package func inputs(in network: Network) -> [Quantity] {
        let L = network.depth
        switch self {
        case .z(let l, _): return l == 1 ? [] : (0..<network.size(ofLayer: l - 1)).map { .a(layer: l - 1, j: $0) }
        case .a(let l, let j): return l == 0 ? [] : [.z(layer: l, j: j)]
        case .loss: return (0..<network.size(ofLayer: L)).map { .a(layer: L, j: $0) }
        case .dCda(let l, let j) where l == L: return [.a(layer: L, j: j)]
        case .dCda(let l, _): return (0..<network.size(ofLayer: l + 1)).flatMap { [Quantity.dCda(layer: l + 1, j: $0), .gPrime(layer: l + 1, j: $0)] }
        case .gPrime(let l, let j): return [.z(layer: l, j: j), .a(layer: l, j: j)]
        case .weightGradient(let l, let j, let k): return [.dCda(layer: l, j: j), .gPrime(layer: l, j: j), .a(layer: l - 1, j: k)]
        case .updatedWeight(let l, let j, let k): return [.weightGradient(layer: l, j: j, k: k)]
        }
    }

    /// The value worked out by hand with the ``inputs(in:)`` rule, taking the value in `given` for
    /// every quantity it holds (a student's own answers) and the trace's for the rest: with nothing
    /// given, the value of ``value(in:trace:)``.
    ///
    /// - Parameters:
    ///   - network: the sheet's network, whose weights, biases, learning rate and loss are given.
    ///   - t: its trace of the sample.
    ///   - given: values to use in place of the right ones, by quantity.
    package func value(in network: Network, trace t: Trace, given: [Quantity: Double]) -> Double {
        if let value = given[self] { return value }
        guard !given.isEmpty else { return value(in: network, trace: t) }
        func v(_ q: Quantity) -> Double { q.value(in: network, trace: t, given: given) }
        let L = network.depth
        switch self {
        case .z(let l, let j):
            let w = network.layer(l).weights[j]
            return w.indices.reduce(0.0) { $0 + w[$1] * v(.a(layer: l - 1, j: $1)) } + network.layer(l).bias(j)
        case .a(let l, let j):
            return l == 0 ? t.input[j] : network.layer(l).activation.value(v(.z(layer: l, j: j)))
        case .loss:
            return t.target.indices.reduce(0.0) { $0 + network.loss.handTerm(a: v(.a(layer: L, j: $1)), y: t.target[$1]) }
        case .dCda(let l, let j) where l == L:
            return network.loss.derivative(a: v(.a(layer: L, j: j)), y: t.target[j])
        case .dCda(let l, let j):
            let above = network.layer(l + 1).weights
            return above.indices.reduce(0.0) { $0 + v(.dCda(layer: l + 1, j: $1)) * v(.gPrime(layer: l + 1, j: $1)) * above[$1][j] }
        case .gPrime(let l, let j):
            return network.layer(l).activation.derivative(z: v(.z(layer: l, j: j)), a: v(.a(layer: l, j: j)))
        case .weightGradient(let l, let j, let k):
            return v(.dCda(layer: l, j: j)) * v(.gPrime(layer: l, j: j)) * v(.a(layer: l - 1, j: k))
        case .updatedWeight(let l, let j, let k):
            return network.layer(l).weights[j][k] - network.learningRate * v(.weightGradient(layer: l, j: j, k: k))
        }
    }
}

extension Loss {
    /// One output node's share of the loss as a student works it out by hand, from `a` itself (the
    /// logarithms of the cross-entropies taken of `a`, not from `z` in the engine's stable form).
    func handTerm(a: Double, y: Double) -> Double {
        term(a: a, y: y, logA: log(a), logOneMinusA: log1p(-a), oneMinusA: 1 - a)
    }
}

extension Exercise {
    /// The earlier questions whose answers `question`'s answer is computed from, in sheet order:
    /// those reached from its ``Quantity/inputs(in:)``, step by step, without going past an asked
    /// quantity (a student computes from the answer written there). On the default sheet: 2 from
    /// 1, 7 from 4, 5 and 6, 9 from 7, 8 from 4 and 5 (and from 1, 2 or 6 where it reaches them).
    ///
    /// - Parameter question: one of the sheet's questions.
    /// - Returns: the questions before it that it depends on; none for the first.
    public func dependencies(of question: Question) -> [Question] {
        let earlier = questions.prefix { $0.id != question.id }
        var stack = question.quantity.inputs(in: network), seen: Set<Quantity> = [], reached: Set<Quantity> = []
        while let q = stack.popLast() {
            guard seen.insert(q).inserted else { continue }
            if earlier.contains(where: { $0.quantity == q }) { reached.insert(q); continue }
            stack += q.inputs(in: network)
        }
        return earlier.filter { reached.contains($0.quantity) }
    }
}
