/// Where one block's values go, per layer (`[l - 1]`), sample-major (`[row * n + j]`): into the
/// ``BatchTrace`` when the caller keeps it, else into a thread's ``Scratch``.
struct BlockValues {
    var z: [UnsafeMutablePointer<Double>]
    var a: [UnsafeMutablePointer<Double>]
    var gPrime: [UnsafeMutablePointer<Double>]
    var dCda: [UnsafeMutablePointer<Double>]
    var losses: UnsafeMutablePointer<Double>
}

/// One thread's working memory, allocated once and reused for every block it takes.
final class Scratch {
    let input: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    let deltaT: UnsafeMutablePointer<Double>
    /// `δ^L` of the block, from ``OutputLayer`` (`rows × n_L`), and one row's loss terms.
    let outputDelta: UnsafeMutablePointer<Double>
    let lossTerms: UnsafeMutablePointer<Double>
    /// The activations below a layer, packed for the gradient product.
    let packed: UnsafeMutablePointer<Double>
    /// Room for one block's values, for passes whose values are not kept.
    let values: BlockValues
    private let memory: UnsafeMutablePointer<Double>

    init(_ network: PreparedNetwork) {
        let rows = Engine.blockSize, widest = network.layers.map { $0.n }.max() ?? 0
        let layerSizes = network.layers.map { rows * $0.n }
        let below = ([network.inputs] + network.layers.map { $0.n }).map { Kernels.packedCount(inner: rows, columns: $0) }.max() ?? 0
        let outputs = network.layers.last?.n ?? 0
        let total = rows * network.inputs + 2 * rows * widest + rows * outputs + outputs + below + 4 * layerSizes.reduce(0, +) + rows
        // Not zeroed: a pass writes every number of its block before it reads it.
        memory = .allocate(capacity: total)
        var next = memory
        func take(_ count: Int) -> UnsafeMutablePointer<Double> {
            defer { next += count }
            return next
        }
        input = take(rows * network.inputs)
        delta = take(rows * widest)
        deltaT = take(rows * widest)
        outputDelta = take(rows * outputs)
        lossTerms = take(outputs)
        packed = take(below)
        values = BlockValues(z: layerSizes.map(take), a: layerSizes.map(take), gPrime: layerSizes.map(take),
                             dCda: layerSizes.map(take), losses: take(rows))
    }

    deinit { memory.deallocate() }
}

extension Activation {
    /// `a = g(z)` and `g'(z)` for `count` values in rows of `width` (one row per sample), with the
    /// choice of function made once, outside the loop, so each loop is specialised (and, for the
    /// piecewise-linear ones, vectorised). Softmax runs row by row, as the trace does.
    func apply(z: UnsafeMutablePointer<Double>, a: UnsafeMutablePointer<Double>, gPrime: UnsafeMutablePointer<Double>,
               count: Int, width: Int) {
        @inline(__always)
        func loop(_ g: Activation) {
            for i in 0..<count {
                a[i] = g.value(z[i])
                gPrime[i] = g.derivative(z: z[i], a: a[i])
            }
        }
        switch self {
        case .sigmoid: loop(.sigmoid)
        case .tanh: loop(.tanh)
        case .relu: loop(.relu)
        case .leakyRelu: loop(.leakyRelu)
        case .identity: loop(.identity)
        case .softmax:
            for row in stride(from: 0, to: count, by: width) { Activation.softmax(z + row, count: width, into: a + row) }
            for row in stride(from: 0, to: count, by: width) {
                Activation.softmaxSlopes(z + row, a: a + row, count: width, into: gPrime + row)
            }
        }
    }
}

extension Engine {
    /// Whether none of `count` numbers is infinite or NaN: their exponent field is never all ones.
    /// (Integer operations only, so the loop vectorises.)
    static func allFinite(_ p: UnsafeMutablePointer<Double>, _ count: Int) -> Bool {
        var allOnes: UInt64 = 0
        for i in 0..<count {
            // The 11 exponent bits plus one carries into bit 11 exactly when they are all ones.
            allOnes |= ((p[i].bitPattern >> 52) & 0x7FF &+ 1) >> 11
        }
        return allOnes == 0
    }
}
