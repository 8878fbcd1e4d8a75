@testable import NNExplain
import Testing

/// The general notation is structure that each renderer spells: the activations' and losses'
/// formulas read as they always have in text and LaTeX, and the lessons' LaTeX is read into the same
/// pieces the tool's documents are made of.
struct NotationTests {
    let text = TextRenderer(naming: LayerNaming(depth: 2))
    let latex = LatexMath(naming: LayerNaming(depth: 2), precision: 9)

    @Test(arguments: [
        (Activation.sigmoid, "1 / (1 + e^(−z))", "\\frac{1}{1 + e^{-z}}", "g(z)(1 − g(z))", "g(z)\\,(1 - g(z))"),
        (Activation.tanh, "tanh z", "\\tanh z", "1 − tanh² z", "1 - \\tanh^2 z"),
        (Activation.relu, "max(0, z)", "\\max(0, z)", "1 if z > 0, else 0", "1 \\text{ if } z > 0 \\text{, else } 0"),
        (Activation.leakyRelu, "z if z > 0, else 0.01 z", "z \\text{ if } z > 0 \\text{, else } 0.01\\,z",
         "1 if z > 0, else 0.01", "1 \\text{ if } z > 0 \\text{, else } 0.01"),
        (Activation.identity, "z", "z", "1", "1"),
        (Activation.softmax, "e^(z_j) / Σ_i e^(z_i)", "\\frac{e^{z_{j}}}{\\sum_{i} e^{z_{i}}}", "a_i(δ_ij − a_j)", "a_{i}(\\delta_{ij} - a_{j})"),
    ])
    func activationFormulasAreSpelledByTheRenderers(_ g: Activation, _ text: String, _ latex: String, _ slopeText: String, _ slopeLatex: String) {
        #expect(self.text.text(g.formula) == text)
        #expect(self.latex.latex(g.formula) == latex)
        #expect(self.text.text(g.derivativeFormula) == slopeText)
        #expect(self.latex.latex(g.derivativeFormula) == slopeLatex)
    }

    @Test func lossFormulasAreSpelledByTheRenderers() {
        let C = Symbol.loss(.sample(0))
        #expect(text.text(Loss.halfSquared.formula(loss: C, depth: 2)) == "C_0 = ½ Σ_j (a_j^L − y_j)²")
        #expect(latex.latex(Loss.halfSquared.formula(loss: C, depth: 2)).hasPrefix("C_{0} = \\tfrac{1}{2}\\sum_{j} "))
        #expect(text.text(Loss.binaryCrossEntropy.formula(loss: C, depth: 2)) == "C_0 = −Σ_j [y_j ln a_j^L + (1 − y_j) ln (1 − a_j^L)]")
        #expect(text.text(Loss.crossEntropy.term(a: [.number(0.25)], y: [.number(1)])) == "−1 ln 0.25")
    }

    @Test func theLessonsLatexIsReadIntoStructure() {
        let partial = LessonMath.math("\\partial C_0/\\partial w_{12}^L")
        #expect(partial.pieces == [.partial([.variable("C", sub: "0")], [.variable("w", sub: "12", sup: "L")], slashed: true)])
        #expect(LessonMath.math("(a - y)^2").pieces == [.squared([.bracketed([.variable("a"), .op(.minus), .variable("y")], .plain)])])
        #expect(LessonMath.text("\\frac{1}{N} \\sum_s C_s") == "(1/N) Σ_s C_s")
        #expect(LessonMath.text("g_{L-1}'(z_2^{L-1})") == "g_(L-1)'(z_2^(L-1))")
    }
}
