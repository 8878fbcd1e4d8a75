/// The batched engine: forward and backward passes over all samples at once, for gradients and
/// training on networks of any size.
///
/// Samples are taken in blocks of ``blockSize``, stored sample-major and contiguous, and every layer
/// is a matrix-matrix product (`_NNExplainKernels`, C: packed panels, register tiles, the fastest compiled copy
/// this processor runs, see ``Variant``). Blocks run on up to ``threads`` threads. The numbers are **bit-identical** to the
/// per-sample ``Trace``, whatever the thread count: every `z`, `∂C/∂a` and per-sample product is
/// formed by the same operations in the same order (`Σ_k` and `Σ_i` from 0 upwards, multiply then
/// add, never fused), and sums over samples run in sample order inside a block, then block by block
/// in block order (``Network/sumOverSamples(_:)``). With at most `blockSize` samples that is plain
/// sample order.
public struct Engine: Sendable {
    /// Samples per block: the unit of work of one thread, and of the fixed reduction order.
    package static let blockSize = 64

    /// How many threads may work on blocks at once (at least 1).
    public private(set) var threads: Int

    /// Which compiled copy of the matrix product to run; every copy gives the same bits. Only a
    /// copy this processor can run (``Variant/isAvailable``), which `init` makes sure of.
    public private(set) var variant: Variant

    /// An engine for ``Network/trained(epochs:learningRate:order:batchSize:shuffleSeed:engine:progress:)``.
    /// - Parameters:
    ///   - threads: how many threads may work at once; below 1 counts as 1.
    ///   - variant: the copy of the matrix product to run; one this processor cannot run becomes `.portable`.
    public init(threads: Int = Engine.defaultThreads, variant: Variant = .best) {
        self.threads = max(1, threads)
        self.variant = variant.isAvailable ? variant : .portable
    }

    /// All cores of this machine.
    public static var defaultThreads: Int { EngineThreads.processors }

    /// The mean loss and the gradients averaged over all samples, and whether every number of the
    /// passes was finite. With `trace`, every sample's `z`, `a`, `g'(z)` and `∂C/∂a` are also kept
    /// (memory samples × nodes) and returned. Every mean is ``Network/mean(sum:count:terms:)`` of the
    /// sum in the fixed order, so a mean of finite numbers whose sum overflowed is still finite.
    /// The passes work in `workspace` (``Workspace``; a fresh one unless given), which changes
    /// only how much memory is allocated, never a number.
    package func run(_ network: Network, trace: Bool = false, in workspace: Workspace = Workspace()) -> Pass {
        let prepared = workspace.prepare(network)
        let recorded = trace ? BatchTrace(network: network) : nil
        let sum = workspace.gradientSum(parameters: prepared.parameters, threads: threads)
        let (loss, allFinite) = blocks(prepared, trace: recorded, sum: sum, workspace: workspace)
        return Pass(gradients: Gradients(loss: Engine.meanLoss(sum: loss, of: network),
                                         layers: Engine.means(sum.total, of: network, layers: prepared.layers, allFinite: allFinite)),
                    trace: recorded, allFinite: allFinite)
    }

    /// What ``run(_:trace:in:)`` computed over all samples.
    package struct Pass: Sendable {
        /// The mean loss and every gradient averaged over the samples.
        package let gradients: Gradients
        /// Every sample's values, when the run was asked to keep them.
        package let trace: BatchTrace?
        /// Whether every `z`, `a`, `g'(z)`, `∂C/∂a` and gradient of the passes was finite.
        package let allFinite: Bool
    }

    /// `C = (1/N) Σ_s C_s` from forward passes alone, summed in the same order as ``run(_:trace:in:)``,
    /// so it is the same number as `run(network).gradients.loss` at a third of the work.
    package func meanLoss(_ network: Network, in workspace: Workspace = Workspace()) -> Double {
        Engine.meanLoss(sum: blocks(workspace.prepare(network), trace: nil, sum: nil, workspace: workspace).loss, of: network)
    }

    /// `C` from `Σ_s C_s`; only if that sum overflowed are the `C_s` found again, from the traces
    /// (the engine's numbers bit for bit), for ``Network/mean(sum:count:terms:)`` to scale.
    private static func meanLoss(sum: Double, of network: Network) -> Double {
        Network.mean(sum: sum, count: network.samples.count) { network.samples.indices.map { network.uncheckedTrace(sample: $0).loss } }
    }

    /// Each gradient's mean from its sum `totals[p]` (laid out as ``PreparedLayer/offset`` says),
    /// layer by layer. The engine keeps no per-sample gradients, so for the sums that overflowed
    /// they are found again from the per-sample traces, which give the engine's numbers bit for
    /// bit, in one pass over the samples for all such sums. Not when a value of the passes was
    /// already not finite (`allFinite` false): then the caller reports that value, and the work is
    /// spared (those means are `sum / N`).
    private static func means(_ totals: UnsafePointer<Double>, of network: Network, layers: [PreparedLayer],
                              allFinite: Bool) -> [Gradients.Layer] {
        let count = layers.last.map { $0.offset + $0.n * $0.m + $0.n } ?? 0
        let overflowed = allFinite ? (0..<count).filter { !totals[$0].isFinite } : []
        var terms = [Int: [Double]]()
        if !overflowed.isEmpty {
            // Parameter p as (l, j, k): a weight, or the bias of node j when k is nil.
            let parameters = overflowed.map { p -> (l: Int, j: Int, k: Int?) in
                let index = layers.lastIndex { $0.offset <= p }!, layer = layers[index], i = p - layer.offset
                return i < layer.n * layer.m ? (index + 1, i / layer.m, i % layer.m) : (index + 1, i - layer.n * layer.m, nil)
            }
            for s in network.samples.indices {
                let t = network.uncheckedTrace(sample: s)
                for (p, q) in zip(overflowed, parameters) {
                    terms[p, default: []].append(q.k.map { t.weightGradient(layer: q.l, j: q.j, k: $0) } ?? t.biasGradient(layer: q.l, j: q.j))
                }
            }
        }
        let samples = network.samples.count
        func mean(_ p: Int) -> Double { Network.mean(sum: totals[p], count: samples) { terms[p] ?? [] } }
        return layers.map { layer in
            let weights = layer.offset, biases = weights + layer.n * layer.m
            return Gradients.Layer(weights: (0..<layer.n).map { j in (0..<layer.m).map { mean(weights + j * layer.m + $0) } },
                                   biases: (0..<layer.n).map { mean(biases + $0) })
        }
    }

