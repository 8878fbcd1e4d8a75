import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The exercise and nudge commands end to end: exit codes, errors and the LaTeX sheet.
struct PracticeCLITests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-answers-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func gradingExitsZeroWhateverTheScoreAndBadFilesAreErrors() throws {
        let wrong = try Self.file("1: 100\n")
        let graded = runCLI(["exercise", "--seed", "3", "--grade", wrong, "--format", "json"])
        #expect(graded.status == 0 && graded.stdout.contains("\"score\": 0"))
        let missing = runCLI(["exercise", "--grade", "/nonexistent/answers.txt"])
        #expect(missing.status == 66 && missing.stdout == "")
        #expect(missing.stderr == "Error: cannot read answers file '/nonexistent/answers.txt': no such file; check the path\n")
        let bad = try Self.file("1 0.42\n")
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

    @Test func theJSONSheetHasTheAnswersOnlyWithTheKey() throws {
        let sheet = try JSONValue.parse(Array(runCLI(["exercise", "--seed", "5", "--format", "json"]).stdout.utf8))
        let key = try JSONValue.parse(Array(runCLI(["exercise", "--seed", "5", "--key", "--format", "json"]).stdout.utf8))
        #expect(sheet["seed"]?.integerValue == 5 && sheet["network"]?["layers"] != nil)
        let questions = try #require(key["questions"]?.arrayValue)
        #expect(questions.allSatisfy { $0["answer"]?.doubleValue != nil && $0["quantity"]?["kind"]?.stringValue != nil })
        #expect(sheet["questions"]?.arrayValue?.allSatisfy { $0["answer"] == nil } == true)
    }
}
