import Foundation
import NNExplainTestSupport
import Testing

/// `--format beamer` as text: one frame per block, and check's prose as mathematics (compiled by
/// pdflatex in `BeamerTests` of the integration tests).
struct BeamerTextTests {
    /// check's prose states the relative error as a formula and its numbers as the table does:
    /// no `1e-7` in LaTeX or Markdown, and the bars of `|backprop − numeric|` as `\lvert`, `\rvert`.
    @Test(arguments: ["latex", "beamer", "markdown"])
    func checkProseIsMathematics(_ format: String) {
        let output = runCLI(["check", "--format", format]).stdout
        #expect(!output.contains("1e-"))
        #expect(output.contains("\\lvert \\text{backprop} - \\text{numeric} \\rvert"))
        #expect(!output.contains("|backprop"))
    }

    /// One frame per logical block: the opening, the chain rule, each term, the result.
    @Test func oneFramePerBlock() {
        let slides = runCLI(["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "beamer"]).stdout
        let titles = slides.matches(of: try! Regex(#"\\begin\{frame\}\[[^\]]*\]\{(.*)\}\n"#)).map { String($0.output[1].substring!) }
        #expect(titles.count == 6)
        #expect(titles.first?.hasSuffix(", for sample 0") == true)
        #expect(Array(titles.dropFirst()).map { $0.prefix(6) } == ["Chain ", "Term 1", "Term 2", "Term 3", "Result"])
    }
}
