import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// Type a lecturer projects: mathematics in prose typeset as mathematics in LaTeX and beamer, the
/// page's words in formulas as `<mtext>`, its minus signs U+2212, its layer labels `L−2` set as a
/// name (not spaced as a subtraction `L - 2`), its formulas no smaller than its prose, and LaTeX
/// titles set ragged right (a justified line stretches its spaces).
struct ProjectedTypeTests {
    /// A softmax network with cross-entropy whose targets sum to 1: the derivation ends with "the
    /// well-known a − y".
    static let softmax = ["step", "--network", TestPaths.lessons.appendingPathComponent("networks/iris-trained.json").path,
                          "--layer", "L", "--j", "0", "--k", "0"]

    @Test(arguments: ["latex", "beamer"])
    func theWellKnownAMinusYIsMathematics(_ format: String) {
        let result = runCLI(Self.softmax + ["--format", format])
        #expect(result.status == 0)
        #expect(result.stdout.contains("the well-known $a - y$."), "\(result.stdout.suffix(600))")
        #expect(runCLI(Self.softmax).stdout.contains("the well-known a − y."))
    }

    /// The page: the update rule's words as `<mtext>`, never one `<mi>` per word; every negative
    /// number with U+2212 (the built-in network's w_20^1 = −0.4 among them), none with a hyphen.
    @Test func pageWordsAndMinusSigns() {
        let page = runCLI(["html"]).stdout
        #expect(page.contains("<mtext>new weight</mtext><mo>=</mo><mtext>old weight</mtext>"))
        #expect(!page.contains("<mi>new</mi>") && !page.contains("<mi>weight</mi>"))
        #expect(page.contains("<mn>−0.4</mn>"))
        #expect(!page.contains("<mn>-"), "a hyphen for a minus sign")
        #expect(!page.contains(/<mn>[0-9.]+<\/mn><mo>×<\/mo><msup><mn>10<\/mn><mn>-/), "a hyphen in an exponent")
    }

    /// Headings name a layer `L−2`: the letter, a tight minus and the number, not `<mo>-</mo>`,
    /// which a browser spaces as a subtraction, `L - 2`.
    @Test func pageHeadingsSayLMinusTwo() {
        let page = runCLI(["html"]).stdout
        #expect(page.contains("<h4>Layer <math><mi>L</mi><mo lspace=\"0\" rspace=\"0\">−</mo><mn>2</mn></math> (<math><mi>l</mi>"))
        #expect(!page.contains("<mo>-</mo>"))
    }

    /// The page's formulas are set larger than its prose font (`math { font-size: 1.2em; }`), so
    /// that a math font's smaller letters read at least as large as the sentence around them.
    @Test func pageMathIsAtLeastBodySize() throws {
        let page = runCLI(["html"]).stdout
        let size = try #require(page.firstMatch(of: /\nmath \{ font-size: ([0-9.]+)em; \}/))
        #expect(try #require(Double(size.output.1)) >= 1.2)
    }

    /// A LaTeX document's title is ragged right, its paragraph closed inside the group that sets it.
    @Test func latexTitleIsRaggedRight() {
        let latex = runCLI(["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "latex"]).stdout
        #expect(latex.contains("\\par\\noindent{\\raggedright\\large\\bfseries "))
        #expect(!latex.contains("\\noindent{\\large\\bfseries"))
    }
}
