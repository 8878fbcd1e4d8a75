/// The LaTeX of the general notation's pieces: `z_{j}^{l}` with its scripts in braces as a symbol's
/// are, `\frac{…}{…}`, `\ln a`, `\max(0, z)`, `\left[ … \right]`, `\lvert … \rvert`, cases with
/// their words in `\text{…}`; two factors side by side get a thin space `\,` after a number or
/// before a bracket (`0.01\,z`, `g(z)\,(1 - g(z))`), nothing after an operator (`\tfrac{1}{2}\sum`),
/// else a space (`W^{l} a^{l-1}`).
extension LatexMath {
    /// A formula's pieces one after the other, spaced as above.
    func joined(_ math: Math) -> String {
        var out = ""
        for (n, piece) in math.pieces.enumerated() {
            guard case .op(.juxtaposed) = piece else { out += latex(piece); continue }
            let afterNumber = n > 0 && LatexMath.isNumber(math.pieces[n - 1])
            let afterOperator = n > 0 && { if case .op = math.pieces[n - 1] { true } else { false } }()
            let beforeBracket = n + 1 < math.pieces.count && TextRenderer.opensBracket(math.pieces[n + 1])
            out += afterNumber || beforeBracket ? "\\," : afterOperator ? "" : " "
        }
        return out
    }

    private static func isNumber(_ piece: Math.Piece) -> Bool {
        switch piece {
        case .number, .operand, .integer: return true
        default: return false
        }
    }

    func formulaLatex(_ piece: Math.Piece) -> String {
        switch piece {
        case .variable(let base, let sub, let sup):
            return LatexMath.letter(base) + (sub.isEmpty ? "" : "_{\(sub.replacingPrimes)}") + (sup.isEmpty ? "" : "^{\(sup)}")
        case .integer(let n): return "\(n)"
        case .fraction(let numerator, let denominator): return "\\frac{" + latex(numerator) + "}{" + latex(denominator) + "}"
        case .reciprocal(let count): return "\\frac{1}{" + latex(count) + "}"
        case .partial(let top, let bottom, let slashed):
            return slashed || slashedPartials ? "\\partial " + latex(top) + " / \\partial " + latex(bottom)
                : "\\frac{\\partial " + latex(top) + "}{\\partial " + latex(bottom) + "}"
        case .function(let name, let argument, let squared):
            let separator = argument.pieces.first.map(TextRenderer.opensPlainBracket) == true ? "" : " "
            return "\\" + name + (squared ? "^2" : "") + separator + latex(argument)
        case .bracketed(let inner, let bracket):
            return LatexMath.bracket(bracket, opening: true) + latex(inner) + LatexMath.bracket(bracket, opening: false)
        case .bracket(let bracket, let opening): return LatexMath.bracket(bracket, opening: opening)
        case .conditional(let value, let condition, let otherwise):
            return latex(value) + " \\text{ if } " + latex(condition) + " \\text{, else } " + latex(otherwise)
        case .kronecker(let i, let j): return "\\delta_{" + i + j + "}"
        case .transposed(let inner): return latex(inner) + "^{T}"
        case .ones: return "\\mathbf{1}"
        // `--` as two hyphens in typewriter type, not an en dash.
        case .code(let command): return "\\texttt{" + command.replacingAll("--", with: "-{}-") + "}"
        case .blank: return "\\underline{\\hspace{4cm}}"
        case .numeral(let digits): return digits
        case .ellipsis: return "\\ldots"
        default: return ""  // the others are written by latex(_:)
        }
    }

    /// A letter of the notation in LaTeX: a Greek one by its command, `\delta`, `\theta`.
    static func letter(_ base: String) -> String {
        let greek: [String: String] = ["δ": "\\delta", "Δ": "\\Delta", "θ": "\\theta", "ε": "\\varepsilon", "η": "\\eta"]
        return greek[base] ?? base.replacingPrimes
    }

    private static func bracket(_ bracket: Math.Bracket, opening: Bool) -> String {
        switch bracket {
        case .plain: return opening ? "(" : ")"
        case .big: return opening ? "\\bigl(" : "\\bigr)"
        case .square: return opening ? "\\left[" : "\\right]"
        case .bars: return opening ? "\\lvert " : " \\rvert"
        }
    }
}
