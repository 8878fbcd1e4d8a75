// @testable: compares the engine's internals (Kernels, GradientSum, Gradients' memberwise init) with the per-sample trace.
@testable import NNExplainCore
import Dispatch
import NNExplainTestSupport
import Testing

/// The batched engine gives the same bits as the per-sample trace, whatever the thread count and
/// however the samples fall into blocks; the oracle tests then prove those numbers independently.
struct EngineTests {
    /// Random networks with more samples than one block, and one that is not a multiple of it.
    static let networks: [Network] = [
        Network.random(sizes: [5, 7, 3], samples: 200, seed: 1),
        Network.random(sizes: [4, 9, 6, 2], samples: 131, seed: 2, activation: .tanh),
        Network.random(sizes: [3, 5, 4, 3, 2], samples: 67, seed: 3, activation: .leakyRelu),
        Network.random(sizes: [2, 1], samples: 3, seed: 4, activation: .identity),
        // Wide enough for every part of the kernel: 4-row × 8-column tiles, and leftover rows and columns.
        Network.random(sizes: [37, 19, 13, 10], samples: 150, seed: 5),
        // Sums over more than one chunk of the kernel (NNX_DEPTH = 256 terms), forward and backward.
        Network.random(sizes: [5, 300, 270, 3], samples: 70, seed: 6),
        // Sixteen blocks: with 8 threads some run ahead and wait for the ordered sum.
        Network.random(sizes: [3, 4, 2], samples: 1000, seed: 7),
        // The output rules: softmax with cross-entropy (random targets are unnormalised), softmax with
        // the Jacobian sum, sigmoid with binary cross-entropy, sigmoid with cross-entropy.
        Network.random(sizes: [6, 9, 5], samples: 150, seed: 8, activation: .tanh, outputActivation: .softmax, loss: .crossEntropy),
        Network.random(sizes: [4, 7, 6, 10], samples: 70, seed: 9, outputActivation: .softmax, loss: .halfSquared),
        Network.random(sizes: [5, 8, 3], samples: 90, seed: 10, activation: .relu, outputActivation: .sigmoid, loss: .binaryCrossEntropy),
        Network.random(sizes: [3, 5, 4], samples: 65, seed: 11, loss: .crossEntropy),
        // Saturated: weights ×80 put outputs within 2⁻²⁰ of 0 or 1, where 1 − a is σ(−z), softmax's
        // the other outputs' share, and tanh's slope sech² z (issue 19, item 3).
        saturated(Network.random(sizes: [3, 6, 4], samples: 90, seed: 12, activation: .tanh, outputActivation: .sigmoid, loss: .binaryCrossEntropy)),
        saturated(Network.random(sizes: [3, 6, 4], samples: 90, seed: 13, activation: .tanh, outputActivation: .softmax, loss: .crossEntropy)),
        saturated(Network.random(sizes: [3, 6, 4], samples: 90, seed: 14, loss: .crossEntropy)),
        saturated(Network.random(sizes: [3, 6, 4], samples: 90, seed: 15, outputActivation: .softmax, loss: .squared)),
    ]

    /// `network` with every weight and bias ×80.
    static func saturated(_ network: Network) -> Network {
        var copy = network
        for l in copy.layers.indices {
            copy.layers[l].weights = copy.layers[l].weights.map { $0.map { 80 * $0 } }
            copy.layers[l].biases = copy.layers[l].biases?.map { 80 * $0 }
        }
        return copy
    }

    /// Every compiled copy of the kernel this processor can run.
    static let variants = Engine.Variant.allCases.filter(\.isAvailable)

