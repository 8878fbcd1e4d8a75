import Foundation
import NNExplain
import NNExplainCore
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The gradient check can fail, and its verdict says only what its numbers show: every number it
/// puts at or below a bound is there, every count is the count of entries worked out here from the
/// backprop and numeric columns, never from the check's own judgement.
struct CheckClaimTests {
    /// The numbers in `text` after each match of `pattern`'s capture groups.
    static func captures(_ pattern: String, in text: String) -> [[Double]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Double(text[Range(match.range(at: $0), in: text)!])! }
        }
    }

    static let number = "(-?[0-9.]+(?:e[-+]?[0-9]+)?)"

    /// Checks the verdict `summary` of entries `(backprop, numeric)` against the rules worked out here.
    static func expectTrue(_ summary: String, entries: [(Double, Double)], threshold: Double, noise: Double) {
        let relative = entries.map { abs($0.0 - $0.1) / max(abs($0.0), abs($0.1), 1e-8) }
        let agreeing = relative.filter { $0 <= threshold }.count
        let noisy = entries.indices.filter { relative[$0] > threshold && abs(entries[$0].0 - entries[$0].1) <= noise }.count
        let failing = entries.count - agreeing - noisy
        #expect(!summary.contains("below"))
        for x in captures("relative error (?:is|of at most) \(number),? (?:at most the threshold|\\(the threshold is) \(number)", in: summary) {
            #expect(x[0] <= x[1], "\(summary)")
            #expect(x[0] == (relative.filter { $0 <= threshold }.max().map { Double(String(format: "%.9g", $0))! }))
        }
        for x in captures("relative error up to \(number), above the threshold", in: summary) { #expect(x[0] > threshold) }
        for x in captures("a difference of at most \(number), within the noise allowance \(number)", in: summary) {
            #expect(x[0] <= x[1])
        }
        let says = { (verb: String) in captures("([0-9]+) \(verb)", in: summary).first?[0] }
        #expect(says("disagrees?") == (failing == 0 ? nil : Double(failing)), "\(summary)")
        #expect(says("pass(?:es)? by the noise rule") == (noisy == 0 ? nil : Double(noisy)))
        if failing == 0 && noisy == 0 {
            #expect(summary.hasPrefix(entries.count == 1 ? "The 1 gradient agrees" : "All \(entries.count) gradients agree"))
        } else {
            #expect(says("agrees?") == (agreeing == 0 ? nil : Double(agreeing)))
        }
    }

    /// The verdict line of a check as text.
    static func summary(_ check: GradientCheck) -> String {
        let text = TextRenderer(naming: LayerNaming(depth: 2)).render(Explanation.check(check))
        return String(text.split(separator: "\n").last!)
    }

    @Test(arguments: ["5e-324", "1e-13"])
    func anEpsilonTooSmallToResolveTheGradientsIsRefused(epsilon: String) throws {
        let result = runCLI(["check", "--epsilon", epsilon])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --epsilon \(epsilon) is too small for this network"))
        // The least ε it names is at or above 10 ulp(C) / (threshold · largest |gradient|), worked out here, and it works.
        let least = try #require(Self.captures("give --epsilon \(Self.number) or more", in: result.stderr).first?[0])
        let gradients = try Network.standard.gradients()
        // The built-in network has no biases, so its gradients are its weights'.
        #expect(Network.standard.layers.allSatisfy { $0.biases == nil })
        let largest = gradients.layers.flatMap { $0.weights.flatMap { $0 } }.map(abs).max()!
        #expect(least >= 10 * gradients.loss.ulp / (1e-5 * largest))
        #expect(least <= 1.1 * 10 * gradients.loss.ulp / (1e-5 * largest))
        #expect(runCLI(["check", "--epsilon", String(least)]).status == 0)
    }

    @Test func aRandomNetworkWhoseTinyGradientsPassByTheNoiseRuleSaysSo() throws {
        let arguments = ["check", "--random", "10,40,40,3", "--samples", "50", "--seed", "3"]
        let text = runCLI(arguments), json = runCLI(arguments + ["--format", "json"])
        #expect(text.status == 0 && json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let entries = (object["entries"] as! [[String: Any]]).map { ($0["backprop"] as! Double, $0["numeric"] as! Double) }
        let noise = object["noise"] as! Double
        let noisy = (object["entries"] as! [[String: Any]]).filter { $0["passedBy"] as? String == "noise" }
        #expect(!noisy.isEmpty && noisy.count == object["passedByNoise"] as! Int)
        #expect(text.stdout.components(separatedBy: "ok (noise)").count - 1 == noisy.count)
        let summary = String(text.stdout.split(separator: "\n").last!)
        Self.expectTrue(summary, entries: entries, threshold: 1e-5, noise: noise)
    }

    /// One entry of each kind, with noise = 10 · 1e-16 / 1e-6 = 1e-9.
    static let agreeing = (1.0, 1.0 + 1e-7), noisy = (1e-6, 1e-6 + 5e-10), failing = (1.0, 1.1)

    @Test(arguments: [[agreeing, agreeing], [agreeing], [agreeing, noisy], [noisy, noisy], [agreeing, failing],
                      [failing], [agreeing, noisy, failing], [noisy, failing]])
    func everyBranchOfTheVerdictIsTrue(pairs: [(Double, Double)]) {
        let entries = pairs.enumerated().map { i, p in
            GradientCheck.Entry(layer: 1, j: i, k: 0, backprop: p.0, numeric: p.1, threshold: 1e-5, noise: 1e-9)
        }
        let check = GradientCheck(epsilon: 1e-6, threshold: 1e-5, lossULP: 1e-16, entries: entries)
        #expect(abs(check.noise - 1e-9) < 1e-24)
        Self.expectTrue(Self.summary(check), entries: pairs, threshold: 1e-5, noise: check.noise)
    }
}
