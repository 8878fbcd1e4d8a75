// @testable: builds MatrixForm values by hand, whose initializers are internal.
@testable import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `nnexplain matrix`: its numbers are the index form's to the bit, its shape sentences are right for
/// non-square layers, its layout keeps within the width, and its errors are exact.
struct MatrixTests {
    static let random = ["--random", "3,4,2", "--seed", "7", "--samples", "3"]

    /// The JSON of `arguments`, which must succeed silently.
    static func json(_ arguments: [String]) throws -> JSONValue {
        let result = runCLI(arguments + ["--format", "json"])
        #expect(result.status == 0 && result.stderr == "")
        return try JSONValue.parse(Array(result.stdout.utf8))
    }

    static func vector(_ value: JSONValue?) -> [Double] { value?.arrayValue?.compactMap(\.doubleValue) ?? [] }
    static func matrix(_ value: JSONValue?) -> [[Double]] { value?.arrayValue?.map { vector($0) } ?? [] }

    @Test(arguments: [(Network.standard, [String]()), (Network.random(sizes: [3, 4, 2], samples: 3, seed: 7), random)])
    func perSampleJSONIsTheTraceBitForBit(_ network: Network, _ source: [String]) throws {
        for s in network.samples.indices {
            let t = try network.trace(sample: s)
            let layers = try Self.json(["matrix", "--sample", "\(s)"] + source)["layers"]?.arrayValue ?? []
            #expect(layers.map { $0["layer"]?.integerValue } == Array((1...network.depth).reversed()))
            for entry in layers {
                let l = entry["layer"]!.integerValue!
                let n = network.size(ofLayer: l), m = network.size(ofLayer: l - 1)
                #expect(Self.vector(entry["delta"]) == (0..<n).map { t.delta(layer: l, j: $0) })
                #expect(Self.vector(entry["dCda"]) == t.layer(l).dCda)
                #expect(Self.vector(entry["biasGradient"]) == (0..<n).map { t.biasGradient(layer: l, j: $0) })
                #expect(Self.matrix(entry["weightGradient"]) == (0..<n).map { j in (0..<m).map { t.weightGradient(layer: l, j: j, k: $0) } })
            }
        }
    }

    @Test(arguments: [(Network.standard, [String]()), (Network.random(sizes: [3, 4, 2], samples: 3, seed: 7), random)])
    func averagedJSONIsTheEnginesGradientsBitForBit(_ network: Network, _ source: [String]) throws {
        let gradients = try network.gradients()
        let traces = try network.traces()
        for entry in try Self.json(["matrix", "--average"] + source)["layers"]?.arrayValue ?? [] {
            let l = entry["layer"]!.integerValue!
            #expect(Self.matrix(entry["weightGradient"]) == gradients.layers[l - 1].weights)
            #expect(Self.vector(entry["biasGradient"]) == gradients.layers[l - 1].biases)
            // Row s of Δ^l is δ^l of sample s.
            #expect(Self.matrix(entry["delta"]) == traces.map { t in (0..<network.size(ofLayer: l)).map { t.delta(layer: l, j: $0) } })
        }
    }

    /// BP2 computed here independently, `(W^(l+1))^T δ^(l+1) ⊙ g'(z^l)` from the forward values
    /// and the closed-form loss derivative, agrees with the tool to rounding.
    @Test func hiddenDeltaIsTheTransposedProduct() throws {
        let network = Network.standard, t = try network.trace(sample: 0)
        let a3: [Double] = t.layer(3).a, y: [Double] = network.samples[0].y
        var deltaL: [Double] = []
        for j in 0..<2 {
            let slope: Double = a3[j] * (1 - a3[j])
            deltaL.append(2 * (a3[j] - y[j]) * slope)
        }
        let W: [[Double]] = network.layer(3).weights, a2: [Double] = t.layer(2).a
        var expected: [Double] = []
        for k in 0..<3 {
            var sum = 0.0
            for i in 0..<2 { sum += W[i][k] * deltaL[i] }
            let slope: Double = a2[k] * (1 - a2[k])
            expected.append(sum * slope)
        }
        let shown = Self.vector(try Self.json(["matrix", "--layer", "L-1"])["layers"]?.arrayValue?.first?["delta"])
        #expect(shown.count == 3)
        for (x, e) in zip(shown, expected) {
            let error: Double = abs(x - e)
            #expect(error <= 1e-15)
        }
    }