    /// Every block's pass, on up to ``threads`` threads, each with its own ``Scratch`` of `workspace`; the gradients
    /// go to `sum` (without one, only forward passes run), the values to `trace` if there is one.
    /// Returns `Σ_s C_s`, summed in sample order within blocks and then block by block (the fixed
    /// reduction order), and whether every value was finite.
    private func blocks(_ prepared: PreparedNetwork, trace: BatchTrace?, sum: GradientSum?,
                        workspace: Workspace) -> (loss: Double, allFinite: Bool) {
        let n = prepared.samples.count, variant = variant
        let blocks = (n + Engine.blockSize - 1) / Engine.blockSize
        var losses = [Double](repeating: 0, count: blocks), finite = [Bool](repeating: true, count: blocks)
        losses.withUnsafeMutableBufferPointer { losses in
            finite.withUnsafeMutableBufferPointer { finite in
                nonisolated(unsafe) let (losses, finite) = (losses, finite)
                let next = Counter()
                let worker = { (slot: Int) in
                    let scratch = workspace.scratch(slot, for: prepared)
                    var buffer = sum?.buffer()
                    while let b = next.take(below: blocks) {
                        sum?.waitForRoom(before: b)
                        let range = (b * Engine.blockSize)..<min(n, (b + 1) * Engine.blockSize)
                        let values = trace?.values(for: range) ?? scratch.values
                        (losses[b], finite[b]) = prepared.pass(range, values: values, gradients: buffer, scratch: scratch, variant: variant)
                        if let sum, let full = buffer { buffer = sum.add(full, block: b) }
                    }
                    if let sum, let buffer { sum.recycle(buffer) }
                }
                if threads == 1 || blocks == 1 {
                    worker(0)
                } else {
                    nonisolated(unsafe) let worker = worker
                    EngineThreads.perform(iterations: min(threads, blocks)) { slot in worker(slot) }
                }
            }
        }
        var loss = 0.0
        for blockLoss in losses { loss += blockLoss }
        return (loss, finite.allSatisfy { $0 })
    }
}

/// Every sample's `z`, `a`, `g'(z)` and `∂C/∂a`, layer by layer, and every `C_s`: what
/// ``Engine/run(_:trace:in:)`` computed, kept when asked. Memory: (4 × nodes + 1) × samples numbers.
package struct BatchTrace: Sendable {
    /// `n` of each layer `l = 1…L`, at `[l - 1]`.
    package let sizes: [Int]
    package let samples: Int
    private let storage: Storage

    init(network: Network) {
        sizes = network.layers.map { $0.size }
        samples = network.samples.count
        storage = Storage(count: (4 * sizes.reduce(0, +) + 1) * samples)
    }

    /// `z_j^l` of sample `s`, for every j.
    package func z(layer l: Int, sample s: Int) -> [Double] { row(0, l, s) }
    /// `a_j^l` of sample `s`, for every j.
    package func a(layer l: Int, sample s: Int) -> [Double] { row(1, l, s) }
    /// `g_l'(z_j^l)` of sample `s`, for every j.
    package func gPrime(layer l: Int, sample s: Int) -> [Double] { row(2, l, s) }
    /// `∂C_s/∂a_j^l` of sample `s`, for every j.
    package func dCda(layer l: Int, sample s: Int) -> [Double] { row(3, l, s) }
    /// `C_s` of every sample.
    package var losses: [Double] { Array(UnsafeBufferPointer(start: start(of: 4, layer: 1), count: samples)) }

    /// Where quantity `kind` (0 z, 1 a, 2 g'(z), 3 ∂C/∂a, 4 the losses) of layer `l` begins: the
    /// kinds one after another, each layer by layer, each layer `samples × n` numbers, sample-major.
    private func start(of kind: Int, layer l: Int) -> UnsafeMutablePointer<Double> {
        storage.base + samples * (kind * sizes.reduce(0, +) + sizes[..<(l - 1)].reduce(0, +))
    }

    private func row(_ kind: Int, _ l: Int, _ s: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: start(of: kind, layer: l) + s * sizes[l - 1], count: sizes[l - 1]))
    }

    /// Where the engine writes the values of the samples in `range`.
    func values(for range: Range<Int>) -> BlockValues {
        func pointers(_ kind: Int) -> [UnsafeMutablePointer<Double>] {
            sizes.indices.map { start(of: kind, layer: $0 + 1) + range.lowerBound * sizes[$0] }
        }
        return BlockValues(z: pointers(0), a: pointers(1), gPrime: pointers(2), dCda: pointers(3),
                           losses: start(of: 4, layer: 1) + range.lowerBound)
    }

    /// The memory the trace owns. The engine's blocks write it (each block its own samples) before
    /// the trace is handed out; after that it is only read.
    private final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>

        /// Left uninitialised (numbers need no initialising): the engine writes every one of them.
        init(count: Int) { base = .allocate(capacity: count) }

        deinit { base.deallocate() }
    }
}
