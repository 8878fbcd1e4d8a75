import Foundation
import NNExplainCLI
import Synchronization
import Testing

/// What changes on a terminal: `walk` waits for Enter between steps, `train` draws a progress bar.
struct InteractiveTests {
    /// Answers to the walk's prompts, one per call, then end of input.
    final class Answers: Sendable {
        private let remaining: Mutex<[String]>
        init(_ answers: [String]) { remaining = Mutex(answers) }
        func next() -> String? { remaining.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
    }

    @Test func walkWaitsForEnterAndStopsAtQ() {
        let answers = Answers(["", "", "q"])
        var out = "", err = ""
        let status = run(arguments: ["walk"], stdout: &out, stderr: &err,
                         environment: Environment(stdinIsTerminal: true, readLine: { answers.next() }))
        #expect(status == 0)
        #expect(err == "")
        #expect(out.components(separatedBy: "Enter: next step, q: quit").count - 1 == 3, "three prompts, then q")
        #expect(out.contains("[1/25] Enter: next step, q: quit "))
        #expect(out.contains("Step 2 of 24"))
        #expect(!out.contains("Step 3 of 24"), "stopped after q")
    }

    @Test func walkPrintsEverythingWhenInputIsNotATerminal() {
        let all = runCLI(["walk"]).stdout
        #expect(!all.contains("Enter: next step"))
        #expect(all.contains("Step 24 of 24"))
    }

    @Test func trainDrawsProgressOnlyForLongRuns() {
        let drawn = Mutex<[String]>([])
        let environment = Environment(stderrIsTerminal: true, progress: { line in drawn.withLock { $0.append(line) } })
        var out = "", err = ""
        _ = run(arguments: ["train", "--epochs", "100"], stdout: &out, stderr: &err, environment: environment)
        #expect(drawn.withLock { $0.isEmpty }, "a short run needs no bar")
        _ = run(arguments: ["train", "--epochs", "3000"], stdout: &out, stderr: &err, environment: environment)
        let lines = drawn.withLock { $0 }
        #expect(lines.contains { $0.contains("] 100% (3000/3000 epochs)") })
        #expect(lines.count <= 102, "at most once per percent, plus clearing the line")
        #expect(!out.contains("\r"), "the bar never goes to stdout")
    }
}
