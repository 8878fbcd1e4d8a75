/// The text of the operators and of the general notation's pieces (``Math/Piece/variable(_:sub:sup:)``, fractions,
/// functions, brackets, cases), and the spacing a piece takes from its neighbours: a function after
/// a factor is set off by a space (`y_j ln a_j^L`), and two factors side by side are separated by
/// one unless the second opens a bracket (`0.01 z`, but `g(z)(1 − g(z))`).
extension TextRenderer {
    /// A formula's pieces written one after the other, spaced as above.
    func joined(_ math: Math) -> String {
        var out = ""
        for (n, piece) in math.pieces.enumerated() {
            switch piece {
            case .function where n > 0:
                if case .op = math.pieces[n - 1] {} else { out += " " }
                out += text(piece)
            case .op(.juxtaposed):
                out += n + 1 < math.pieces.count && TextRenderer.opensBracket(math.pieces[n + 1]) ? "" : " "
            default:
                out += text(piece)
            }
        }
        return out
    }

    /// Whether a piece begins with a bracket of its own (`(0, z)`, `[…]`), so that nothing need
    /// separate it from a factor before it.
    static func opensBracket(_ piece: Math.Piece) -> Bool {
        switch piece {
        case .bracketed, .parenthesized, .bracket(_, opening: true): return true
        default: return false
        }
    }

    func formulaText(_ piece: Math.Piece) -> String {
        switch piece {
        case .variable(let base, let sub, let sup):
            return base + (sub.isEmpty ? "" : "_" + TextRenderer.script(sub)) + (sup.isEmpty ? "" : "^" + TextRenderer.script(sup))
        case .integer(let n): return "\(n)"
        case .fraction(let numerator, let denominator):
            return side(numerator) + " / " + side(denominator)
        case .reciprocal(let count): return "(1/" + joined(count) + ")"
        case .partial(let top, let bottom, _): return "∂" + joined(top) + "/∂" + joined(bottom)
        case .function(let name, let argument, let squared):
            let separator = argument.pieces.first.map(TextRenderer.opensPlainBracket) == true ? "" : " "
            return name + (squared ? "²" : "") + separator + joined(argument)
        case .bracketed(let inner, let bracket):
            return TextRenderer.bracketText(bracket, opening: true) + joined(inner) + TextRenderer.bracketText(bracket, opening: false)
        case .bracket(let bracket, let opening): return TextRenderer.bracketText(bracket, opening: opening)
        case .conditional(let value, let condition, let otherwise):
            return joined(value) + " if " + joined(condition) + ", else " + joined(otherwise)
        case .kronecker(let i, let j): return "δ_" + i + j
        case .transposed(let inner): return joined(inner) + "^T"
        case .ones: return "1"
        case .code(let command): return command
        case .blank: return "____________"
        case .numeral(let digits): return digits
        case .ellipsis: return "…"
        default: return ""  // the others are written by text(_:)
        }
    }

    /// A script of the general notation as text: as it is when it is letters and digits (`jk`) or
    /// a group already (`(L-1)`), else in parentheses, `a_k^(l-1)`, `Σ_(s ∈ B)`; primes at its end
    /// stay outside, `g_(L-1)'`.
    static func script(_ script: String) -> String {
        let primes = script.reversed().prefix { $0 == "'" || $0 == "′" }.count, body = script.dropLast(primes)
        let plain = body.allSatisfy { $0.isLetter || $0.isNumber } || (body.hasPrefix("(") && body.hasSuffix(")"))
        return (plain ? String(body) : "(" + body + ")") + script.suffix(primes)
    }

    /// Whether a function's argument starts with brackets it is written against, `max(0, z)`,
    /// rather than after a space, `tanh z`, `ln (1 − a)`.
    static func opensPlainBracket(_ piece: Math.Piece) -> Bool {
        if case .bracketed(_, .plain) = piece { return true }
        return false
    }

    private static func bracketText(_ bracket: Math.Bracket, opening: Bool) -> String {
        switch bracket {
        case .plain, .big: return opening ? "(" : ")"
        case .square: return opening ? "[" : "]"
        case .bars: return "|"
        }
    }

    /// A side of a fraction on one line: in parentheses when it holds an operator, `(1 + e^(−z))`.
    private func side(_ math: Math) -> String {
        let compound = math.pieces.contains { if case .op = $0 { true } else { false } }
        return compound ? "(" + joined(math) + ")" : joined(math)
    }

    /// An operator as text, with the spaces it takes: ` · `, ` = `, `×` in a shape, `−` before a term.
    func operatorText(_ op: Math.Operator) -> String {
        switch op {
        case .times: return " · "
        case .plus: return " + "
        case .minus: return " − "
        case .equals: return " = "
        case .lessOrEqual: return " ≤ "
        case .greater: return " > "
        case .less: return " < "
        case .slash: return "/"
        case .cross: return " × "
        case .greaterOrEqual: return " ≥ "
        case .notEqual: return " ≠ "
        case .approximately: return " ≈ "
        case .element: return " ∈ "
        case .assigned: return " ← "
        case .quad: return "   "
        case .qquad: return "    "
        case .half: return "½"
        case .hadamard: return " ⊙ "
        case .divided: return " / "
        case .matrixProduct: return " "
        case .becomes: return " → "
        case .bar: return "   │   "
        case .by: return "×"
        case .negative: return "−"
        case .comma: return ", "
        case .colon: return ":"
        case .juxtaposed: return " "
        }
    }
}
