import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// Issue 19, items 3, 4 and 22, end to end: saturated outputs print the finite numbers they are,
/// every sentence and every printed piece of arithmetic is true at the edges, and `html` refuses the
/// step `update` refuses. Expected values from mpmath at 40 digits, named where they are used.
struct SaturatedOutputCLITests {
    /// One node: `z = w · 1 + 0 = w` exactly.
    static func file(_ activation: String, _ loss: String, weights: [Double], y: [Double], samples: Int = 1,
                     learningRate: Double = 0.1) throws -> String {
        let rows = weights.map { "[\($0)]" }.joined(separator: ", "), biases = weights.map { _ in "0" }.joined(separator: ", ")
        let sample = "{ \"x\": [1], \"y\": [\(y.map { "\($0)" }.joined(separator: ", "))] }"
        let text = """
            { "inputs": 1, "layers": [ { "activation": "\(activation)", "weights": [\(rows)], "biases": [\(biases)] } ],
              "loss": "\(loss)", "learningRate": \(learningRate),
              "samples": [\(Array(repeating: sample, count: samples).joined(separator: ", "))] }
            """
        return try ScratchFolder.file(text, kind: "saturated", ext: "json")
    }

    /// The numbers of the first JSON array after `"key": [`.
    static func numbers(after key: String, in json: String) -> [Double] {
        guard let start = json.range(of: "\"\(key)\": [") else { return [] }
        let rest = json[start.upperBound...]
        return rest[..<(rest.firstIndex(of: "]") ?? rest.endIndex)].split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func matrixOnASaturatedBinaryCrossEntropyOutputIsFinite() throws {
        // z = 37.5, y = 0: ∂C/∂a = 1/σ(−37.5) = 1.93215993044028372e16, g' = σ(37.5)σ(−37.5) = 5.17555500580186800e-17.
        let path = try Self.file("sigmoid", "binary-cross-entropy", weights: [37.5], y: [0])
        let text = runCLI(["matrix", "--network", path])
        #expect(text.status == 0 && !text.stdout.contains("inf"))
        #expect(text.stdout.contains("np.where(1 - a[1] < 2**-20, (1 - y) - sigmoid(-z[1]), a[1] - y)"))
        let json = runCLI(["matrix", "--network", path, "--format", "json"]).stdout
        #expect(!json.contains("null"))
        let dCda = Self.numbers(after: "dCda", in: json), gPrime = Self.numbers(after: "gPrime", in: json)
        #expect(dCda.count == 1 && isClose(dCda[0], 1.93215993044028372e16, relative: 1e-14))
        #expect(gPrime.count == 1 && isClose(gPrime[0], 5.17555500580186800e-17, relative: 1e-14))
        let step = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"])
        #expect(step.status == 0 && !step.stdout.contains("infinite") && step.stdout.contains("1.93215993e+16"))
        let stepJSON = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0", "--format", "json"])
        #expect(stepJSON.status == 0 && !stepJSON.stdout.contains("null"))
    }

    @Test func sigmoidCrossEntropyFarBelowZeroIsExplained() throws {
        // z = −799.5, y = 0.7: C = −0.7 ln σ(−799.5) = 559.65, δ = −0.7 σ(799.5) = −0.7.
        let path = try Self.file("sigmoid", "cross-entropy", weights: [-799.5], y: [0.7])
        let step = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"])
        #expect(step.status == 0, "\(step.stderr)")
        #expect(step.stdout.contains("= -0.7\n"))
        let forward = runCLI(["forward", "--network", path])
        #expect(forward.stdout.contains("C_0 = 559.65") && !forward.stdout.contains("ln 0"))
        // matrix does not write −inf ⊙ 0 = −0.7: ∂C/∂a has no number, and the text says why.
        let matrix = runCLI(["matrix", "--network", path]).stdout
        #expect(!matrix.contains("inf ]") && matrix.contains("beyond the largest double") && matrix.contains("= [ -0.7 ]"))
    }

    @Test func forwardPrintsTrueArithmeticForASaturatedLoss() throws {
        // −[0 ln σ(37.5) + 1 · ln σ(−37.5)] = 37.5 + ln(1 + e^−37.5) = 37.5 in doubles; ln(1 − 1) would be −∞.
        let path = try Self.file("sigmoid", "binary-cross-entropy", weights: [37.5], y: [0])
        let out = runCLI(["forward", "--network", path]).stdout
        #expect(!out.contains("ln (1 − 1)"))
        #expect(out.contains("(1 − 0) · (-37.5)] = 37.5"))
    }

    @Test func targetsThatSumToOneUpToRoundingAreNotCalledOtherThanOne() throws {
        // 0.2 + 0.7 + 0.1 is 0.9999999999999999 in doubles.
        let path = try Self.file("softmax", "cross-entropy", weights: [1, 2, 3], y: [0.2, 0.7, 0.1])
        let out = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"]).stdout
        #expect(!out.contains("not 1"))
        #expect(out.contains("0.9999999999999999"))
        // 0.5 + 0.5 + 1e-17 is 1 in doubles but 1.00000000000000001 exactly: never "exactly 1". (Nor are
        // the doubles nearest 0.8, 0.1, 0.1, whose sum in doubles is 1: "in doubles" is true of both.)
        let near = try Self.file("softmax", "cross-entropy", weights: [1, 2, 3], y: [0.5, 0.5, 1e-17])
        let nearOut = runCLI(["step", "--network", near, "--layer", "L", "--j", "0", "--k", "0"]).stdout
        #expect(!nearOut.contains("sum to exactly 1"))
        #expect(nearOut.contains("The targets sum to 1 in doubles, so this is"))
        // 0.5 + 0.25 + 0.25 is 1 exactly; 1 + 0.5 + 0.5 is 2, written "2", not "2.0".
        let exact = try Self.file("softmax", "cross-entropy", weights: [1, 2, 3], y: [0.5, 0.25, 0.25])
        #expect(runCLI(["step", "--network", exact, "--layer", "L", "--j", "0", "--k", "0"]).stdout.contains("The targets sum to exactly 1"))
        let two = try Self.file("softmax", "cross-entropy", weights: [1, 2, 3], y: [1, 0.5, 0.5])
        #expect(runCLI(["step", "--network", two, "--layer", "L", "--j", "0", "--k", "0"]).stdout.contains("The targets sum to 2, not 1"))
    }

    @Test func aSubnormalOutputIsNotCalledZero() throws {
        // z = (0, 740): a_0 = 1/(1 + e^740) ≈ 4.2e-322, subnormal but not 0; y_0 = 1 makes −y_0/a_0 overflow.
        let path = try Self.file("softmax", "cross-entropy", weights: [0, 740], y: [1, 0])
        let out = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"]).stdout
        #expect(!out.contains("rounded to exactly 0"))
        #expect(out.contains("beyond the largest double"))
    }

    @Test func aTinyAveragedGradientIsNotCalledZero() throws {
        // z = 41, y = 1, two samples: ∂C/∂w = σ(41) − 1 = −σ(−41) = −1.56288218933498877e-18, not 0.
        let path = try Self.file("sigmoid", "binary-cross-entropy", weights: [41], y: [1], samples: 2)
        let out = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0", "--average"]).stdout
        #expect(!out.contains("Zero:"))
        #expect(out.contains("= -1.56288219e-18\n  Negative"))
    }

    @Test func htmlRefusesTheStepUpdateRefuses() throws {
        // w = 2, x = 1, y = 0, squared: ∂C/∂w = 2 · 2 · 1 = 4, so w − 1e308 · 4 overflows.
        let path = try Self.file("identity", "squared", weights: [2], y: [0], learningRate: 1e308)
        let update = runCLI(["update", "--network", path]), html = runCLI(["html", "--network", path])
        #expect(update.status == 1 && html.status == 1)
        #expect(html.stderr.contains("the step overflowed: w_00^L became infinite"))
        #expect(!html.stdout.contains("inf") && !html.stdout.contains("nan"))
    }

    /// The page's text with its tags removed and runs of spaces made one.
    static func pageText(_ html: String) -> String {
        var text = "", inTag = false
        for c in html {
            if c == "<" { inTag = true; text.append(" ") } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func thePagesBiasOfAStableFormOutputIsItsDelta() throws {
        // Softmax + cross-entropy, z = (0, ln 3), y = (0, 1): a = (1/4, 3/4), δ = a − y = (1/4, −1/4).
        // ∂C/∂a_0 · g'(z_0) = 0 · 3/16 is 0, not δ_0: the page must not write that product for the bias.
        let softmax = try Self.file("softmax", "cross-entropy", weights: [0, 1.0986122886681098], y: [0, 1])
        let page = Self.pageText(runCLI(["html", "--network", softmax]).stdout)
        #expect(!page.contains("0 · 0.1875 · 1 = 0.25"))
        #expect(page.contains("∂ C 0 / ∂ z 0 L · 1 = 0.25 · 1 = 0.25"))
        // Sigmoid + cross-entropy at z = −799.5: ∂C/∂a is beyond a double, δ = −0.7; the page says so without inf (its minus signs are U+2212).
        let saturated = try Self.file("sigmoid", "cross-entropy", weights: [-799.5], y: [0.7])
        let html = runCLI(["html", "--network", saturated])
        #expect(html.status == 0, "\(html.stderr)")
        let text = Self.pageText(html.stdout)
        #expect(!text.contains("inf") && text.contains("∂ C 0 / ∂ z 0 L · 1 = −0.7 · 1 = −0.7"))
    }

    @Test func aSaturatedTanhSlopeIsShownWithoutFalseArithmetic() throws {
        // z = 20: tanh 20 rounds to 1, g' = sech² 20 = 1.69934170e-17 (mpmath); 1 − (1)² would be 0.
        let path = try Self.file("tanh", "squared", weights: [20], y: [0])
        let out = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"]).stdout
        #expect(out.contains("= 1 − (a_0^L)²\n                = 1.6993417e-17"))
        #expect(!out.contains("1 − (1)²"))
    }

    @Test func aHiddenWeightsJSONCarriesTheNumbersTheTextShows() throws {
        // Sigmoid 1 → sigmoid + cross-entropy with w^2 = −1200: z^2 = −1200 σ(1), ∂C/∂a^2 = −0.7/σ(z^2) is beyond a
        // double, δ^2 = −0.7 σ(−z^2) = −0.7 and ∂C/∂a^1 = δ^2 · w^2 = 840 (hand arithmetic).
        let text = """
            { "inputs": 1, "layers": [ { "activation": "sigmoid", "weights": [[1]], "biases": [0] },
              { "activation": "sigmoid", "weights": [[-1200]], "biases": [0] } ],
              "loss": "cross-entropy", "samples": [ { "x": [1], "y": [0.7] } ] }
            """
        let path = try ScratchFolder.file(text, kind: "saturated", ext: "json")
        let json = runCLI(["step", "--network", path, "--layer", "1", "--j", "0", "--k", "0", "--format", "json"])
        #expect(json.status == 0 && !json.stdout.contains("null"))
        #expect(json.stdout.contains("\"symbol\": \"∂C_0/∂z_0^2\",\n      \"formula\": \"∂C_0/∂a_0^2 · g_2'(z_0^2)\",\n      \"value\": -0.7"))
        #expect(json.stdout.contains("\"value\": 840.0"))
    }

    // matrix's numpy lines compute the printed numbers on saturated outputs: each test below evaluates
    // the printed line's expression with the same double operations numpy performs and compares
    // with the printed (JSON) number and with mpmath at 40 digits.

    @Test func matrixsNumpySlopeOfASaturatedTanhIsSechSquared() throws {
        // z = 20: 1 − tanh² 20 is 0 in doubles; sech² 20 = 1.6993417021166355837e-17 (mpmath).
        let path = try Self.file("tanh", "squared", weights: [20], y: [0])
        let text = runCLI(["matrix", "--network", path]).stdout
        #expect(text.contains("g_prime = lambda z: 4 * np.exp(-2 * np.abs(z)) / (1 + np.exp(-2 * np.abs(z)))**2"))
        let gPrime = Self.numbers(after: "gPrime", in: runCLI(["matrix", "--network", path, "--format", "json"]).stdout)
        let e = exp(-2 * abs(20.0)), printedLine = 4 * e / ((1 + e) * (1 + e))
        #expect(1 - tanh(20.0) * tanh(20.0) == 0)  // why the textbook g_prime will not do
        #expect(gPrime == [printedLine])
        #expect(isClose(printedLine, 1.6993417021166355837e-17, relative: 1e-14))
    }

    @Test func matrixsNumpyGradientOfASquaredLossOnASaturatedSigmoidKeepsItsDigits() throws {
        // z = 40, y = 1: a − y is 0 in doubles; δ = 2((1 − y) − σ(−40)) · σ(40)σ(−40) = −3.6097027756908302986e-35 (mpmath).
        let path = try Self.file("sigmoid", "squared", weights: [40], y: [1])
        let text = runCLI(["matrix", "--network", path]).stdout
        #expect(text.contains("grad_a_C = 2 * np.where(1 - a[1] < 2**-20, (1 - y) - sigmoid(-z[1]), a[1] - y)"))
        let delta = Self.numbers(after: "delta", in: runCLI(["matrix", "--network", path, "--format", "json"]).stdout)
        let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
        let gradient = 2 * ((1 - 1) - sigmoid(-40)), slope = sigmoid(40) * sigmoid(-40)
        #expect(delta.count == 1 && isClose(delta[0], gradient * slope, relative: 1e-15))
        #expect(isClose(gradient * slope, -3.6097027756908302986e-35, relative: 1e-14))
    }

    @Test func matrixsNumpyJacobianOfASaturatedSoftmaxKeepsItsDiagonal() throws {
        // z = (0, 40), y = (0, 1), squared: δ = Jᵀ ∇_a C = (7.2194055513816605972e-35, −7.2194055513816605972e-35)
        // (mpmath); np.diag(a) - np.outer(a, a) and a − y would give half of it.
        let path = try Self.file("softmax", "squared", weights: [0, 40], y: [0, 1])
        let text = runCLI(["matrix", "--network", path]).stdout
        #expect(text.contains("J = -np.outer(a[1], a[1]); np.fill_diagonal(J, a[1] * np.where(1 - a[1] < 2**-20, R, 1 - a[1]))"))
        #expect(text.contains("grad_a_C = 2 * np.where(1 - a[1] < 2**-20, (1 - y) - R, a[1] - y)"))
        let delta = Self.numbers(after: "delta", in: runCLI(["matrix", "--network", path, "--format", "json"]).stdout)
        // The lines' arithmetic: e = exp(z − max z), R_j = Σ_(i≠j) e_i / Σ e, a = e / Σ e.
        let e = [exp(-40.0), 1.0], total = e[0] + e[1], R = [e[1] / total, e[0] / total], a = [e[0] / total, e[1] / total], y = [0.0, 1.0]
        let complement = (0..<2).map { 1 - a[$0] < 0x1p-20 ? R[$0] : 1 - a[$0] }
        let gradient = (0..<2).map { 1 - a[$0] < 0x1p-20 ? 2 * ((1 - y[$0]) - R[$0]) : 2 * (a[$0] - y[$0]) }
        let J = (0..<2).map { i in (0..<2).map { j in i == j ? a[i] * complement[i] : -a[i] * a[j] } }
        let lines = (0..<2).map { j in J[0][j] * gradient[0] + J[1][j] * gradient[1] }
        #expect(delta.count == 2 && zip(delta, lines).allSatisfy { isClose($0, $1, relative: 1e-15) })
        #expect(isClose(lines[0], 7.2194055513816605972e-35, relative: 1e-14) && isClose(lines[1], -7.2194055513816605972e-35, relative: 1e-14))
    }

    @Test func aQuotientWhoseDivisorUnderflowedIsNotWrittenAsZeroOverZero() throws {
        // z = 800, y = 1: ∂C/∂a = −1/σ(800) + 0/σ(−800) = −1, and z = −800, y = 0: 0/σ(−800) + 1/σ(800) = 1
        // (hand arithmetic); σ(−800) = 3.6e-348 is 0 in doubles, so the quotients' numbers read 0 / 0.
        for (w, y, value) in [(800.0, 1.0, "-1"), (-800.0, 0.0, "1")] {
            let path = try Self.file("sigmoid", "binary-cross-entropy", weights: [w], y: [y])
            let out = runCLI(["step", "--network", path, "--layer", "L", "--j", "0", "--k", "0"]).stdout
            #expect(!out.contains("(1 − 1) / (1 − 1)") && !out.contains("−0 / 0"), "z = \(w)")
            #expect(out.contains("∂C_0/∂a_0^L = −y_0 / a_0^L + (1 − y_0) / (1 − a_0^L) = \(value)\n"), "z = \(w)")
        }
    }
}
