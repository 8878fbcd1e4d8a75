import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// `step` explains every weight of every layer of every reference network, and the number it explains
/// is exactly the engine's gradient, which GradientOracleTests proves against `_Differentiation` and
/// finite differences. Driven through the whole command line, with the network passed as a file.
struct StepCoverageTests {
    @Test(arguments: ReferenceNetworks.all)
    func everyWeightOfEveryLayer(_ reference: ReferenceNetwork) throws {
        let network = reference.network
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("nnexplain-step-\(UUID().uuidString).json")
        try network.fileText().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let gradients = try network.gradients()
        let traces = try network.traces()
        for l in 1...network.depth {
            for j in 0..<network.size(ofLayer: l) {
                for k in 0..<network.size(ofLayer: l - 1) {
                    let base = ["step", "--network", file.path, "--layer", String(l), "--j", String(j), "--k", String(k)]
                    let last = network.samples.count - 1
                    let one = runCLI(base + ["--sample", String(last), "--format", "json"])
                    #expect(one.status == 0 && one.stderr == "")
                    let oneValue = try JSONValue.parse(Array(one.stdout.utf8))["value"]?.doubleValue
                    #expect(oneValue == traces[last].weightGradient(layer: l, j: j, k: k), "w_\(j)\(k)^\(l)")

                    let mean = runCLI(base + ["--average", "--format", "json"])
                    let meanValue = try JSONValue.parse(Array(mean.stdout.utf8))["value"]?.doubleValue
                    #expect(meanValue == gradients.layers[l - 1].weights[j][k], "w_\(j)\(k)^\(l) averaged")

                    let text = runCLI(base + ["--average"])
                    #expect(text.status == 0)
                    let result = TextRenderer(naming: LayerNaming(depth: network.depth, relative: false))
                        .number(gradients.layers[l - 1].weights[j][k])
                    #expect(text.stdout.hasSuffix("= \(result)\n" + text.stdout.split(separator: "\n").last! + "\n"),
                            "the text ends with the averaged result, then the sentence about its sign")
                }
            }
        }
    }

    /// The explanation's sums are the engine's own: every hidden-layer sum shown equals the sum of the
    /// summands shown, added in the order they are printed.
    @Test(arguments: ReferenceNetworks.all)
    func sumsShownAddUp(_ reference: ReferenceNetwork) throws {
        let network = reference.network
        for l in 1..<network.depth {
            let d = try network.derivation(layer: l, j: 0, k: 0, sample: 0)
            guard case .hidden(let sum, let traceBack, let outputs) = d.first else {
                Issue.record("layer \(l) should be hidden")
                continue
            }
            for s in [sum] + traceBack.flatMap({ $0 }) {
                var total = 0.0
                for summand in s.summands {
                    #expect(summand.value == summand.factors.dropFirst().reduce(summand.factors[0], *))
                    total += summand.value
                }
                #expect(total == s.value)
            }
            #expect(outputs.count == network.size(ofLayer: network.depth))
            #expect(traceBack.count == network.depth - l - 1)
            #expect(d.value == d.firstValue * d.slope.value * d.input)
        }
    }
}
