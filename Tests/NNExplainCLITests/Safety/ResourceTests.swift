import Foundation
import NNExplain
// @testable: checks the limits' arithmetic itself (ResourceLimits, ExplanationSize, NetworkShape), internal to the CLI.
@testable import NNExplainCLI
import Synchronization
import NNExplainTestSupport
import Testing

/// Commands too big for memory or time are refused before anything big is allocated or run
/// (usage error, exit 64, the figure, the bound and a way round it), and the documented large
/// cases still run.
@Suite struct ResourceTests {
    /// `--random` with `depth + 1` layers of one node each.
    static func oneNodeLayers(_ depth: Int) -> String { Array(repeating: "1", count: depth + 1).joined(separator: ",") }

    @Test func aDeepExplanationIsRefused() {
        let result = runCLI(["step", "--random", Self.oneNodeLayers(20_001), "--layer", "1", "--j", "0", "--k", "0"])
        #expect(result.status == 64)
        #expect(result.stdout == "")
        let start: String = "Error: the explanation of a weight of layer 1 (L-20000) traces ∂C/∂a back through every "
            + "layer above it and would be about "
        let end: String = " MB of text, more than the 100 MB this tool writes; explain a weight of a layer nearer "
            + "the output, or use a network with fewer or smaller layers\n"
        #expect(result.stderr.hasPrefix(start))
        #expect(result.stderr.contains(end))
    }

    /// The estimate is within a factor of two of what `step` writes, for deep and for wide networks.
    @Test(arguments: [(Self.oneNodeLayers(400), 1), (Self.oneNodeLayers(400), 300), ("3,20,20,20,2", 1), ("3,20,20,20,2", 4)])
    func theExplanationEstimateIsNearTheTruth(_ sizes: String, _ layer: Int) throws {
        let result = runCLI(["step", "--random", sizes, "--layer", String(layer), "--j", "0", "--k", "0"])
        try #require(result.status == 0)
        let shape = NetworkShape(sizes: sizes.split(separator: ",").map { Int($0)! },
                                 biases: Array(repeating: true, count: sizes.split(separator: ",").count - 1), samples: 10)
        let estimate = Double(ExplanationSize.bytes(shape, layer: layer, averaging: false))
        let actual = Double(result.stdout.utf8.count)
        #expect(estimate > actual / 2 && estimate < actual * 2, "estimate \(estimate), actual \(actual)")
    }

    @Test func aLongCheckIsRefused() {
        let result = runCLI(["check", "--random", "100,100,1", "--samples", "400000"])
        // 100·100 + 100·1 = 10100 weights and 101 biases; two passes over 400000 samples each, plus packing;
        // each pass 10100 multiply-adds and 100 for each of the 2 layers.
        let work: Int = 2 * 10_201 * (400_000 + 1) * (10_100 + 2 * 100)
        #expect(result.status == 64)
        let expected: String = "Error: check runs two forward passes over its 400000 samples for each of the 10201 "
            + "weights and biases of this network, about \(ResourceLimits.grouped(work)) multiply-adds (each layer counted as 100 more), more than the "
            + "20,000,000,000 a check may take; use fewer samples or a smaller network\n"
        #expect(result.stderr.hasPrefix(expected))
    }

    @Test func aNetworkTooBigForMemoryIsRefused() {
        // 7000·7000 weights: the network, its packed transpose, the gradient sum, one block buffer and
        // the returned gradients are 5 × 49 million numbers, 1.96 GB; printing them needs far more.
        let result = runCLI(["gradients", "--random", "7000,7000"])
        #expect(result.status == 64)
        let start: String = "Error: this network (49007000 weights and biases, 10 samples), the engine's buffers and the "
            + "49007000 numbers the output prints need about "
        #expect(result.stderr.hasPrefix(start))
        #expect(result.stderr.contains(" of memory, more than the 2 GB this tool takes; use smaller layers or fewer samples\n"))
        // Every command refuses what the engine alone cannot hold: for 5000,5000,5000 the network (50.11
        // million numbers), three packed matrices (75 million), a scratch (3.84 million), the gradient sum
        // and one buffer (100.02 million) and the result (50.01 million): 279 million numbers, 2.23 GB.
        let train = runCLI(["train", "--random", "5000,5000,5000", "--epochs", "1"])
        #expect(train.status == 64)
        let trainStart: String = "Error: this network (50010000 weights and biases, 10 samples) and the engine's buffers "
            + "for its gradients need about 2.3 GB of memory, more than the 2 GB this tool takes;"
        #expect(train.stderr.hasPrefix(trainStart))
    }

