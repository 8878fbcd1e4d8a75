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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-saturated-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-saturated-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let json = runCLI(["step", "--network", path, "--layer", "1", "--j", "0", "--k", "0", "--format", "json"])
        #expect(json.status == 0 && !json.stdout.contains("null"))
        #expect(json.stdout.contains("\"symbol\": \"∂C_0/∂z_0^2\",\n      \"formula\": \"∂C_0/∂a_0^2 · g_2'(z_0^2)\",\n      \"value\": -0.7"))
        #expect(json.stdout.contains("\"value\": 840.0"))
    }
}
