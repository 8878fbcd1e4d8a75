import Foundation
import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// Numbers that go wrong during the computation: an overflow is an error that names where it first
/// appeared; a saturated activation is a note in the explanation, not an error.
struct RobustnessTests {
    @Test func overflowNamesTheFirstNumberThatIsNotFinite() {
        // 1e300 · 1 = 1e300 in layer 1, then 1e300 · 1e300 overflows to infinity in z_0^2.
        for command in [["gradients"], ["forward"], ["step", "--layer", "L", "--j", "0", "--k", "0"], ["update"], ["check"]] {
            let result = runCLI(command + ["--network", Fixtures.path("overflow.json")])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "Error: the computation overflowed: z_0^L of sample 0 (layer L (l = 2), node 0) is infinite; "
                    + "scale down the weights or inputs that feed it\n")
        }
    }

    @Test func firstNonFiniteFollowsTheOrderOfTheComputation() {
        var network = Network.standard
        network.samples.append(Sample(x: [.infinity, 0, 0], y: [0, 1]))
        let bad = network.firstNonFinite()
        #expect(bad?.sample == 2)
        #expect(bad?.symbol == .z(layer: 1, .number(0)), "w_00^1 · ∞ = ∞ is the first number computed from x_0")
        #expect(Network.standard.firstNonFinite() == nil)
        network.samples[2].x = [.nan, 0, 0]
        #expect(network.firstNonFinite()?.value.isNaN == true)
    }

    @Test func divergingTrainingIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-diverge-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        // An identity network with a large learning rate: every step overshoots further.
        try """
            {"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "samples": [{"x": [10], "y": [0]}]}
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = runCLI(["train", "--network", file.path, "--epochs", "400", "--learning-rate", "5"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: training diverged: the loss became infinite after 52 epochs;"))
        #expect(result.stderr.hasSuffix("epochs; try a smaller --learning-rate (this run used 5)\n"))
    }

    @Test func saturatedSigmoidGetsANote() {
        let result = runCLI(["step", "--network", Fixtures.path("saturated.json"), "--layer", "1", "--j", "0", "--k", "0"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  Note: the sigmoid is saturated here: z_0^1 is far from 0, so its slope is almost 0"))
        let normal = runCLI(["step", "--layer", "L", "--j", "1", "--k", "2"])
        #expect(!normal.stdout.contains("saturated"))
    }

    @Test func sigmoidIsStableForLargeArguments() {
        #expect(Activation.sigmoid.value(-800) == 0)
        #expect(Activation.sigmoid.value(800) == 1)
        #expect(Activation.sigmoid.value(-745).isFinite)
        #expect(!Activation.sigmoid.value(-30).isNaN)
        // The two branches meet at 0 and agree with the textbook formula where it is safe.
        for z in stride(from: -20.0, through: 20, by: 0.5) {
            let textbook = 1 / (1 + exp(-z))
            #expect(abs(Activation.sigmoid.value(z) - textbook) <= 1e-15 * textbook)
        }
        #expect(Activation.tanh.value(1000) == 1)
    }
}

/// The gradient check passes on correct gradients even where they are tiny, and refuses to start
/// on networks so large that it would run for hours.
struct CheckTests {
    @Test func tinyGradientsPassWithinTheFiniteDifferencesNoise() throws {
        // A random network with two gradients so small that their relative error is above 1e-5,
        // although they differ by less than the finite difference can resolve.
        let network = Network.random(sizes: [40, 20, 5], samples: 4, seed: 2)
        let check = try network.gradientCheck()
        #expect(check.entries.contains { $0.relativeError > check.threshold })
        #expect(check.failures == 0)
        #expect(try check.noise == 10 * network.gradients().loss.ulp / 1e-6)
    }

    @Test func aWrongGradientStillFails() throws {
        // Perturbing the check itself: a wrong "backprop" value must be caught.
        let check = try Network.standard.gradientCheck()
        #expect(check.failures == 0)
        let entry = check.entries[0]
        let wrong = entry.backprop * 1.001
        let judged = GradientCheck.Entry(layer: entry.layer, j: entry.j, k: entry.k, backprop: wrong, numeric: entry.numeric,
                                         threshold: check.threshold, noise: check.noise)
        // Worked out here, not by the code under test: 0.1% off is far above 1e-5 and far above the noise.
        #expect(abs(wrong - entry.numeric) / abs(wrong) > 1e-4 && abs(wrong - entry.numeric) > check.noise)
        #expect(!judged.passed)
        let perturbed = GradientCheck(epsilon: check.epsilon, threshold: check.threshold, lossULP: check.lossULP,
                                      entries: [judged] + check.entries.dropFirst())
        #expect(perturbed.failures == 1)
    }

    @Test func hugeNetworksAreRefused() {
        let result = runCLI(["check", "--random", "784,128,10", "--samples", "1"])
        #expect(result.status == 64)
        // 784·128 + 128·10 = 101632 weights, 138 biases; two passes over 1 sample per parameter, plus packing;
        // each pass 101632 multiply-adds and 100 for each of the 2 layers.
        let work: Int = 2 * 101_770 * (1 + 1) * (101_632 + 2 * 100)
        #expect(work == 41_453_770_560)
        let expected: String = "Error: check runs two forward passes over its 1 sample for each of the 101770 weights "
            + "and biases of this network, about 41,453,770,560 multiply-adds (each layer counted as 100 more), "
            + "more than the 20,000,000,000 a check may take; "
            + "use fewer samples or a smaller network\n"
        #expect(result.stderr.hasPrefix(expected))
    }
}
