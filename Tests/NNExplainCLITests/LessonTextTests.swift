// @testable: the lesson renderer (LessonText) and the compiled lessons are internal to the CLI.
import NNExplain
@testable import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `nnexplain lesson N` is for a terminal: no Markdown or HTML left for a student to read past, the
/// math spelled as the text renderer spells it, and `--no-answers` the student's edition.
struct LessonTextTests {
    static let numbers = Lessons.all.map(\.number)

    @Test(arguments: numbers) func theTerminalEditionHasNoTagsOrFences(_ n: Int) {
        let result = runCLI(["lesson", String(n)])
        #expect(result.status == 0)
        for raw in ["<details>", "</details>", "<summary>", "```", "$$", "**"] {
            #expect(!result.stdout.contains(raw), "lesson \(n) shows \(raw)")
        }
        let hasAnswers = Lessons.numbered(n)!.text.contains("<summary>Answers</summary>")
        #expect(result.stdout.contains("\nAnswers\n───────\n") == hasAnswers, "lesson \(n): the answers under a heading")
    }

    /// Every line of the answers (as the Markdown has them) is gone, and every question stays.
    @Test(arguments: numbers.filter { Lessons.numbered($0)!.text.contains("<details>") })
    func noAnswersIsTheStudentsEdition(_ n: Int) throws {
        let markdown = Lessons.numbered(n)!.text
        let lines = markdown.split(separator: "\n")
        let start = try #require(lines.firstIndex(of: "<details>")), end = try #require(lines.firstIndex(of: "</details>"))
        let answers = lines[(start + 1)..<end].filter { $0.first?.isNumber == true }
        #expect(!answers.isEmpty)
        let student = runCLI(["lesson", String(n), "--no-answers", "--markdown"]).stdout
        for answer in answers { #expect(!student.contains(answer), "lesson \(n) still answers: \(answer)") }
        #expect(!student.contains("<details>"))
        let questions = try #require(markdown.range(of: "## Questions"))
        let shown = runCLI(["lesson", String(n), "--no-answers"]).stdout
        #expect(!shown.contains("Answers\n───────"))
        #expect(student.contains(markdown[questions.lowerBound...].prefix { $0 != "<" }.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aBatchMeanReadsAsTheToolWritesIt() {
        #expect(LessonMath.text(#"\frac{1}{\lvert B \rvert} \sum_{s \in B} C_s"#) == "(1/|B|) Σ_(s ∈ B) C_s")
    }

    @Test func aPictureIsNamedForTheTerminal() {
        #expect(LessonText.inline("![XOR, learned](pictures/xor-boundary.svg)") == "Picture: XOR, learned (lessons/pictures/xor-boundary.svg)")
        #expect(LessonText.inline("Wow! [a link](x.md)") == "Wow! a link (x.md)")
    }

    @Test func theOptionsNeedALessonNumber() {
        let result = runCLI(["lesson", "--no-answers"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --no-answers and --markdown need a lesson number"))
    }

    /// The terminal edition, and the student's, of every lesson with its command outputs left out:
    /// what remains is the lessons' own prose and math, which must hold no LaTeX a student would have
    /// to read past (a backslash command, a `$`, a brace). The console blocks are the tool's output
    /// and may hold braces (network files) and `$` (the command line).
    @Test(arguments: numbers) func theMathLeavesNoLatexBehind(_ n: Int) {
        let prose = Self.withoutConsoleBlocks(Lessons.numbered(n)!.text)
        for (edition, text) in [("", LessonText.terminal(prose)), (" --no-answers", LessonText.terminal(LessonText.withoutAnswers(prose)))] {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let place = "lesson \(n)\(edition), line \(number + 1): \(line)"
                #expect(line.firstRange(of: /\\[A-Za-z,;!{}]/) == nil, "a LaTeX command in \(place)")
                #expect(!line.contains("$"), "a $ in \(place)")
                var depth = 0
                for c in line { if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }; if depth < 0 { break } }
                #expect(depth == 0, "unbalanced braces in \(place)")
                #expect(!line.contains("_{") && !line.contains("^{"), "a LaTeX group in \(place)")
            }
        }
        #expect(runCLI(["lesson", String(n)]).stdout == LessonText.terminal(Lessons.numbered(n)!.text))
    }

    /// The lesson with every fenced block (the ```` ```console ```` outputs) cut out.
    static func withoutConsoleBlocks(_ markdown: String) -> String {
        var out: [Substring] = [], fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            if !fenced { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    /// The LaTeX the lessons use, in the text renderer's spelling.
    @Test(arguments: [
        ("\\partial C_0/\\partial w_{12}^L", "∂C_0/∂w_12^L"),
        ("\\frac{\\partial C_0}{\\partial w_{22}^{L-1}}", "∂C_0/∂w_22^(L-1)"),
        ("C_0 = \\tfrac{1}{2} \\sum_j (a_j^L - y_j)^2", "C_0 = ½ Σ_j (a_j^L − y_j)²"),
        ("\\delta^l = ((W^{l+1})^T \\delta^{l+1}) \\odot g_l'(z^l)", "δ^l = ((W^(l+1))^T δ^(l+1)) ⊙ g_l'(z^l)"),
        ("g(z) = 1 / (1 + e^{-z})", "g(z) = 1 / (1 + e^(−z))"),
        ("\\lvert z\\rvert \\cdot 2 \\times 3", "|z| · 2 × 3"),
        ("\\frac{C(\\theta + \\varepsilon) - C(\\theta - \\varepsilon)}{2\\varepsilon}", "(C(θ + ε) − C(θ − ε))/2ε"),
        ("\\frac{\\partial}{\\partial a_j^L} (a_j^L - y_j)^2", "(∂/∂a_j^L) (a_j^L − y_j)²"),
        ("a_j^L = \\frac{e^{z_j^L}}{\\sum_i e^{z_i^L}}", "a_j^L = e^(z_j^L)/(Σ_i e^(z_i^L))"),
        ("\\left(\\sum_i w_{ik}^l \\cdot \\delta_i^l\\right) \\qquad \\text{with}", "(Σ_i w_ik^l · δ_i^l)    with"),
        ("w \\leftarrow w - \\eta \\cdot g \\quad -y_i / a_i^L", "w ← w − η · g   −y_i / a_i^L"),
        ("(0.5^2 + 0.5^2) / 2, \\varepsilon^2, W^2, a_1^2", "(0.5² + 0.5²) / 2, ε², W^2, a_1^2"),
        ("\\partial E_{\\mathrm{total}}/\\partial \\mathrm{out}_{h1}, x = -0.2", "∂E_total/∂out_h1, x = -0.2"),
    ])
    func mathIsSpelledAsTheTextRendererSpellsIt(_ latex: String, _ text: String) {
        #expect(LessonMath.text(latex) == text)
    }

    /// The lessons' formulas, shown on a terminal, read exactly as the tool's own text renderer
    /// prints the same formulas (the expected lines are read from the commands, not written here).
    @Test(arguments: [
        (["gradients"], "\\frac{\\partial C}{\\partial w_{jk}^l} = \\frac{1}{N} \\sum_s \\frac{\\partial C_s}{\\partial w_{jk}^l}"),
        (["gradients"], "C = \\frac{1}{N} \\sum_s C_s"),
        (["forward", "--network", TestPaths.package.appendingPathComponent("lessons/networks/mazur.json").path],
         "z_j^l = \\sum_k w_{jk}^l \\cdot a_k^{l-1} + b_j^l"),
        (["forward"], "g(z) = 1 / (1 + e^{-z})"),
        (["forward", "--network", TestPaths.package.appendingPathComponent("lessons/networks/mazur.json").path],
         "C_0 = \\tfrac{1}{2} \\sum_j (a_j^L - y_j)^2"),
        (["step", "--layer", "L-1", "--j", "2", "--k", "2"],
         "\\frac{\\partial C_0}{\\partial a_2^{L-1}} = \\sum_i \\frac{\\partial C_0}{\\partial a_i^L} \\cdot g_L'(z_i^L) \\cdot w_{i2}^L"),
        (["update"], "\\text{new weight} = \\text{old weight} - (\\text{learning rate} \\times \\text{gradient})"),
    ])
    func lessonMathReadsAsTheToolPrintsIt(_ arguments: [String], _ latex: String) {
        let printed = runCLI(arguments)
        #expect(printed.status == 0)
        #expect(printed.stdout.contains(LessonMath.text(latex)), "'\(LessonMath.text(latex))' is not how \(arguments[0]) prints it")
    }
}
