import Foundation
import NNExplainCLI
import Synchronization
import NNExplainTestSupport
import Testing

/// What changes on a terminal: `train` draws a progress bar (the walk's pages in a real terminal: `TerminalProcessTests`).
struct InteractiveTests {
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
