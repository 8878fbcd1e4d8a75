import Foundation
// @testable: the MathML writer (MathMLMath) is internal to the library.
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// The MathML renderer: formulas spelled in MathML Core, numbers with the text's digits, and fragments
/// whose elements all close.
struct MathMLTests {
    let naming = LayerNaming(depth: 3)

    @Test func symbolsAreScripted() {
        let math = MathMLMath(naming: naming, precision: 9)
        #expect(math.mathML(.w(layer: 2, .number(1), .number(2))) == "<msubsup><mi>w</mi><mn>12</mn><mi>L-1</mi></msubsup>")
        #expect(math.mathML(.partial(.loss(.sample(0)), .a(layer: 3, .number(1))))
            == "<mi>∂</mi><msub><mi>C</mi><mn>0</mn></msub><mi>/</mi><mi>∂</mi><msubsup><mi>a</mi><mn>1</mn><mi>L</mi></msubsup>")
        #expect(math.mathML(.gPrime(layer: 3, .number(1)))
            == "<msubsup><mi>g</mi><mi>L</mi><mo>′</mo></msubsup><mrow><mo stretchy=\"false\">(</mo><msubsup><mi>z</mi><mn>1</mn><mi>L</mi></msubsup><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func exponentsBecomePowersOfTen() {
        let math = MathMLMath(naming: naming, precision: 9)
        #expect(math.number(1.5e-7) == "<mrow><mn>1.5</mn><mo>×</mo><msup><mn>10</mn><mn>−7</mn></msup></mrow>")
        #expect(math.number(0.25) == "<mn>0.25</mn>")
    }

    /// The general notation is structure, written by the MathML writer itself: letters with their
    /// scripts, a function's name upright with its square, a fraction stacked, the words of cases as text.
    @Test func generalNotationIsWrittenAsStructure() {
        let math = MathMLMath(naming: naming, precision: 9)
        let z: Math = [.variable("z", sub: "j", sup: "l"), .op(.equals), .sum("k"), .variable("w", sub: "jk", sup: "l"), .op(.times),
                       .variable("a", sub: "k", sup: "l-1")]
        let out = math.mathML(z)
        #expect(out.hasPrefix("<msubsup><mi>z</mi><mi>j</mi><mi>l</mi></msubsup><mo>=</mo><msub><mo>∑</mo><mi>k</mi></msub>"))
        #expect(out.hasSuffix("<msubsup><mi>a</mi><mi>k</mi><mi>l-1</mi></msubsup>"))
        #expect(math.mathML(Activation.tanh.derivativeFormula) == "<mn>1</mn><mo>−</mo><msup><mi>tanh</mi><mn>2</mn></msup><mi>z</mi>")
        #expect(math.mathML(Activation.sigmoid.formula)
                == "<mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup></mrow></mfrac>")
        #expect(math.mathML(Activation.relu.derivativeFormula).contains("<mtext>\u{A0}if\u{A0}</mtext>"))
    }

    /// Every number the text of a derivation prints appears as an `<mn>` of its MathML, so the page
    /// shows the digits `step` prints; and every element opened is closed, in order.
    @Test(arguments: [(3, 1, 2), (2, 2, 2), (1, 0, 1)])
    func derivationKeepsTheTextsNumbers(_ w: (Int, Int, Int)) throws {
        let network = Network.standard
        for document in try [network.derivation(layer: w.0, j: w.1, k: w.2, sample: 1).document,
                         try network.averagedDerivation(layer: w.0, j: w.1, k: w.2).document] {
            let text = TextRenderer(naming: naming).render(document)
            let html = MathMLRenderer(naming: naming).render(document)
            let numbers = try Regex(#"-?\d+\.\d+"#)
            for match in text.matches(of: numbers) {
                // The page's minus sign is U+2212 where the text has a hyphen.
                let shown = text[match.range].replacing("-", with: "−")
                #expect(html.contains("<mn>\(shown)</mn>"), "\(shown) is missing from the MathML")
            }
            #expect(unclosedElement(html) == nil)
        }
    }
}

/// The first element of an HTML or MathML fragment that is not closed in order (void elements and
/// `/>` aside); nil when all are.
func unclosedElement(_ html: String) -> String? {
    let void: Set<String> = ["meta", "br", "input", "img", "link", "hr"]
    var open: [String] = []
    let tag = try! Regex(#"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>"#)
    for match in html.matches(of: tag) {
        let whole = String(html[match.range])
        guard let name = match.output[2].substring.map({ String($0).lowercased() }) else { continue }
        if whole.hasPrefix("<!") || void.contains(name) || whole.hasSuffix("/>") { continue }
        if whole.hasPrefix("</") {
            guard open.last == name else { return "</\(name)> closes <\(open.last ?? "nothing")>" }
            open.removeLast()
        } else {
            open.append(name)
        }
    }
    return open.last
}
