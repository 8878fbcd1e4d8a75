import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The exercise and nudge commands end to end: exit codes, errors and the LaTeX sheet.
struct PracticeCLITests {
    static func file(_ text: String) throws -> String { try ScratchFolder.file(text, kind: "answers", ext: "txt") }

    @Test func gradingExitsZeroWhateverTheScoreAndBadFilesAreErrors() throws {
        let wrong = try Self.file("1: 100\n")
        let graded = runCLI(["exercise", "--seed", "3", "--grade", wrong, "--format", "json"])
        #expect(graded.status == 0 && graded.stdout.contains("\"score\": 0"))
        let missing = runCLI(["exercise", "--grade", "/nonexistent/answers.txt"])
        #expect(missing.status == 66 && missing.stdout == "")
        #expect(missing.stderr == "Error: cannot read answers file '/nonexistent/answers.txt': no such file; check the path\n")
        let bad = try Self.file("{\"1\": 0.42")
        #expect(runCLI(["exercise", "--grade", bad]).status == 65)
        let stray = try Self.file("10: 1\n")
        #expect(runCLI(["exercise", "--grade", stray]).stderr
                == "Error: answers file '\(stray)': there is no question '10' on this sheet; its questions are 1 to 9 (nnexplain exercise --seed 1)\n")
        #expect(runCLI(["exercise", "--grade", wrong, "--key"]).status == 64)
        #expect(runCLI(["exercise", "--grade", wrong, "--format", "latex"]).status == 64)
        #expect(runCLI(["exercise", "--sizes", "2,9,2"]).status == 64)
        #expect(runCLI(["nudge", "--layer", "L", "--j", "0", "--k", "0", "--by", "0"]).status == 64)
        #expect(runCLI(["nudge", "--layer", "L", "--j", "0", "--k", "0", "--sample", "1", "--average"]).status == 64)
    }

    /// Issue 19, items 5 and 8 end to end: a line that cannot be read is named and the rest graded,
    /// unanswered questions are not wrong, and the key's answers appear only with --show-key.
    @Test func gradingReadsWhatItCanAndShowsTheKeyOnlyWhenAsked() throws {
        let answers = try Self.file("1: -0,262\nbanana\n\n2) 0.435\n")
        let graded = runCLI(["exercise", "--seed", "3", "--grade", answers])
        #expect(graded.status == 0 && graded.stderr == "")
        #expect(graded.stdout.contains("Not read, so not graded: line 2, 'banana', is not an answer"))
        #expect(graded.stdout.contains("1. z_0^1: you wrote -0.262: right.") && graded.stdout.contains("2. a_0^1: you wrote 0.435: right."))
        #expect(graded.stdout.contains("3. C_0: not answered.") && graded.stdout.contains("Score: 2 of 2 answered (7 of 9 not answered)."))
        #expect(!graded.stdout.contains("the key has") && !graded.stdout.contains("--key"))
        let shown = runCLI(["exercise", "--seed", "3", "--grade", answers, "--show-key"])
        #expect(shown.status == 0 && shown.stdout.contains("3. C_0: not answered; the key has"))
        #expect(runCLI(["exercise", "--seed", "3", "--show-key"]).status == 64)
        #expect(!runCLI(["exercise", "--seed", "3"]).stdout.contains("--key"))
    }

    @Test func theJSONSheetHasTheAnswersOnlyWithTheKey() throws {
        let sheet = try JSONValue.parse(Array(runCLI(["exercise", "--seed", "5", "--format", "json"]).stdout.utf8))
        let key = try JSONValue.parse(Array(runCLI(["exercise", "--seed", "5", "--key", "--format", "json"]).stdout.utf8))
        #expect(sheet["seed"]?.integerValue == 5 && sheet["network"]?["layers"] != nil)
        let questions = try #require(key["questions"]?.arrayValue)
        #expect(questions.allSatisfy { $0["answer"]?.doubleValue != nil && $0["quantity"]?["kind"]?.stringValue != nil })
        #expect(sheet["questions"]?.arrayValue?.allSatisfy { $0["answer"] == nil } == true)
    }

    /// `nudge` explains saturated outputs as every other command does: sigmoid with binary
    /// cross-entropy at z_0^2 ≈ 38.4 (a_0^2 exactly 1), and a softmax whose outputs 1 and 2
    /// underflow to 0; before, both were refused with "give a smaller --by", which no ε cured.
    @Test(arguments: [
        ("sigmoid", "[[32, 20], [-25, 3]]", "[2, 0]", "binary-cross-entropy", "[0, 1]"),
        ("softmax", "[[900, 20], [-900, 3], [0, 1]]", "[1, 0, 0]", "cross-entropy", "[0.2, 0.5, 0.3]"),
    ])
    func nudgeExplainsSaturatedOutputs(_ output: String, _ weights: String, _ biases: String, _ loss: String, _ y: String) throws {
        let network = try Self.file("""
            {"inputs": 2, "loss": "\(loss)", "layers": [
              {"activation": "sigmoid", "weights": [[2, 1], [-1, 0.5]], "biases": [0, 0.1]},
              {"activation": "\(output)", "weights": \(weights), "biases": \(biases)}],
             "samples": [{"x": [1, 0.5], "y": \(y)}]}
            """)
        for (layer, by) in [("1", "0.01"), ("L", "0.001"), ("L", "10")] {
            for scope in [["--sample", "0"], ["--average"]] {
                let run = runCLI(["nudge", "--network", network, "--layer", layer, "--j", "0", "--k", "0", "--by", by] + scope)
                #expect(run.status == 0 && run.stderr == "", "\(output), layer \(layer), --by \(by): \(run.stderr)")
                #expect(run.stdout.contains("the gradient times ε predicted") && !run.stdout.contains("nan") && !run.stdout.contains("inf"))
            }
        }
    }

    /// What a smaller ε cures is refused with a smaller --by, and a smaller one is explained.
    @Test func nudgeRefusesOnlyWhatOverflowsWithACureThatWorks() throws {
        let network = try Self.file("""
            {"inputs": 1, "layers": [{"activation": "identity", "weights": [[130]]}], "samples": [{"x": [1e152], "y": [0]}]}
            """)
        let large = runCLI(["nudge", "--network", network, "--layer", "L", "--j", "0", "--k", "0", "--by", "10"])
        #expect(large.status != 0 && large.stderr.contains("give a smaller --by (this run used 10)"))
        #expect(runCLI(["nudge", "--network", network, "--layer", "L", "--j", "0", "--k", "0", "--by", "0.01"]).status == 0)
    }
}