    @Test func theEngineEstimateCountsTheEnginesBuffers() {
        // Sizes 3, 4, 2 and 10 samples (one block, one thread), worked out by hand from the engine:
        // network 26 parameters + 10 · (3 + 2) sample numbers = 76; packed wT¹ 3·8, w² 2·8, wT² 4·8 = 72;
        // scratch 64·3 + 2·64·4 + 64·8 + 4·64·6 + 64 = 2816; gradient sum and one buffer 2 · 26; the
        // result 26: 3042 numbers, and 2 · 6 rows + 2 · 10 sample arrays of 48 bytes.
        let shape = NetworkShape(sizes: [3, 4, 2], biases: [true, true], samples: 10)
        #expect(shape.engineBytes == 8 * 3042 + 48 * 32)
    }

    @Test func theDocumentedLargeCasesAreAdmitted() {
        let sizes = [784, 128, 64, 10]
        let shape = NetworkShape(sizes: sizes, biases: [true, true, true], samples: 1000)
        #expect(throws: Never.self) { try ResourceLimits.requireMemory(shape, printing: shape.parameters) }
        for layer in 1...3 {
            #expect(throws: Never.self) {
                try ResourceLimits.requireExplainable(shape, layer: layer, averaging: true, naming: LayerNaming(depth: 3))
            }
        }
        // A check of 10201 parameters over 10 samples, the most the old 20000-parameter cap allowed over 10.
        #expect(throws: Never.self) {
            try ResourceLimits.requireCheckable(NetworkShape(sizes: [100, 100, 1], biases: [true, true], samples: 10))
        }
    }

    @Test func aShortCheckDrawsNoProgress() {
        let drawn = Mutex<[String]>([])
        let environment = Environment(stderrIsTerminal: true, progress: { line in drawn.withLock { $0.append(line) } })
        var out = "", err = ""
        let status = run(arguments: ["check"], stdout: &out, stderr: &err, environment: environment)
        #expect(status == 0)
        #expect(drawn.withLock { $0.isEmpty })
    }

    @Test func aLongCheckDrawsProgress() {
        // 30·30 + 30 = 930 weights and 31 biases over 1200 samples: 2 · 961 · 1201 · (930 + 2 · 100) ≈ 2.6 × 10⁹ multiply-adds.
        let work: Int = 2 * 961 * 1201 * (930 + 2 * 100)
        #expect(work > ResourceLimits.checkProgressMultiplyAdds)
        let drawn = Mutex<[String]>([])
        let environment = Environment(stderrIsTerminal: true, progress: { line in drawn.withLock { $0.append(line) } })
        var out = "", err = ""
        _ = run(arguments: ["check", "--random", "30,30,1", "--samples", "1200"], stdout: &out, stderr: &err, environment: environment)
        let lines = drawn.withLock { $0 }
        #expect(lines.contains { $0.hasSuffix("(961/961 gradients)") })
    }

    @Test func figuresAreRoundedUpSoTheyNeverReadAsTheBound() {
        #expect(ResourceLimits.megabytes(640_000_000) == "640 MB")
        #expect(ResourceLimits.megabytes(640_000_001) == "641 MB")
        #expect(ResourceLimits.megabytes(2_000_000_000) == "2 GB")
        #expect(ResourceLimits.megabytes(2_000_000_001) == "2.1 GB")
        #expect(ResourceLimits.megabytes(11_750_000_000) == "11.8 GB")
        #expect(ResourceLimits.grouped(999) == "999")
        #expect(ResourceLimits.grouped(1_000) == "1,000")
        #expect(ResourceLimits.grouped(20_000_000_000) == "20,000,000,000")
    }
}
