extension Layer {
    /// The forward pass through this layer `l` from the activations `previous = a^(l-1)` below it:
    /// `z_j^l = Σ_k w_jk^l · a_k^(l-1) + b_j^l`, summed in order of `k` with the bias added last, and
    /// `a_j^l = g_l(z_j^l)` (softmax over the whole layer).
    ///
    /// The one place this arithmetic is written for single inputs: ``Network/trace(sample:)`` and
    /// ``Network/outputs(at:)`` both call it, so an output drawn in a picture is bit for bit the
    /// value an explanation of the same input shows.
    package func forward(_ previous: [Double]) -> (z: [Double], a: [Double]) {
        var z = [Double](repeating: 0, count: size)
        var a = z
        for j in 0..<size {
            let row = weights[j]
            var sum = 0.0
            for k in 0..<row.count { sum += row[k] * previous[k] }
            if let biases { sum += biases[j] }
            z[j] = sum
        }
        if activation.isElementwise {
            for j in 0..<size { a[j] = activation.value(z[j]) }
        } else {
            z.withUnsafeBufferPointer { z in
                a.withUnsafeMutableBufferPointer { Activation.softmax(z.baseAddress!, count: z.count, into: $0.baseAddress!) }
            }
        }
        return (z, a)
    }

    /// `g'(z_j)` of every node from its `z` and `a` (``forward(_:)``'s): one node at a time by
    /// ``Activation/derivative(z:a:)``, softmax's by ``Activation/softmaxSlopes(_:a:count:into:)``,
    /// as the engine does.
    package func slopes(z: [Double], a: [Double]) -> [Double] {
        guard !activation.isElementwise else { return z.indices.map { activation.derivative(z: z[$0], a: a[$0]) } }
        var gPrime = [Double](repeating: 0, count: size)
        z.withUnsafeBufferPointer { z in
            a.withUnsafeBufferPointer { a in
                gPrime.withUnsafeMutableBufferPointer {
                    Activation.softmaxSlopes(z.baseAddress!, a: a.baseAddress!, count: z.count, into: $0.baseAddress!)
                }
            }
        }
        return gPrime
    }
}

extension Network {
    /// The outputs `a^L` for the input `x` (one number per input): the forward pass alone, layer by
    /// layer through ``Layer/forward(_:)``, for inputs that are no sample (a grid over the input plane).
    ///
    /// - Parameter x: one number per input.
    /// - Returns: `a^L`, one number per output node.
    /// - Throws: the ``NetworkError`` of ``requireWellFormed()``, or ``NetworkError/inputLength(_:expected:)``
    ///   when `x` is not one number per input.
    public func outputs(at x: [Double]) throws(NetworkError) -> [Double] {
        try requireWellFormed()
        guard x.count == inputs else { throw .inputLength(x.count, expected: inputs) }
        return uncheckedOutputs(at: x)
    }

    /// ``outputs(at:)`` of a well-formed network and an input of its length.
    package func uncheckedOutputs(at x: [Double]) -> [Double] {
        var a = x
        for layer in layers { a = layer.forward(a).a }
        return a
    }
}