    /// The gradients from per-sample traces, reduced in the engine's documented order: sample order
    /// within blocks of 64, then block order.
    static func reference(_ network: Network) throws -> Gradients {
        let traces = try network.traces()
        let n = Double(traces.count)
        let layers = (1...network.depth).map { l in
            Gradients.Layer(
                weights: (0..<network.size(ofLayer: l)).map { j in
                    (0..<network.size(ofLayer: l - 1)).map { k in
                        Network.sumOverSamples(traces.map { $0.weightGradient(layer: l, j: j, k: k) }) / n
                    }
                },
                biases: (0..<network.size(ofLayer: l)).map { j in
                    Network.sumOverSamples(traces.map { $0.biasGradient(layer: l, j: j) }) / n
                })
        }
        return Gradients(loss: Network.sumOverSamples(traces.map(\.loss)) / n, layers: layers)
    }

    @Test(arguments: networks)
    func bitIdenticalToTheTraceWhateverTheThreadsAndKernel(_ network: Network) throws {
        let expected = try Self.reference(network)
        #expect(expected.loss.isFinite)
        for variant in Self.variants {
            for threads in [1, 2, 3, 8] {
                let engine = Engine(threads: threads, variant: variant)
                #expect(engine.run(network).gradients == expected, "\(threads) threads, \(variant)")
                #expect(engine.meanLoss(network) == expected.loss, "forward-only loss, \(threads) threads, \(variant)")
            }
        }
    }

    /// One workspace for many runs, of networks of different sizes, sample counts and values (its
    /// memory laid out anew when the sizes change, reused when they come back), gives each run the
    /// numbers of the trace, as a fresh workspace does.
    @Test func aWorkspaceReusedAcrossRunsChangesNoNumber() throws {
        let workspace = Engine.Workspace()
        var nudged = Self.networks[0]
        nudged.layers[0].weights[0][0] += 0.25
        nudged.samples.removeLast()
        for network in Self.networks + [nudged] + Self.networks.reversed() {
            let expected = try Self.reference(network)
            for threads in [1, 3] {
                let engine = Engine(threads: threads)
                #expect(engine.run(network, in: workspace).gradients == expected, "\(threads) threads")
                #expect(engine.meanLoss(network, in: workspace) == expected.loss, "\(threads) threads")
            }
        }
    }

    /// The engine uses the AVX2 copy wherever the processor has it, and the tests run it there (the
    /// test above and ``KernelTests`` go through every copy in `variants`).
    @Test func theBestKernelIsChosenFromTheProcessor() {
        #expect(Engine.Variant.portable.isAvailable)
        #expect(Engine.Variant.best == (Engine.Variant.avx2.isAvailable ? .avx2 : .portable))
        #expect(Engine().variant == .best)
        #if arch(x86_64) && os(Linux)
        // Linux lists avx2 only when it also saves the wide registers, as the kernel's check requires.
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? []
        let hasAVX2 = flags.contains("avx2")
        #expect(Engine.Variant.avx2.isAvailable == hasAVX2)
        #expect(Self.variants.contains(.avx2) == hasAVX2, "the AVX2 copy is tested wherever it can run")
        #endif
    }

    @Test(arguments: networks)
    func theBatchTraceHoldsEverySamplesTrace(_ network: Network) throws {
        for variant in Self.variants {
            let batch = try #require(Engine(threads: 2, variant: variant).run(network, trace: true).trace)
            #expect(try batch.losses == network.samples.indices.map { try network.trace(sample: $0).loss })
            for s in network.samples.indices {
                let t = try network.trace(sample: s)
                for l in 1...network.depth {
                    #expect(batch.z(layer: l, sample: s) == t.layer(l).z)
                    #expect(batch.a(layer: l, sample: s) == t.layer(l).a)
                    #expect(batch.gPrime(layer: l, sample: s) == t.layer(l).gPrime)
                    #expect(batch.dCda(layer: l, sample: s) == t.layer(l).dCda)
                }
            }
        }
    }

    @Test func averagedExplanationAgreesWithTheEngineAcrossBlocks() throws {
        let network = Self.networks[0]
        let gradients = try network.gradients()
        for (l, j, k) in [(1, 0, 0), (1, 6, 4), (2, 2, 6)] {
            #expect(try network.averagedDerivation(layer: l, j: j, k: k).explainedValue == gradients.layers[l - 1].weights[j][k])
        }
    }

