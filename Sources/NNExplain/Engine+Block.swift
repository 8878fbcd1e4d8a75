/// One layer's weights in the two layouts the batched loops need: `w[j * m + k] = w_jk^l` (rows
/// along k, for the backward pass and the gradients) and its transpose `wT[k * n + j]` (rows along
/// j, for the forward pass).
struct PreparedLayer: Sendable {
    let n: Int
    let m: Int
    let w: [Double]
    let wT: [Double]
    let biases: [Double]?
    let activation: Activation
}

/// What one block of samples contributes: its losses and gradients summed in sample order, and,
/// when asked, every value of its trace.
struct BlockResult: Sendable {
    var range: Range<Int>
    var loss: Double
    /// Per layer, `Σ_s ∂C_s/∂w_jk^l` at `[j * m + k]`, and `Σ_s ∂C_s/∂b_j^l`.
    var weights: [[Double]]
    var biases: [[Double]]
    /// Whether every `z`, `a`, `g'(z)` and `∂C/∂a` of the block was finite.
    var allFinite: Bool
    var kept: Kept?

    struct Kept: Sendable {
        var z: [[Double]], a: [[Double]], gPrime: [[Double]], dCda: [[Double]], losses: [Double]
    }
}

/// A network laid out for the batched loops.
struct PreparedNetwork: Sendable {
    let layers: [PreparedLayer]
    let loss: Loss
    let inputs: Int
    let samples: [Sample]

    init(_ network: Network) {
        layers = network.layers.map { layer in
            let n = layer.size, m = layer.weights.first?.count ?? 0
            var w = [Double](repeating: 0, count: n * m), wT = w
            for j in 0..<n {
                for k in 0..<m {
                    w[j * m + k] = layer.weights[j][k]
                    wT[k * n + j] = layer.weights[j][k]
                }
            }
            return PreparedLayer(n: n, m: m, w: w, wT: wT, biases: layer.biases, activation: layer.activation)
        }
        loss = network.loss
        inputs = network.inputs
        samples = network.samples
    }

    /// The forward and, with `backward`, the backward pass of the samples in `range` (without it,
    /// only the losses: the gradients stay empty).
    func pass(_ range: Range<Int>, keep: Bool, backward: Bool = true, variant: Engine.Variant = .portable) -> BlockResult {
        let count = range.count
        // Activations of every layer, sample-major: a[l][s * size + j], a[0] the inputs.
        var a: [[Double]] = [[Double](repeating: 0, count: count * inputs)]
        for (row, s) in range.enumerated() {
            for k in 0..<inputs { a[0][row * inputs + k] = samples[s].x[k] }
        }
        var z: [[Double]] = [], gPrime: [[Double]] = []
        for layer in layers {
            var zl = [Double](repeating: 0, count: count * layer.n)
            variant.product(a[a.count - 1], rows: count, inner: layer.m, layer.wT, columns: layer.n, into: &zl)
            var al = zl, gl = zl
            if let biases = layer.biases {
                for row in 0..<count {
                    for j in 0..<layer.n { zl[row * layer.n + j] += biases[j] }
                }
            }
            for i in 0..<zl.count {
                al[i] = layer.activation.value(zl[i])
                gl[i] = layer.activation.derivative(z: zl[i], a: al[i])
            }
            z.append(zl)
            a.append(al)
            gPrime.append(gl)
        }

        // The loss and ∂C_s/∂a_j^L, as Trace computes them.
        let L = layers.count, outputs = layers[L - 1].n
        var losses = [Double](repeating: 0, count: count), total = 0.0
        var dCda = [[Double]](repeating: [], count: L)
        dCda[L - 1] = [Double](repeating: 0, count: count * outputs)
        for (row, s) in range.enumerated() {
            var sampleLoss = 0.0
            for j in 0..<outputs {
                let value = a[L][row * outputs + j], target = samples[s].y[j]
                sampleLoss += loss.term(a: value, y: target)
                dCda[L - 1][row * outputs + j] = loss.derivative(a: value, y: target)
            }
            losses[row] = sampleLoss
            total += sampleLoss
        }

        // Backward, layer by layer: δ = ∂C/∂a · g'(z), then the gradients and ∂C/∂a of the layer below.
        var weights = [[Double]](repeating: [], count: L), biases = [[Double]](repeating: [], count: L)
        for l in stride(from: L - 1, through: 0, by: -1) where backward {
            let layer = layers[l]
            var delta = dCda[l]
            for i in 0..<delta.count { delta[i] *= gPrime[l][i] }
            var gw = [Double](repeating: 0, count: layer.n * layer.m), gb = [Double](repeating: 0, count: layer.n)
            var deltaT = [Double](repeating: 0, count: delta.count)
            for row in 0..<count {
                for j in 0..<layer.n { deltaT[j * count + row] = delta[row * layer.n + j] }
            }
            variant.product(deltaT, rows: layer.n, inner: count, a[l], columns: layer.m, into: &gw)
            for row in 0..<count {
                for j in 0..<layer.n { gb[j] += delta[row * layer.n + j] }
            }
            weights[l] = gw
            biases[l] = gb
            if l > 0 {
                var below = [Double](repeating: 0, count: count * layer.m)
                variant.product(delta, rows: count, inner: layer.n, layer.w, columns: layer.m, into: &below)
                dCda[l - 1] = below
            }
        }
        let kept = keep ? BlockResult.Kept(z: z, a: Array(a.dropFirst()), gPrime: gPrime, dCda: dCda, losses: losses) : nil
        let allFinite = [z, a, gPrime, dCda].allSatisfy { $0.allSatisfy { $0.allSatisfy(\.isFinite) } }
        return BlockResult(range: range, loss: total, weights: weights, biases: biases, allFinite: allFinite, kept: kept)
    }
}
