@testable import NNExplainCLI
import Testing

/// `nnexplain lesson N` is for a terminal: no Markdown or HTML left for a student to read past, the
/// math spelled as the text renderer spells it, and `--no-answers` the student's edition.
struct LessonTextTests {
    static let numbers = Array(1...Lessons.all.count)

    @Test(arguments: numbers) func theTerminalEditionHasNoTagsOrFences(_ n: Int) {
        let result = runCLI(["lesson", String(n)])
        #expect(result.status == 0)
        for raw in ["<details>", "</details>", "<summary>", "```", "$$", "**"] {
            #expect(!result.stdout.contains(raw), "lesson \(n) shows \(raw)")
        }
        let hasAnswers = Lessons.all[n - 1].text.contains("<summary>Answers</summary>")
        #expect(result.stdout.contains("\nAnswers\n───────\n") == hasAnswers, "lesson \(n): the answers under a heading")
    }

    /// Every line of the answers (as the Markdown has them) is gone, and every question stays.
    @Test(arguments: numbers.filter { Lessons.all[$0 - 1].text.contains("<details>") })
    func noAnswersIsTheStudentsEdition(_ n: Int) throws {
        let markdown = Lessons.all[n - 1].text
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

    @Test func theOptionsNeedALessonNumber() {
        let result = runCLI(["lesson", "--no-answers"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --no-answers and --markdown need a lesson number"))
    }

    /// The LaTeX the lessons use, in the text renderer's spelling.
    @Test(arguments: [
        ("\\partial C_0/\\partial w_{12}^L", "∂C_0/∂w_12^L"),
        ("\\frac{\\partial C_0}{\\partial w_{22}^{(L-1)}}", "(∂C_0)/(∂w_22^(L-1))"),
        ("C_0 = \\tfrac{1}{2} \\sum_j (a_j^L - y_j)^2", "C_0 = ½ Σ_j (a_j^L − y_j)²"),
        ("\\delta^l = ((W^{(l+1)})^T \\delta^{(l+1)}) \\odot g_l'(z^l)", "δ^l = ((W^(l+1))^T δ^(l+1)) ⊙ g_l'(z^l)"),
        ("g(z) = 1 / (1 + e^{-z})", "g(z) = 1 / (1 + e^(-z))"),
        ("\\lvert z\\rvert \\cdot 2 \\times 3", "|z| · 2 × 3"),
    ])
    func mathIsSpelledAsTheTextRendererSpellsIt(_ latex: String, _ text: String) {
        #expect(LessonMath.text(latex) == text)
    }
}
