import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The batched engine: forward and backward passes over all samples at once, for gradients and
/// training on networks of any size.
///
/// Samples are taken in blocks of ``blockSize``, stored sample-major and contiguous, and every layer
/// is a matrix-matrix product whose inner loops run along contiguous rows (the optimiser vectorises
/// them). Blocks run on up to ``threads`` threads. The numbers are **bit-identical** to the
/// per-sample ``Trace``, whatever the thread count: every `z`, `∂C/∂a` and per-sample product is
/// formed by the same operations in the same order (`Σ_k` and `Σ_i` from 0 upwards, multiply then
/// add, never fused), and sums over samples run in sample order inside a block, then block by block
/// in block order (``Network/sumOverSamples(_:)``). With at most `blockSize` samples that is plain
/// sample order.
public struct Engine: Sendable {
    /// Samples per block: the unit of work of one thread, and of the fixed reduction order.
    public static let blockSize = 64

    /// How many threads may work on blocks at once.
    public var threads: Int

    /// Which compiled copy of the matrix product to run; every copy gives the same bits.
    public var variant: Variant

    public init(threads: Int = Engine.defaultThreads, variant: Variant = .best) {
        self.threads = max(1, threads)
        self.variant = variant.isAvailable ? variant : .portable
    }

    /// All cores of this machine.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The mean loss and the gradients averaged over all samples, and whether every number of the
    /// passes was finite. With `trace`, every sample's `z`, `a`, `g'(z)` and `∂C/∂a` are also kept
    /// (memory samples × nodes) and returned.
    public func run(_ network: Network, trace: Bool = false) -> (gradients: Gradients, trace: BatchTrace?, allFinite: Bool) {
        let prepared = PreparedNetwork(network)
        let partials = blocks(prepared, keep: trace, backward: true)
        var recorded = trace ? BatchTrace(network: network) : nil
        // The fixed reduction order: block 0, then block 1, … into a sum that starts at zero.
        var result = Gradients(loss: 0, layers: network.layers.map {
            Gradients.Layer(weights: Array(repeating: Array(repeating: 0, count: $0.weights.first?.count ?? 0), count: $0.size),
                            biases: Array(repeating: 0, count: $0.size))
        })
        var flat = prepared.layers.map { [Double](repeating: 0, count: $0.n * $0.m) }
        var biases = prepared.layers.map { [Double](repeating: 0, count: $0.n) }
        var allFinite = true
        for case let partial? in partials {
            allFinite = allFinite && partial.allFinite
            result.loss += partial.loss
            for l in flat.indices {
                Engine.add(partial.weights[l], into: &flat[l])
                Engine.add(partial.biases[l], into: &biases[l])
            }
            recorded?.store(partial)
        }
        let count = Double(network.samples.count)
        result.loss /= count
        for l in flat.indices {
            let m = prepared.layers[l].m
            for j in 0..<prepared.layers[l].n {
                result.layers[l].weights[j] = (0..<m).map { flat[l][j * m + $0] / count }
                result.layers[l].biases[j] = biases[l][j] / count
            }
        }
        return (result, recorded, allFinite)
    }

    /// `C = (1/N) Σ_s C_s` from forward passes alone, summed in the same order as ``run(_:trace:)``,
    /// so it is the same number as `run(network).gradients.loss` at a third of the work.
    public func meanLoss(_ network: Network) -> Double {
        var total = 0.0
        for case let partial? in blocks(PreparedNetwork(network), keep: false, backward: false) { total += partial.loss }
        return total / Double(network.samples.count)
    }

    /// Every block's pass, on up to ``threads`` threads; the results in block order.
    private func blocks(_ prepared: PreparedNetwork, keep: Bool, backward: Bool) -> [BlockResult?] {
        let n = prepared.samples.count
        let blocks = (n + Engine.blockSize - 1) / Engine.blockSize
        var partials = [BlockResult?](repeating: nil, count: blocks)
        partials.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let work = { (b: Int) in
                let range = (b * Engine.blockSize)..<min(n, (b + 1) * Engine.blockSize)
                slots[b] = prepared.pass(range, keep: keep, backward: backward, variant: variant)
            }
            if threads == 1 || blocks == 1 {
                for b in 0..<blocks { work(b) }
            } else {
                nonisolated(unsafe) let work = work
                let next = Counter()
                DispatchQueue.concurrentPerform(iterations: min(threads, blocks)) { _ in
                    while let b = next.take(below: blocks) { work(b) }
                }
            }
        }
        return partials
    }
}

extension Engine {
    /// `total[i] += part[i]` for every i, on raw buffers (the reduction of the block partials).
    static func add(_ part: [Double], into total: inout [Double]) {
        part.withUnsafeBufferPointer { part in
            total.withUnsafeMutableBufferPointer { total in
                for i in 0..<total.count { total[i] += part[i] }
            }
        }
    }
}

/// Every sample's `z`, `a`, `g'(z)` and `∂C/∂a`, layer by layer, sample-major: `z[l-1][s * n + j]`.
public struct BatchTrace: Sendable {
    public var z: [[Double]]
    public var a: [[Double]]
    public var gPrime: [[Double]]
    public var dCda: [[Double]]
    /// `C_s` for every sample.
    public var losses: [Double]

    init(network: Network) {
        let empty = network.layers.map { [Double](repeating: 0, count: network.samples.count * $0.size) }
        (z, a, gPrime, dCda) = (empty, empty, empty, empty)
        losses = [Double](repeating: 0, count: network.samples.count)
    }

    mutating func store(_ block: BlockResult) {
        guard let kept = block.kept else { return }
        for l in z.indices {
            let n = kept.z[l].count / block.range.count
            let offset = block.range.lowerBound * n
            z[l].replaceSubrange(offset..<offset + kept.z[l].count, with: kept.z[l])
            a[l].replaceSubrange(offset..<offset + kept.a[l].count, with: kept.a[l])
            gPrime[l].replaceSubrange(offset..<offset + kept.gPrime[l].count, with: kept.gPrime[l])
            dCda[l].replaceSubrange(offset..<offset + kept.dCda[l].count, with: kept.dCda[l])
        }
        losses.replaceSubrange(block.range, with: kept.losses)
    }
}

/// Hands out block numbers to threads, one at a time.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = DispatchSemaphore(value: 1)

    func take(below limit: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
