
/// Writes formulas in LaTeX math (amsmath only), for the LaTeX and Markdown renderers:
/// `\frac{\partial C_{0}}{\partial w_{12}^{L}}`, `a_{2}^{L-1}`, `g_{L-1}'(z_{i}^{L-1})`.
struct LatexMath: Sendable {
    var naming: LayerNaming
    var precision: Int
    /// `∂C/∂w` as `\partial C / \partial w` rather than `\frac`: for headings and table headers,
    /// where a `\frac` would be set in script size.
    var slashedPartials = false
    /// The width in ems a display keeps within (see `LatexMath+Width.swift`); nil for none, as in
    /// Markdown, where the reader's renderer sets the page.
    var budget: Double?

    /// A formula as LaTeX math, without the surrounding `$`.
    func latex(_ math: Math) -> String { joined(math) }

    func latex(_ piece: Math.Piece) -> String {
        switch piece {
        case .symbol(let symbol): return latex(symbol)
        case .number(let x): return number(x)
        case .operand(let x): return x < 0 ? "(\(number(x)))" : number(x)
        case .op(let op): return latex(op)
        case .word(let word): return LatexProse.inMath(word)
        case .parenthesized(let inner): return "\\left(" + latex(inner) + "\\right)"
        case .squared(let inner): return "{" + latex(inner) + "}^{2}"
        case .exponential(let power): return "e^{" + latex(power) + "}"
        case .activation(let l): return "g_{\(naming.label(l))}"
        case .sum(let index): return "\\sum_{\(index.replacingPrimes)} "
        case .mean(let index): return "\\frac{1}{N}" + latex(.sum(index))
        case .batchMean(let index): return "\\frac{1}{|B|}\\sum_{\(index.replacingPrimes) \\in B} "
        case .over(let numerator, let n): return "\\frac{" + latex(numerator) + "}{\(n)}"
        case .matrix(let rows): return matrix(rows)
        case .variable, .integer, .fraction, .reciprocal, .partial, .function, .bracketed, .bracket, .conditional,
             .kronecker, .transposed, .ones, .code, .blank, .numeral, .ellipsis:
            return formulaLatex(piece)
        }
    }

    func latex(_ op: Math.Operator) -> String {
        switch op {
        case .times: return " \\cdot "
        case .plus: return " + "
        case .minus: return " - "
        case .equals: return " = "
        case .lessOrEqual: return " \\le "
        case .greater: return " > "
        case .less: return " < "
        case .slash: return "/"
        case .cross: return " \\times "
        case .greaterOrEqual: return " \\ge "
        case .notEqual: return " \\neq "
        case .approximately: return " \\approx "
        case .element: return " \\in "
        case .assigned: return " \\leftarrow "
        case .quad: return " \\quad "
        case .qquad: return " \\qquad "
        case .half: return "\\tfrac{1}{2}"
        case .hadamard: return " \\odot "
        case .divided: return " / "
        case .matrixProduct: return " \\, "
        case .becomes: return " \\to "
        case .bar: return " "
        case .by: return " \\times "
        case .negative: return "-"
        case .comma: return ", "
        case .colon: return "{:}"
        case .juxtaposed: return ""
        }
    }

    /// A `bmatrix` (amsmath) with its shape under it; the middle rows and columns of a big matrix
    /// elided with `\\cdots`, `\\vdots` and `\\ddots`, as in text (``Math/shownIndices(_:)``), and
    /// more of its columns when it would be wider than ``budget`` (``shownColumns(_:)``).
    private func matrix(_ rows: [[Double]]) -> String {
        let columns = rows.first?.count ?? 0
        let body = Math.shownIndices(rows.count).map { r in
            shownColumns(rows).map { c in
                switch (r, c) {
                case (let r?, let c?): return number(rows[r][c])
                case (nil, nil): return "\\ddots"
                case (nil, _): return "\\vdots"
                case (_, nil): return "\\cdots"
                }
            }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        return "\\underset{\(latex(Math.shape(rows.count, columns)))}{\\begin{bmatrix} \(body) \\end{bmatrix}}"
    }

    /// The rows of an `aligned` environment, `lhs &= step`, one per step. (LaTeX keeps a display
    /// within a width with ``fittedRows(_:_:chain:budget:)``.)
    func alignedRows(_ lhs: Math, _ steps: [Math]) -> [String] {
        let left = latex(lhs)
        return steps.enumerated().map { n, step in (n == 0 ? left : "") + " &= " + latex(step) }
    }

    /// A number with `precision` significant digits; an exponent becomes `\times 10^{…}`.
    func number(_ x: Double) -> String {
        let text = NumberText.significant(x, precision: precision)
        guard let e = text.firstIndex(where: { $0 == "e" }) else { return text }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(text[..<e]) \\times 10^{\(exponent)}"
    }

    /// A symbol as LaTeX math: a quantity as `base_{sub}^{sup}` from its ``SymbolScripts``.
    func latex(_ symbol: Symbol) -> String {
        if let s = symbol.scripts(naming) {
            return s.base + (s.sub.isEmpty ? "" : "_{\(s.sub.replacingPrimes)}") + (s.sup.isEmpty ? "" : "^{\(s.sup)}")
        }
        switch symbol {
        case .gPrime(let l, let j): return "g_{\(naming.label(l))}'(\(latex(.z(layer: l, j))))"
        case .partial(let top, let bottom) where slashedPartials: return "\\partial \(latex(top)) / \\partial \(latex(bottom))"
        case .partial(let top, let bottom): return "\\frac{\\partial \(latex(top))}{\\partial \(latex(bottom))}"
        case .learningRate: return "\\eta"
        case .epsilon: return "\\varepsilon"
        case .array(let name, let l): return name.latexLetter + "^{\(naming.label(l))}"
        case .delta(let l, let j): return "\\delta_{\(j.text.replacingPrimes)}^{\(naming.label(l))}"
        case .transpose(let inner): return "\\left(" + latex(inner) + "\\right)^{T}"
        case .lossGradient(let scope, let batch): return "\\nabla_{\(batch ? "A" : "a")} " + latex(.loss(scope))
        case .gPrimeArray(let l, let batch): return "g_{\(naming.label(l))}'(\(batch ? "Z" : "z")^{\(naming.label(l))})"
        default: preconditionFailure("\(symbol) has scripts")
        }
    }
}

extension String {
    /// `i′` as LaTeX writes a primed letter, `i'`.
    var replacingPrimes: String { String(map { $0 == "′" ? "'" : $0 }) }
}
