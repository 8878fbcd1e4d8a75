/// Where a computation first stopped being a number: an overflow to infinity or a NaN.
///
/// A NaN or infinity propagates through every later sum, so an explanation full of `nan` says
/// nothing; naming the first one found tells the user which weight or input to scale down.
public struct NonFinite: Sendable, Equatable {
    /// The quantity, e.g. `z_0^2` as a symbol.
    public let symbol: Symbol
    public let value: Double
    public let sample: Int
    public let layer: Int
    public let node: Int
}

extension Network {
    /// The first non-finite quantity of the forward and backward passes, searched sample by sample
    /// in the order the engine computes them: `z`, `a` and `g'(z)` layer by layer, the loss, then
    /// `∂C/∂a` from the output layer down, then every `∂C_s/∂w_jk^l` and `∂C_s/∂b_j^l` (a product of
    /// finite numbers can still overflow). `nil` when every number is finite.
    public func firstNonFinite() -> NonFinite? {
        let result = Engine().run(self)
        return firstNonFinite(gradients: result.gradients, allFinite: result.allFinite)
    }

    /// The same search, made cheap by the engine, which notes whether every number of its passes
    /// was finite: only when one was not, or a gradient is not, are the samples traced one by one
    /// to find where it began.
    public func firstNonFinite(gradients: Gradients, allFinite: Bool) -> NonFinite? {
        let finite = allFinite && gradients.loss.isFinite
            && gradients.layers.allSatisfy { $0.biases.allSatisfy(\.isFinite) && $0.weights.allSatisfy { $0.allSatisfy(\.isFinite) } }
        return finite ? nil : firstNonFinite(samples: samples.indices)
    }

    /// The search over the given samples only, tracing each (for commands that use only those).
    public func firstNonFinite(samples chosen: some Sequence<Int>) -> NonFinite? {
        for s in chosen {
            let t = trace(sample: s)
            for l in 1...depth {
                let layer = t.layer(l)
                for j in layer.z.indices {
                    for (symbol, value) in [(Symbol.z(layer: l, .number(j)), layer.z[j]), (.a(layer: l, .number(j)), layer.a[j]),
                                            (.gPrime(layer: l, .number(j)), layer.gPrime[j])] where !value.isFinite {
                        return NonFinite(symbol: symbol, value: value, sample: s, layer: l, node: j)
                    }
                }
            }
            for j in t.lossTerms.indices where !t.lossTerms[j].isFinite {
                return NonFinite(symbol: .loss(.sample(s)), value: t.lossTerms[j], sample: s, layer: depth, node: j)
            }
            for l in stride(from: depth, through: 1, by: -1) {
                for (j, value) in t.layer(l).dCda.enumerated() where !value.isFinite {
                    return NonFinite(symbol: .partial(.loss(.sample(s)), .a(layer: l, .number(j))), value: value,
                                     sample: s, layer: l, node: j)
                }
            }
            for l in stride(from: depth, through: 1, by: -1) {
                for j in 0..<size(ofLayer: l) {
                    let bias = t.biasGradient(layer: l, j: j)
                    if !bias.isFinite {
                        return NonFinite(symbol: .partial(.loss(.sample(s)), .b(layer: l, .number(j))), value: bias,
                                         sample: s, layer: l, node: j)
                    }
                    for k in 0..<size(ofLayer: l - 1) where !t.weightGradient(layer: l, j: j, k: k).isFinite {
                        return NonFinite(symbol: .partial(.loss(.sample(s)), .w(layer: l, .number(j), .number(k))),
                                         value: t.weightGradient(layer: l, j: j, k: k), sample: s, layer: l, node: j)
                    }
                }
            }
        }
        return nil
    }
}
