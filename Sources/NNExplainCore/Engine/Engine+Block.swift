/// One layer's weights in the two layouts the batched loops need, both packed for the kernel
/// (``Kernels/pack(_:inner:columns:into:)``) in a ``PackedWeights``: `w` is the `n × m` matrix of
/// `w_jk^l` (for the backward pass to the layer below; nothing for layer 1, below which are only the
/// inputs), `wT` its `m × n` transpose (for the forward pass).
struct PreparedLayer {
    let n: Int
    let m: Int
    let w: UnsafePointer<Double>
    let wT: UnsafePointer<Double>
    let biases: [Double]?
    let activation: Activation
    /// Where this layer's `Σ_s ∂C_s/∂w_jk^l` (`n · m` numbers, at `[j * m + k]`) and then its
    /// `Σ_s ∂C_s/∂b_j^l` (`n` numbers) start in a block's gradient buffer.
    let offset: Int
}

/// A network laid out for the batched loops. Its packed weights are written once, by `init`, and
/// only read while the blocks run on their threads.
struct PreparedNetwork: @unchecked Sendable {
    let layers: [PreparedLayer]
    let loss: Loss
    let outputRule: OutputRule
    let inputs: Int
    let samples: [Sample]
    /// Numbers in one gradient buffer: every weight and bias of every layer.
    let parameters: Int
    /// The memory of the packed weights, kept alive as long as the layers point into it.
    private let storage: PackedWeights

    /// `network`'s weights packed into `storage`, laid out for a network of its layer sizes.
    init(_ network: Network, packedInto storage: PackedWeights) {
        var offset = 0
        layers = network.layers.enumerated().map { index, layer in
            let n = layer.size, m = layer.weights.first?.count ?? 0
            let w = storage.w[index], wT = storage.wT[index]
            // Packed straight from the rows: w_jk^l is row j, column k of w (n × m) and row k,
            // column j of wT (m × n); padding columns stay 0.
            for (j, row) in layer.weights.enumerated() {
                row.withUnsafeBufferPointer { row in
                    for k in 0..<m { wT[Kernels.packedIndex(row: k, column: j, inner: m)] = row[k] }
                    guard index > 0 else { return }
                    for k in 0..<m { w[Kernels.packedIndex(row: j, column: k, inner: n)] = row[k] }
                }
            }
            defer { offset += n * m + n }
            return PreparedLayer(n: n, m: m, w: w, wT: wT, biases: layer.biases, activation: layer.activation, offset: offset)
        }
        parameters = offset
        loss = network.loss
        outputRule = network.outputRule
        inputs = network.inputs
        samples = network.samples
        self.storage = storage
    }

    /// The forward and, when `gradients` is given, the backward pass of the samples in `range`
    /// (at most ``Engine/blockSize``): every `z`, `a`, `g'(z)`, `∂C/∂a` and `C_s` goes to `values`,
    /// and `Σ_s ∂C_s/∂w` and `Σ_s ∂C_s/∂b` over the block, in sample order, to `gradients`.
    /// Returns `Σ_s C_s` in sample order, and whether every value written was finite.
    func pass(_ range: Range<Int>, values: BlockValues, gradients: UnsafeMutablePointer<Double>?,
              scratch: Scratch, variant: Engine.Variant) -> (loss: Double, allFinite: Bool) {
        let count = range.count, L = layers.count
        // a^0, the inputs, sample-major like every other layer: input[row * inputs + k].
        for (row, s) in range.enumerated() {
            samples[s].x.withUnsafeBufferPointer { x in
                (scratch.input + row * inputs).update(from: x.baseAddress!, count: inputs)
            }
        }
        /// `a^(l-1)` of the block for layer index `l`: the inputs below the first layer.
        func activations(below l: Int) -> UnsafeMutablePointer<Double> { l == 0 ? scratch.input : values.a[l - 1] }
        var allFinite = true
        for (l, layer) in layers.enumerated() {
            let below = activations(below: l)
            let z = values.z[l], size = count * layer.n
            variant.product(below, rows: count, inner: layer.m, packed: layer.wT, columns: layer.n, into: z)
            if let biases = layer.biases {
                for row in 0..<count {
                    for j in 0..<layer.n { z[row * layer.n + j] += biases[j] }
                }
            }
            layer.activation.apply(z: z, a: values.a[l], gPrime: values.gPrime[l], count: size, width: layer.n)
            allFinite = allFinite && Engine.allFinite(z, size) && Engine.allFinite(values.a[l], size)
                && Engine.allFinite(values.gPrime[l], size)
        }

        // The loss, ∂C_s/∂a_j^L and δ_j^L, by the same function as Trace. For a stable-form rule
        // ∂C_s/∂a_j^L may be infinite while δ_j^L is not, and δ is what the pass goes on with.
        let outputs = layers[L - 1].n, activation = layers[L - 1].activation
        var total = 0.0
        for (row, s) in range.enumerated() {
            let at = row * outputs
            let sampleLoss = samples[s].y.withUnsafeBufferPointer { y in
                OutputLayer.backward(
                    rule: outputRule, activation: activation, loss: loss, n: outputs,
                    z: values.z[L - 1] + at, a: values.a[L - 1] + at, gPrime: values.gPrime[L - 1] + at, y: y.baseAddress!,
                    terms: scratch.lossTerms, dCda: values.dCda[L - 1] + at, delta: scratch.outputDelta + at)
            }
            values.losses[row] = sampleLoss
            total += sampleLoss
        }
        allFinite = allFinite && Engine.allFinite(outputRule.isStableForm ? scratch.outputDelta : values.dCda[L - 1], count * outputs)
        guard let gradients else { return (total, allFinite) }

        // Backward, layer by layer: δ (from OutputLayer at the top, else ∂C/∂a · g'(z)), then the
        // gradients and ∂C/∂a of the layer below.
        for l in stride(from: L - 1, through: 0, by: -1) {
            let layer = layers[l], size = count * layer.n
            let delta = scratch.delta, deltaT = scratch.deltaT
            if l == L - 1 {
                delta.update(from: scratch.outputDelta, count: size)
            } else {
                for i in 0..<size { delta[i] = Backpropagation.delta(dCda: values.dCda[l][i], gPrime: values.gPrime[l][i]) }
            }
            for row in 0..<count {
                for j in 0..<layer.n { deltaT[j * count + row] = delta[row * layer.n + j] }
            }
            let below = activations(below: l)
            Kernels.pack(below, inner: count, columns: layer.m, into: scratch.packed)
            variant.product(deltaT, rows: layer.n, inner: count, packed: scratch.packed, columns: layer.m, into: gradients + layer.offset)
            let gb = gradients + layer.offset + layer.n * layer.m
            gb.update(repeating: 0, count: layer.n)
            for row in 0..<count {
                for j in 0..<layer.n { gb[j] += delta[row * layer.n + j] }
            }
            if l > 0 {
                variant.product(delta, rows: count, inner: layer.n, packed: layer.w, columns: layer.m, into: values.dCda[l - 1])
                allFinite = allFinite && Engine.allFinite(values.dCda[l - 1], count * layer.m)
            }
        }
        return (total, allFinite)
    }
}
