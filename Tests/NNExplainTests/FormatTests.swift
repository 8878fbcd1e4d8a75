import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The output formats: LaTeX that balances (compiled by pdflatex in `LaTeXCompileTests`), Markdown whose math is balanced, ASCII that is ASCII,
/// and colour only where it belongs.
struct FormatTests {
    static let mazur = CommandLines.mazur

    static let explaining = CommandLines.explaining

    /// `\begin{x}` and `\end{x}` pair up in order, and braces balance (ignoring `\{` and `\}`).
    static func balanced(_ latex: String) -> Bool {
        var environments: [Substring] = []
        var depth = 0
        var previous: Character = " "
        for character in latex {
            if previous != "\\" {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
            }
            if depth < 0 { return false }
            previous = character
        }
        let pattern = try! Regex(#"\\(begin|end)\{([a-z*]+)\}"#)
        for match in latex.matches(of: pattern) {
            let kind = match.output[1].substring!, name = match.output[2].substring!
            if kind == "begin" {
                environments.append(name)
            } else if environments.popLast() != name {
                return false
            }
        }
        return depth == 0 && environments.isEmpty
    }

    @Test(arguments: explaining)
    func latexIsBalanced(_ arguments: [String]) {
        let fragment = runCLI(arguments + ["--format", "latex"])
        #expect(fragment.status == 0)
        #expect(Self.balanced(fragment.stdout))
        #expect(!fragment.stdout.contains("\\documentclass"))
        let document = runCLI(arguments + ["--format", "latex", "--standalone"])
        #expect(document.stdout.hasPrefix("\\documentclass{article}\n"))
        #expect(document.stdout.hasSuffix("\\end{document}\n"))
        #expect(Self.balanced(document.stdout))
    }

    @Test(arguments: explaining)
    func markdownMathIsBalanced(_ arguments: [String]) {
        let result = runCLI(arguments + ["--format", "markdown"])
        #expect(result.status == 0)
        let dollars = result.stdout.filter { $0 == "$" }.count
        #expect(dollars % 2 == 0)
        #expect(result.stdout.hasPrefix("## "))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    /// `--ascii` is the same explanation in ASCII: only ASCII characters, `d` for `∂`, and the same
    /// numbers (as a multiset: a matrix may be laid out differently) as the Unicode text.
    @Test(arguments: explaining)
    func asciiIsAscii(_ arguments: [String]) {
        let result = runCLI(arguments + ["--ascii"]), unicode = runCLI(arguments)
        #expect(result.status == 0 && unicode.status == 0)
        let nonASCII = result.stdout.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "not ASCII: \(String(String.UnicodeScalarView(nonASCII.prefix(10))))")
        #expect(unicode.stdout.contains("∂") == result.stdout.contains("dC"), "∂C is written dC")
        #expect(!result.stdout.isEmpty && result.stdout.split(separator: "\n").count == unicode.stdout.split(separator: "\n").count)
        func numbers(_ text: String) -> [String] { text.matches(of: /[0-9]+\.[0-9]+/).map { String($0.output) }.sorted() }
        #expect(!numbers(result.stdout).isEmpty && numbers(result.stdout) == numbers(unicode.stdout), "the same numbers")
    }

    @Test func colorOnlyOnTerminalsAndNeverWithNoColor() {
        let arguments = ["step", "--layer", "L", "--j", "1", "--k", "2"]
        func output(_ extra: [String], terminal: Bool, noColor: Bool) -> String {
            var out = "", err = ""
            _ = run(arguments: arguments + extra, stdout: &out, stderr: &err,
                    environment: Environment(stdoutIsTerminal: terminal, noColor: noColor))
            return out
        }
        let escape = "\u{1B}["
        #expect(!output([], terminal: false, noColor: false).contains(escape))
        #expect(output([], terminal: true, noColor: false).contains(escape))
        #expect(!output([], terminal: true, noColor: true).contains(escape))
        #expect(output(["--color", "always"], terminal: false, noColor: true).contains(escape))
        #expect(!output(["--color", "never"], terminal: true, noColor: false).contains(escape))
        let plain = output([], terminal: false, noColor: false)
        let colored = output(["--color", "always"], terminal: false, noColor: false)
        #expect(colored.replacing(try! Regex("\u{1B}\\[[0-9]*m"), with: "") == plain, "colour adds styles, nothing else")
    }
}

/// The per-sample products of an average are named once, the same in every format: text, Markdown
/// and LaTeX write the chain rule of sample s once above rows of numbers only, and JSON gives the
/// same factors as its `"formula"`.
struct AverageRowsTests {
    @Test(arguments: [
        ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"], ["update", "--layer", "L", "--j", "1", "--k", "2"],
        ["step", "--network", Fixtures.path("softmax-soft.json"), "--layer", "L", "--j", "1", "--k", "2", "--average"],
    ])
    func theSampleChainRuleIsWrittenOnceAndRowsHoldNumbers(_ arguments: [String]) throws {
        let stepArguments = arguments[0] == "update" ? ["step"] + arguments.dropFirst() + ["--average"] : arguments
        let json = try MatrixTests.json(stepArguments)
        let formula = try #require(json["average"]?["formula"]?.stringValue)
        let samples = json["average"]?["samples"]?.arrayValue ?? []
        let text = runCLI(arguments).stdout
        #expect(text.components(separatedBy: " = " + formula + "\n").count == 2, "the formula heads the rows once: \(formula)")
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("    s = ") }
        #expect(rows.count == samples.count)
        for row in rows { #expect(!row.contains("∂"), "a row shows numbers only: \(row)") }
        // Each factor's name appears in the formula in the order of the JSON's factors.
        #expect(formula.components(separatedBy: " · ").count == samples.first?["factors"]?.arrayValue?.count)
        let latex = runCLI(arguments + ["--format", "latex"]).stdout
        #expect(latex.contains("\\frac{\\partial C_{s}}{\\partial w_"), "LaTeX names the product of sample s")
        #expect(!latex.contains("s = 0{:} & \\frac"), "LaTeX rows begin with numbers after the label")
    }
}