    @Test func shapesAreCheckedInWordsForANonSquareNetwork() {
        let hidden = runCLI(["matrix", "--layer", "L-1"] + Self.random).stdout
        #expect(hidden.contains("W^L is 2×4, a row for each node of layer L and a column for each node of layer L-1, so (W^L)^T is 4×2; times δ^L (2×1) it gives 4×1, one entry per node of layer L-1."))
        #expect(hidden.contains("Without the transpose the shapes would not fit: W^L (2×4) times δ^L (2×1) has inner sizes 4 and 2."))
        #expect(hidden.contains("δ^(L-1) is 4×1 and (a^(L-2))^T is 1×3, so their product is 4×3, the shape of W^(L-1)"))
        let batch = runCLI(["matrix", "--average", "--layer", "L"] + Self.random).stdout
        #expect(batch.contains("(Δ^L)^T is 2×3 (n×N) and A^(L-1) is 3×4 (N×m), so the product is 2×4, the shape of W^L"))
        #expect(batch.contains("numpy: dW[2] = Delta[2].T @ A[1] / N"))
        let square = runCLI(["matrix", "--layer", "L-2"]).stdout
        #expect(square.contains("W^(L-1) is square, so W^(L-1) δ^(L-1) would multiply too"))
    }

    @Test func matricesFitTheWidthAndBigOnesAreElided() {
        for arguments in [["matrix"], ["matrix", "--average"]] {
            let lines = runCLI(arguments).stdout.split(separator: "\n")
            let drawn = lines.filter { $0.contains("⎡") || $0.contains("⎢") || $0.contains("⎣") || $0.contains("[ ") }
            #expect(!drawn.isEmpty)
            #expect(drawn.allSatisfy { $0.count <= TextRenderer.matrixLineWidth }, "\(drawn.filter { $0.count > 100 })")
            #expect(!lines.contains { $0.contains("⋮") })
        }
        let big = runCLI(["matrix", "--random", "10,9,2", "--layer", "L-1"]).stdout
        #expect(big.contains("Matrices with more than 8 rows or columns show their first and last ones, and so do those too wide for a slide or a page in LaTeX; ⋮ and … stand for the rest"))
        // In LaTeX a six-column matrix is too wide for a 4:3 slide and shows its first and last
        // columns; the built-in network's three columns stay whole.
        let wide = runCLI(["matrix", "--random", "4,6,6,3", "--seed", "7", "--format", "latex"]).stdout
        #expect(wide.contains("\\cdots"))
        #expect(wide.contains("too wide for a slide or a page in LaTeX"))
        #expect(!runCLI(["matrix", "--format", "latex"]).stdout.contains("\\cdots"))
        #expect(big.contains("⋮") && big.contains("…") && big.contains("⋱"))
        // 8 shown slots of 9 or 10: 4 first, the ellipsis, 3 last.
        #expect(Math.shownIndices(10) == [0, 1, 2, 3, nil, 7, 8, 9])
        #expect(Math.shownIndices(8) == Array(0..<8))
    }

    /// The softmax branch, forced on a sigmoid output (whose Jacobian is diagonal, so `J^T ∇_a C`
    /// is `∇_a C ⊙ g'(z)` and the trace's δ is right for it). Only the writing is tested here:
    /// the softmax activation itself comes with issue 12's other part.
    @Test func theJacobianBranchWritesJTransposeAndTheTracesDelta() throws {
        let network = Network.standard
        let elementwise = try network.matrixForm(sample: 0, layers: [3])
        let f = elementwise.layers[0]
        let forced = MatrixForm(scope: .sample(0), layers: [MatrixForm.LayerForm(
            layer: 3, rule: .jacobian, dCda: f.dCda, gPrime: f.gPrime, activations: f.activations, delta: f.delta, deltaAbove: f.deltaAbove,
            previousActivations: f.previousActivations, weightGradient: f.weightGradient, biasGradient: f.biasGradient)])
        let text = TextRenderer(naming: LayerNaming(depth: 3)).render(Explanation.matrix(forced, of: network))
        #expect(text.contains("δ^L = J^T ∇_a C_0 = J^T"))
        #expect(text.contains("numpy: delta[3] = J.T @ grad_a_C"))
        #expect(!text.contains("⊙ g_L'(z^L)"))
        #expect(forced.json(naming: LayerNaming(depth: 3))["layers"]?.arrayValue?.first?["deltaRule"]?.stringValue == "jacobian")
    }

    @Test(arguments: [
        (["matrix", "--layer", "4"], "there is no layer 4: this network has L = 3, so --layer must be L, L-1, L-2 or 1…3"),
        (["matrix", "--layer", "0"], "layer 0 is the input layer and has no weights; --layer must be L, L-1, L-2 or 1…3"),
        (["matrix", "--layer", "L-3"], "L-3 is the input layer, which has no weights: this network has L = 3, so --layer must be L, L-1, L-2 or 1…3"),
        (["matrix", "--layer", "top"], "'top' is not a layer; --layer must be L, L-1, L-2 or 1…3"),
        (["matrix", "--sample", "1", "--average"], "--sample and --average cannot be used together; give one of them"),
        (["matrix", "--sample", "2"], "there is no sample 2: the network has 2 samples, so --sample must be 0…1"),
    ])
    func badArgumentsAreUsageErrors(_ arguments: [String], _ message: String) {
        let result = runCLI(arguments)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: \(message)\nUsage: nnexplain matrix "))
    }
}
