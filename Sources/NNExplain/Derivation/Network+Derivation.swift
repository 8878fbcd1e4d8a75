extension Network {
    /// Explains `∂C_s/∂w_jk^l` for one sample, reading every number from that sample's trace.
    ///
    /// - Parameters: `l` in `1…L`, `j` a node of layer `l`, `k` of layer `l-1`, `s` a sample.
    /// - Throws: ``NetworkError`` for a network that is not well formed (``Network/requireWellFormed()``),
    ///   or an index that is none of the network's.
    public func derivation(layer l: Int, j: Int, k: Int, sample s: Int) throws(NetworkError) -> Derivation {
        try requireWellFormed(sample: s)
        try requireWeight(layer: l, j: j, k: k)
        return derivation(layer: l, j: j, k: k, trace: uncheckedTrace(sample: s))
    }

    /// The same from a trace at hand; without `traceBack` only the first sum over layer `l+1` is
    /// kept, not the sums of the layers above it (the walk has shown those already); with `average`
    /// for ``averagedDerivation(layer:j:k:)``.
    func derivation(layer l: Int, j: Int, k: Int, trace t: Trace, traceBack: Bool = true,
                    average: Derivation.Average? = nil) -> Derivation {
        let s = t.sample
        let layerTrace = t.layer(l)
        let activation = layers[l - 1].activation
        return Derivation(
            layer: l, j: j, k: k, depth: depth, loss: loss, sample: s,
            hasBias: layers[l - 1].biases != nil,
            first: firstTerm(t, layer: l, node: j, traceBack: traceBack),
            slope: Derivation.ActivationSlope(
                activation: activation, z: layerTrace.z[j], a: layerTrace.a[j],
                substitution: activation.substitution(z: layerTrace.z[j], a: layerTrace.a[j]),
                value: layerTrace.gPrime[j]),
            input: t.activations(ofLayer: l - 1)[k],
            value: t.weightGradient(layer: l, j: j, k: k),
            average: average,
            outputDeltas: outputRule == .chain ? [] : (0..<size(ofLayer: depth)).map { outputDelta(t, node: $0) },
            kinks: (average.map { $0.samples.map { uncheckedTrace(sample: $0.sample) } } ?? [t]).flatMap { kinks($0, layer: l, node: j) })
    }

    /// The nodes of one sample's trace on the path of a gradient into node `j` of layer `l` that sit
    /// on a kink: that node, and every node of the layers above.
    private func kinks(_ t: Trace, layer l: Int, node j: Int) -> [Derivation.Kink] {
        (l...depth).flatMap { upper in
            (upper == l ? [j] : Array(0..<size(ofLayer: upper))).compactMap { i in
                Derivation.isKink(layers[upper - 1].activation, z: t.layer(upper).z[i])
                    ? Derivation.Kink(sample: t.sample, layer: upper, node: i) : nil
            }
        }
    }

    /// Explains `∂C/∂w_jk^l` averaged over all samples: sample ``Derivation/sampleInFull`` in full,
    /// then every sample's product and their mean (``averagedGradient(layer:j:k:batch:)``). With a
    /// `batch` (distinct indices of samples), `∂C_B/∂w_jk^l` over its samples, the first in full.
    ///
    /// - Parameters:
    ///   - l: the weight's layer, `1…L`.
    ///   - j: its node in layer `l`.
    ///   - k: its node in layer `l-1`.
    ///   - batch: distinct sample indices, at least one; nil for all samples.
    /// - Returns: the derivation; its ``Derivation/document`` explains it, ``Derivation/explainedValue`` is the mean.
    /// - Throws: ``NetworkError`` for a network that is not well formed, a weight that is none of
    ///   its, or (``NetworkError/batch(_:)``) a `batch` that is no batch of it.
    public func averagedDerivation(layer l: Int, j: Int, k: Int, batch: [Int]? = nil) throws(NetworkError) -> Derivation {
        try requireWellFormed()
        try requireWeight(layer: l, j: j, k: k)
        if let batch { do throws(BatchError) { try requireBatch(batch) } catch { throw .batch(error) } }
        return averaged(layer: l, j: j, k: k, batch: batch)
    }

    /// ``averagedDerivation(layer:j:k:batch:)`` of a well-formed network, a weight and a batch known to be its.
    func averaged(layer l: Int, j: Int, k: Int, batch: [Int]? = nil) -> Derivation {
        derivation(layer: l, j: j, k: k, trace: uncheckedTrace(sample: batch?.first ?? Derivation.sampleInFull),
                   average: averagedGradient(layer: l, j: j, k: k, batch: batch))
    }

    /// `∂C/∂w_jk^l = (1/N) Σ_s ∂C_s/∂w_jk^l`: every sample's three terms and product, and the mean
    /// `(Σ_s ∂C_s/∂w_jk^l) / N`, summed in the engine's order and divided as the engine divides
    /// (``meanOverSamples(_:)``), so it is finite whenever every product is, even if their sum is not.
    /// With a `batch`, `∂C_B/∂w_jk^l` the same way over its samples in the order given (as the engine
    /// sums the samples of ``Network/batch(_:)``), and the full-batch mean beside it.
    func averagedGradient(layer l: Int, j: Int, k: Int, batch: [Int]? = nil) -> Derivation.Average {
        let throughDelta = l == depth && outputRule != .chain
        let full = products(layer: l, j: j, k: k, throughDelta: throughDelta)
        let fullValue = Network.meanOverSamples(full.map { $0.value })
        guard let batch else {
            return Derivation.Average(samples: full, throughDelta: throughDelta, value: fullValue, batch: nil)
        }
        let chosen = batch.map { full[$0] }
        return Derivation.Average(samples: chosen, throughDelta: throughDelta, value: Network.meanOverSamples(chosen.map { $0.value }),
                                  batch: Derivation.Batch(sampleCount: samples.count, fullValue: fullValue))
    }

    /// Every sample's product `∂C_s/∂w_jk^l` with its factors, in order of `s`: `∂C_s/∂z_j^L · a_k^(L-1)`
    /// when `throughDelta`, else `∂C_s/∂a_j^l · g_l'(z_j^l) · a_k^(l-1)`.
    private func products(layer l: Int, j: Int, k: Int, throughDelta: Bool) -> [Derivation.SampleProduct] {
        samples.indices.map { s in
            let t = uncheckedTrace(sample: s)
            let input = t.activations(ofLayer: l - 1)[k]
            let factors = throughDelta ? [t.delta(layer: l, j: j), input]
                : [t.layer(l).dCda[j], t.layer(l).gPrime[j], input]
            return Derivation.SampleProduct(sample: s, factors: factors, value: t.weightGradient(layer: l, j: j, k: k))
        }
    }

    /// Term 1 of `∂C_s/∂w_jk^l`: `∂C_s/∂a_j^l`, with everything it depends on.
    private func firstTerm(_ t: Trace, layer l: Int, node j: Int, traceBack withTraceBack: Bool) -> Derivation.FirstTerm {
        let outputs = t.layer(depth).a.indices.map { i in
            Derivation.OutputGradient(
                node: i, a: t.layer(depth).a[i], y: t.target[i], oneMinusA: outputComplement(t, node: i), value: t.layer(depth).dCda[i])
        }
        guard l < depth else { return outputRule == .chain ? .output(outputs[j]) : .outputDelta(outputDelta(t, node: j)) }
        let sum = nodeSum(t, layer: l, node: j, letter: summationLetter(0))
        var traceBack: [[Derivation.NodeSum]] = []
        for upper in (l + 1)..<depth where withTraceBack {
            let letter = summationLetter(upper - l)
            traceBack.append((0..<size(ofLayer: upper)).map { nodeSum(t, layer: upper, node: $0, letter: letter) })
        }
        return .hidden(sum: sum, traceBack: traceBack, outputs: outputs)
    }

    /// `∂C_s/∂a_k^l = Σ_i ∂C_s/∂a_i^(l+1) · g_(l+1)'(z_i^(l+1)) · w_ik^(l+1)` with its summands, or
    /// `Σ_i ∂C_s/∂z_i^L · w_ik^L` below an output layer that is not the article's chain.
    private func nodeSum(_ t: Trace, layer l: Int, node k: Int, letter: String) -> Derivation.NodeSum {
        let upper = t.layer(l + 1)
        let throughDelta = l + 1 == depth && outputRule != .chain
        let summands = upper.a.indices.map { i in
            let weight = layers[l].weights[i][k]
            return Derivation.Summand(
                i: i, factors: throughDelta ? [upper.delta[i], weight] : [upper.dCda[i], upper.gPrime[i], weight],
                value: t.summand(self, layer: l + 1, i: i, k: k))
        }
        return Derivation.NodeSum(
            layer: l, node: k, index: letter, summands: summands, throughDelta: throughDelta, value: t.layer(l).dCda[k])
    }

    /// `∂C_s/∂z_j^L` of output node `j` with every number its explanation shows: the Jacobian
    /// summands for softmax (each by the function the backward pass uses), `Σ_i y_i`, and the value.
    private func outputDelta(_ t: Trace, node j: Int) -> Derivation.OutputDelta {
        let out = t.layer(depth)
        let jacobian: [Derivation.JacobianTerm] = layers[depth - 1].activation != .softmax ? [] : out.a.indices.map { i in
            let entry = out.a.withUnsafeBufferPointer { a in
                out.gPrime.withUnsafeBufferPointer { Backpropagation.jacobianEntry(i: i, j: j, a: a.baseAddress!, gPrime: $0.baseAddress!) }
            }
            return Derivation.JacobianTerm(i: i, dCda: out.dCda[i], a: out.a[i], entry: entry, value: out.dCda[i] * entry)
        }
        let targetSum = t.target.withUnsafeBufferPointer { OutputLayer.targetSum($0.baseAddress!, count: $0.count) }
        return Derivation.OutputDelta(
            rule: outputRule, node: j, a: out.a[j], y: t.target[j], dCda: out.dCda[j],
            oneMinusA: outputComplement(t, node: j), gPrime: out.gPrime[j],
            targetSum: targetSum, targetsSumExactlyToOne: Derivation.sumsExactlyToOne(t.target), jacobian: jacobian, value: out.delta[j])
    }

    /// `1 − a_j^L` of output node `j` as the pass takes it.
    private func outputComplement(_ t: Trace, node j: Int) -> Double {
        let out = t.layer(depth)
        return out.z.withUnsafeBufferPointer { z in
            out.a.withUnsafeBufferPointer {
                OutputLayer.complement(activation: layers[depth - 1].activation, z: z.baseAddress!, a: $0.baseAddress!, count: $0.count, j: j)
            }
        }
    }
}

extension Derivation {
    /// The value of term 1, `∂C_s/∂a_j^l`.
    package var firstValue: Double {
        switch first {
        case .output(let gradient): return gradient.value
        case .hidden(let sum, _, _): return sum.value
        case .outputDelta(let delta): return delta.value
        }
    }

    /// The numbers the chain rule multiplies: `∂C_s/∂a · g'(z) · a_k`, or `∂C_s/∂z_j^L · a_k`.
    package var factors: [Double] {
        if case .outputDelta(let delta) = first { return [delta.value, input] }
        return [firstValue, slope.value, input]
    }

    /// The value being explained: the average with `--average`, otherwise the one sample's gradient.
    public var explainedValue: Double { average?.value ?? value }
}
