import Foundation
import NNExplainTestSupport
import Testing

/// The Markdown of every command that writes it, read the way GitHub, KaTeX and pandoc read it:
/// what a renderer would change or hide must not be there.
struct MarkdownTests {
    static let mazur = Fixtures.path("mazur.json")

    /// One command line for each command with `--format markdown`, with the averages and biases
    /// that bring per-sample rows and bias columns.
    static let commands: [[String]] = [
        ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"],
        ["step", "--network", mazur, "--layer", "L", "--j", "0", "--k", "0"],
        ["forward", "--network", mazur],
        ["gradients"],
        ["update", "--layer", "L-1", "--j", "2", "--k", "2"],
        ["update", "--network", mazur],
        ["check", "--network", mazur],
        ["matrix", "--layer", "L", "--average"],
        ["exercise", "--seed", "7", "--key"],
    ]

    static func markdown(_ arguments: [String]) -> String {
        let result = runCLI(arguments + ["--format", "markdown"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// The text a smart-quote renderer sees: the Markdown without its code spans, its math and the
    /// delimiter rows of its tables (`|---:|`).
    static func prose(_ markdown: String) -> String {
        markdown.split(separator: "\n").filter { !$0.hasPrefix("|-") }.joined(separator: "\n")
            .replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\$\\$[^$]*\\$\\$", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\$[^$]*\\$", with: "", options: .regularExpression)
    }

    /// `--average` outside a code span becomes "–average" under smart punctuation (pandoc, many
    /// static-site generators), which no student can type back.
    @Test(arguments: commands) func optionNamesAreCodeSpans(_ arguments: [String]) {
        let prose = Self.prose(Self.markdown(arguments))
        #expect(!prose.contains("--"), "\(arguments): an option name outside a code span")
    }

    /// A pipe table needs a header row: without one GitHub shows an empty grey row, and a wide one
    /// squeezes its label column until pandoc's MathML shows "s" for "s = 0:". Header-less rows of
    /// arithmetic are display math instead, and every per-sample label is there.
    @Test(arguments: commands) func everyTableHasAHeader(_ arguments: [String]) {
        let markdown = Self.markdown(arguments)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() where line.hasPrefix("|") && (n == 0 || !lines[n - 1].hasPrefix("|")) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.contains { !$0.isEmpty }, "\(arguments): a table without a header: \(line)")
        }
    }

    /// Each sample's row of an average keeps its label `s = 0`, `s = 1`, … where renderers show it:
    /// in display math, as math (`\\text{s = 0:}` in a MathML table cell shows as "s" in Chromium).
    @Test(arguments: [["update", "--layer", "L-1", "--j", "2", "--k", "2"], ["step", "--layer", "L", "--j", "1", "--k", "2", "--average"]])
    func perSampleLabelsAreMathInDisplayMath(_ arguments: [String]) throws {
        let markdown = Self.markdown(arguments)
        for s in 0..<2 {
            let line = try #require(markdown.split(separator: "\n").first { $0.contains("s = \(s)") })
            #expect(!line.hasPrefix("|"), "sample \(s)'s row is in a pipe table: \(line)")
            #expect(line.hasPrefix("s = \(s){:} & "), "sample \(s)'s label is not math: \(line)")
        }
    }
}
