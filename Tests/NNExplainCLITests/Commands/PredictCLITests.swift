import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `nnexplain predict` end to end: the JSON's shape and numbers, the sentences of the text, the
/// table's limit, and the errors.
struct PredictCLITests {
    /// ``PredictionsTests/softmax`` as a file, with two held-out samples: x = −3 (class 2, right)
    /// and x = 0.2 (predicted 1, target 0, wrong).
    static let file = """
        {
          "inputs": 1,
          "layers": [ { "activation": "softmax", "weights": [[1], [0], [-1]], "biases": [0, 0.5, 0] } ],
          "loss": "cross-entropy",
          "samples": [
            { "x": [2], "y": [1, 0, 0] }, { "x": [0.5], "y": [0, 1, 0] }, { "x": [0], "y": [0, 1, 0] }, { "x": [-2], "y": [0, 0, 1] },
            { "x": [1], "y": [0, 1, 0] }, { "x": [-0.7], "y": [0, 0, 1] }, { "x": [0.1], "y": [0, 1, 0] }, { "x": [3], "y": [1, 0, 0] }
          ],
          "test": [ { "x": [-3], "y": [0, 0, 1] }, { "x": [0.2], "y": [1, 0, 0] } ]
        }
        """

    static func path(_ text: String = file) throws -> String { try ScratchFolder.file(text, kind: "predict", ext: "json") }

    @Test func theJSONHoldsEverySampleAndBothAccuracies() throws {
        let result = runCLI(["predict", "--network", try Self.path(), "--format", "json"])
        #expect(result.status == 0 && result.stderr == "")
        let json = try JSONValue.parse(Array(result.stdout.utf8))
        #expect(json.objectMembers?.map(\.key) == ["accuracy", "correct", "loss", "samples", "confusion", "test"])
        #expect(json["accuracy"]?.doubleValue == 0.75 && json["correct"]?.integerValue == 6)
        let samples = try #require(json["samples"]?.arrayValue)
        #expect(samples.count == 8)
        #expect(samples.allSatisfy { $0.objectMembers?.map(\.key) == ["output", "predicted", "target", "correct"] })
        #expect(samples.map { $0["predicted"]?.integerValue } == [0, 0, 1, 2, 0, 2, 1, 0])
        #expect(samples.map { $0["correct"]?.boolValue } == [true, false, true, true, false, true, true, true])
        // Sample 3, x = −2: a = e^z / Σ e^z with z = (−2, 0.5, 2).
        let z = [-2.0, 0.5, 2], total = z.map(exp).reduce(0, +)
        let values = try #require(samples[3]["output"]?.arrayValue)
        let output = values.compactMap { $0.doubleValue }
        #expect(zip(output, z).allSatisfy { abs($0 - exp($1) / total) <= 1e-15 })
        let confusion = try #require(json["confusion"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.integerValue) ?? [] })
        #expect(confusion.flatMap { $0 }.reduce(0, +) == 8 && confusion == [[2, 0, 0], [2, 2, 0], [0, 0, 2]])
        let test = try #require(json["test"])
        #expect(test["accuracy"]?.doubleValue == 0.5 && test["samples"]?.arrayValue?.count == 2)
        #expect(test["confusion"]?.arrayValue?.count == 3)
        let expectedLoss = ((log(exp(-3) + exp(0.5) + exp(3)) - 3) + (log(exp(0.2) + exp(0.5) + exp(-0.2)) - 0.2)) / 2
        let loss = try #require(test["loss"]?.doubleValue)
        #expect(abs(loss - expectedLoss) <= 1e-14)
    }

    @Test func theTextSaysHowManyAreRight() throws {
        let file = try Self.path()
        let text = runCLI(["predict", "--network", file]).stdout
        #expect(text.hasPrefix("Predictions for the 8 training samples: 6 of 8 right (75%)\n"))
        #expect(text.contains("on a tie the lowest such j"))
        #expect(text.contains("Training samples: 6 of 8 right (75%); their mean loss C = "))
        #expect(text.contains("Test samples: 1 of 2 right (50%); their mean loss "))
        #expect(text.components(separatedBy: " right\n").count - 1 == 6 && text.components(separatedBy: " wrong\n").count - 1 == 2)
        let listed = runCLI(["predict", "--network", file, "--test"]).stdout
        #expect(listed.hasPrefix("Predictions for the 2 test samples: 1 of 2 right (50%)\n"))
        #expect(listed.contains("Confusion matrix of the test samples"))
        let short = runCLI(["predict", "--network", file, "--rows", "2"]).stdout
        #expect(short.contains("The table lists the first 2 of the 8 samples; --rows N lists more."))
        #expect(short.components(separatedBy: " right\n").count - 1 == 1, "sample 0 right, sample 1 wrong, no more rows")
        #expect(short.contains("Training samples: 6 of 8 right (75%)"), "the accuracy still counts every sample")
        let markdown = runCLI(["predict", "--network", file, "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("## Predictions for the 8 training samples"))
    }

    @Test func aNetworkWithoutTestSamplesHasNoneToList() throws {
        let builtIn = runCLI(["predict", "--test"])
        #expect(builtIn.status == 64 && builtIn.stdout == "")
        #expect(builtIn.stderr.hasPrefix("Error: --test lists the test samples, but this network has none; add \"test\""))
        let plain = runCLI(["predict", "--format", "json"])
        #expect(plain.status == 0)
        #expect(try JSONValue.parse(Array(plain.stdout.utf8))["test"] == nil)
        let empty = try Self.path(Self.file.replacingOccurrences(of: #""test": [ { "x": [-3], "y": [0, 0, 1] }, { "x": [0.2], "y": [1, 0, 0] } ]"#,
                                                                  with: #""test": []"#))
        #expect(runCLI(["predict", "--network", empty, "--test"]).status == 64)
        #expect(runCLI(["predict", "--rows", "-1"]).status == 64)
        #expect(runCLI(["predict", "--format", "latex"]).status == 64)
    }

    @Test func anOverflowingTestSampleIsNamedAsOne() throws {
        let huge = try Self.path(#"{"inputs": 1, "layers": [{"activation": "sigmoid", "weights": [[10]]}], "samples": [{"x": [0], "y": [0]}], "#
            + #""test": [{"x": [1], "y": [1]}, {"x": [1e308], "y": [1]}]}"#)
        let result = runCLI(["predict", "--network", huge])
        #expect(result.status == 1 && result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: the computation overflowed: z_0^L of test sample 1 "), "\(result.stderr)")
    }
}