    /// Blocks handed in out of order are added in block order: 1e16, then 1, then -1e16 gives 0
    /// (1e16 + 1 rounds back to 1e16); any other order would give 1.
    @Test func blockGradientsAreAddedInBlockOrderWhateverOrderTheyFinish() {
        let sum = GradientSum(parameters: 1, threads: 2)
        let values = [1e16, 1.0, -1e16]
        func handIn(_ b: Int) {
            let buffer = sum.buffer()
            buffer[0] = values[b]
            sum.recycle(sum.add(buffer, block: b))
        }
        handIn(2)
        handIn(1)
        #expect(sum.total[0] == 0, "nothing is added before block 0 is in (block 2 alone would give -1e16)")
        handIn(0)
        #expect(sum.total[0] == 0, "(1e16 + 1) + -1e16; the order 0, 2, 1 would give 1")
        sum.waitForRoom(before: 3 + sum.window - 1)  // returns at once: block 3 is next
    }

    /// A block `window` ahead of the sum waits until the block the sum needs next is added.
    @Test func aBlockFarAheadWaitsForTheSum() {
        let sum = GradientSum(parameters: 1, threads: 1)
        #expect(sum.window == 2)
        let started = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            started.signal()
            sum.waitForRoom(before: 2)
            done.signal()
        }
        started.wait()
        #expect(done.wait(timeout: .now() + 0.2) == .timedOut, "block 2 may not start while block 0 is missing")
        let buffer = sum.buffer()
        buffer[0] = 1
        sum.recycle(sum.add(buffer, block: 0))
        #expect(done.wait(timeout: .now() + 10) == .success, "block 0 is in, so block 2 may start")
    }

    @Test func randomNetworksAreReproducible() {
        let a = Network.random(sizes: [3, 4, 2], samples: 5, seed: 7)
        #expect(a == Network.random(sizes: [3, 4, 2], samples: 5, seed: 7))
        #expect(a != Network.random(sizes: [3, 4, 2], samples: 5, seed: 8))
        // SplitMix64's first outputs for seed 0 are published with the algorithm.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        // Weights within ±1/√fan-in, inputs and targets in [0, 1).
        let big = Network.random(sizes: [16, 8, 2], samples: 50, seed: 9)
        #expect(big.layers[0].weights.joined().allSatisfy { abs($0) <= 0.25 })
        #expect(big.samples.allSatisfy { ($0.x + $0.y).allSatisfy { $0 >= 0 && $0 < 1 } })
    }
}

/// The matrix product itself, every compiled copy, against the plain triple loop that sums in the
/// same order: equal to the bit, for shapes that hit every tile, partial panels and chunked sums.
struct KernelTests {
    @Test(arguments: [(1, 1, 1), (3, 5, 7), (4, 8, 8), (9, 17, 13), (64, 300, 21), (6, 513, 9), (5, 0, 3)])
    func productEqualsThePlainSum(rows: Int, inner: Int, columns: Int) {
        var generator = SplitMix64(seed: UInt64(rows * 1_000_000 + inner * 1000 + columns))
        let a = (0..<rows * inner).map { _ in generator.nextSymmetric(1) }
        let b = (0..<inner * columns).map { _ in generator.nextSymmetric(1) }
        var expected = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum = 0.0
                for r in 0..<inner { sum += a[i * inner + r] * b[r * columns + j] }
                expected[i * columns + j] = sum
            }
        }
        var packed = [Double](repeating: .nan, count: Kernels.packedCount(inner: inner, columns: columns))
        Kernels.pack(b, inner: inner, columns: columns, into: &packed)
        for variant in EngineTests.variants {
            var c = [Double](repeating: .nan, count: rows * columns)
            variant.product(a, rows: rows, inner: inner, packed: packed, columns: columns, into: &c)
            #expect(c == expected, "\(variant)")
        }
    }
}
